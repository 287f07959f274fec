package org.bianmin.kiosk.ui;

/** The screens cannot start; the message is one line that says what is missing and how to fix it. */
public final class UiStartException extends RuntimeException {

    public UiStartException(String message) {
        super(message);
    }
}
