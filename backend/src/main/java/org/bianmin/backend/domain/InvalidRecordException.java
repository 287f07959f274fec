package org.bianmin.backend.domain;

/** A domain record was given a value it cannot hold; the message names the field and the problem. */
public final class InvalidRecordException extends IllegalArgumentException {
    private final String field;

    public InvalidRecordException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
    }

    public String field() {
        return field;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidRecordException(field, "is required");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRecordException(field, "is required and must not be blank");
        }
        return value;
    }
}
