package org.bianmin.backend.auth;

/** A valid kiosk token used on another kiosk's resources (HTTP 403). */
public class WrongKioskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongKioskException(String message) {
        super(message);
    }
}
