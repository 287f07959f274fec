package org.bianmin.kiosk.document;

/** A configured trust anchor file is missing or is not a certificate; the message names the file and the fix. */
public final class TrustAnchorException extends Exception {
    public TrustAnchorException(String message) {
        super(message);
    }

    public TrustAnchorException(String message, Throwable cause) {
        super(message, cause);
    }
}
