package org.bianmin.backend.tls;

/** A certificate or key file that cannot be used for TLS; the message names the file, what is wrong and what to do. */
public final class TlsFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    TlsFileException(String message) {
        super(message);
    }
}
