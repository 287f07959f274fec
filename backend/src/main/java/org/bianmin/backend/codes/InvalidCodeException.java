package org.bianmin.backend.codes;

/**
 * An identifier failed its format or check-character test; the message names the kind and what is
 * wrong, and shows an ID number only masked.
 */
public final class InvalidCodeException extends IllegalArgumentException {
    private final CodeKind kind;

    public InvalidCodeException(CodeKind kind, String detail) {
        super(kind.label() + ": " + detail);
        this.kind = kind;
    }

    public CodeKind kind() {
        return kind;
    }
}
