package org.bianmin.backend.auth;

/** A subject token that is unknown, expired or another kiosk's (HTTP 401): the person must be identified again. */
public final class SubjectTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SubjectTokenException(String message) {
        super(message);
    }
}
