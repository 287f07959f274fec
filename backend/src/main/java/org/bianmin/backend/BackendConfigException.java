package org.bianmin.backend;

/** A backend setting that cannot work; the message names the setting and how to fix it. */
public class BackendConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BackendConfigException(String message) {
        super(message);
    }
}
