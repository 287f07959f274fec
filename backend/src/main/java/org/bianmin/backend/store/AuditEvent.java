package org.bianmin.backend.store;

import java.time.Instant;

/**
 * One line of the audit trail: who (kiosk), what (action), on what (target), when.
 *
 * <p>Targets and details hold ids (document id, 办件编号, job key), never a citizen's name or ID number. Fleet actions
 * name the admin and the technician (staff, not citizens) in the detail.
 *
 * @param kioskId the kiosk that caused it or that an admin's action concerns, or null for the backend itself
 * @param action  dotted verb, e.g. {@code document.printed}, {@code evaluation.submitted}
 */
public record AuditEvent(Instant at, String kioskId, String action, String target, String detail) {
    public AuditEvent {
        Checks.present("at", at);
        Checks.text("action", action, 40);
        Checks.text("target", target, 200);
        Checks.maxLength("detail", detail, 500);
    }
}
