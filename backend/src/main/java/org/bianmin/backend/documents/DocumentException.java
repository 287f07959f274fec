package org.bianmin.backend.documents;

/** A document could not be rendered, signed or its keys loaded; the message says which and why. */
public class DocumentException extends RuntimeException {
    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
