package org.bianmin.kiosk.fleet;

/** A configuration the running kiosk could not take, with one line saying what and why, e.g. a device that would not reopen. */
public class LiveConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public LiveConfigException(String message) {
        super(message);
    }

    public LiveConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
