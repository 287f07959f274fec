package org.bianmin.backend.auth;

/** A request to the admin API without a valid admin bearer token (HTTP 401); the message says what was wrong. */
public class AdminAuthenticationException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public AdminAuthenticationException(String message) {
        super(message);
    }
}
