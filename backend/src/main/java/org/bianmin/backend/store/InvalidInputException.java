package org.bianmin.backend.store;

/** A value the store refuses because it breaks a rule of the kiosk API; the message names the field and the rule. */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The JSON field (or path parameter) that is wrong. */
    public String field() {
        return field;
    }
}
