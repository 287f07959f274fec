package org.bianmin.backend.auth;

/** A well-formed technician code that does not open this kiosk: unknown, expired or another kiosk's (HTTP 403). */
public class TechnicianCodeRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TechnicianCodeRefusedException(String message) {
        super(message);
    }
}
