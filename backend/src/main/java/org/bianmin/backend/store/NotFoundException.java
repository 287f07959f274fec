package org.bianmin.backend.store;

/** Something a request names is not recorded: a group, a config version, a rollout to resume. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
