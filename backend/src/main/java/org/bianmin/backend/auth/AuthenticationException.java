package org.bianmin.backend.auth;

/** A request without a valid kiosk bearer token (HTTP 401); the message says what was missing or wrong. */
public class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
