package org.bianmin.backend.store;

import org.jdbi.v3.core.Handle;

/**
 * The one-row counter of changes to what kiosks should run. Taking it locks the row until the transaction ends, so
 * pushes, rollout steps and group changes happen one after another, also across backend instances.
 */
final class ConfigGeneration {
    private ConfigGeneration() {
    }

    /** Locks the counter for this transaction and returns its value. */
    static long lock(Handle h) {
        return h.createQuery("SELECT generation FROM config_state WHERE id = 1 FOR UPDATE").mapTo(Long.class).one();
    }

    /** Raises the counter (locking it) and returns the new value. */
    static long raise(Handle h) {
        h.createUpdate("UPDATE config_state SET generation = generation + 1 WHERE id = 1").execute();
        return h.createQuery("SELECT generation FROM config_state WHERE id = 1").mapTo(Long.class).one();
    }

    static long current(Handle h) {
        return h.createQuery("SELECT generation FROM config_state WHERE id = 1").mapTo(Long.class).one();
    }
}
