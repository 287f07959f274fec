package org.bianmin.kiosk.document;

/** A PDF the kiosk refuses to show or print; the message says why, for the technician's log. */
public final class UntrustedDocumentException extends Exception {

    public enum Reason { UNSIGNED, ALTERED, UNTRUSTED_SIGNER, NOT_THE_ANNOUNCED_DOCUMENT, UNREADABLE }

    private final Reason reason;

    public UntrustedDocumentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UntrustedDocumentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
