package org.bianmin.config.signing;

/**
 * A key file, a configuration tree or a signed envelope that cannot be used; the message is one line that says what
 * is wrong and what to do, and no stack trace is meant to reach anyone.
 */
public class SigningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
