package org.bianmin.backend.documents;

/** The CJK font is missing or unreadable; the message names the file and the Debian package that provides it. */
public final class FontUnavailableException extends DocumentException {
    public FontUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
