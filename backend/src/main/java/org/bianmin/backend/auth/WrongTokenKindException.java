package org.bianmin.backend.auth;

/** A valid token of the other kind: a kiosk token on the admin API, or an admin token on the kiosk API (HTTP 403). */
public class WrongTokenKindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongTokenKindException(String message) {
        super(message);
    }
}
