package org.bianmin.config;

import java.util.Objects;

/**
 * Who the kiosk is.
 *
 * @param kioskId     how the backend knows the kiosk, e.g. {@code demo-kiosk-01}
 * @param displayName the township or hall it serves, shown at the top of every screen
 */
public record Identity(String kioskId, LocalizedText displayName) {

    public Identity {
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(displayName, "displayName");
    }
}
