package org.bianmin.backend.admin;

/** A failure the admin command line reports as one plain line, with the exit code to end with. */
final class AdminCliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    AdminCliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
