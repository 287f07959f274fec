package org.bianmin.backend.store;

/** A failure of the store itself (connection, migration), as opposed to a request the store refuses. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
