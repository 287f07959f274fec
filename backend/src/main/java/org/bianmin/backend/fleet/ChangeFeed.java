package org.bianmin.backend.fleet;

import java.util.function.LongConsumer;

/**
 * Tells every backend instance that the config generation changed, so each wakes the kiosks long-polling it. What
 * changed is read from the database; the feed only carries the new generation.
 */
public interface ChangeFeed extends AutoCloseable {
    /** A generation value that means "anything may have changed": the feed (re)connected and may have missed some. */
    long RESYNC = -1;

    /** Announces {@code generation} to every instance, this one included. */
    void announce(long generation);

    /** Calls {@code listener} with every generation announced from now on, or {@link #RESYNC}; on the feed's own thread. */
    void listen(LongConsumer listener);

    @Override
    void close();
}
