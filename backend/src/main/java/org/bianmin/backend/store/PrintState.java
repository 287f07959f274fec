package org.bianmin.backend.store;

import java.util.Locale;

/** Where a print job stands in the kiosk's ledger: queued, then printed or failed (both final). */
public enum PrintState {
    QUEUED, PRINTED, FAILED;

    /** The lower-case name used in JSON and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PrintState fromWire(String value) {
        for (PrintState s : values()) {
            if (s.wireName().equals(value)) {
                return s;
            }
        }
        throw new InvalidInputException("state", "must be one of queued, printed, failed (was " + value + ")");
    }

    public boolean isFinal() {
        return this != QUEUED;
    }
}
