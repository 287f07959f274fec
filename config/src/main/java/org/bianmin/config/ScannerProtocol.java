package org.bianmin.config;

import java.util.Locale;

/** How the kiosk talks to its QR scanner. */
public enum ScannerProtocol {
    /** The scanner sends every code it sees (continuous or sense mode); the kiosk only listens. */
    NONE,
    /** The kiosk triggers a Newland scanner with Newland's serial commands. */
    NEWLAND,
    /** The kiosk triggers a GM65-family scanner with its zone-write commands. */
    GM65;

    /** As written in the configuration: {@code none}, {@code newland}, {@code gm65}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
