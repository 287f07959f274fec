package org.bianmin.backend.store;

/** A request that contradicts what the store already holds: a reused idempotency key, a second evaluation. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
