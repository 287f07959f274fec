package org.bianmin.kiosk;

/** The kiosk cannot start: the message says what is wrong and what to do, in one line, for the technician. */
public final class KioskStartException extends Exception {
    public KioskStartException(String message) {
        super(message);
    }
}
