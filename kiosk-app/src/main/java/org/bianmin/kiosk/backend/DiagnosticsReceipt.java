package org.bianmin.kiosk.backend;

import java.util.Objects;

/**
 * The backend's receipt for an uploaded diagnostic bundle.
 *
 * @param bundleId how the office finds the bundle ({@code GET /api/v1/admin/diagnostics/{bundleId}})
 * @param size     bytes the backend stored
 */
public record DiagnosticsReceipt(String bundleId, long size) {
    public DiagnosticsReceipt {
        Objects.requireNonNull(bundleId, "bundleId");
    }
}
