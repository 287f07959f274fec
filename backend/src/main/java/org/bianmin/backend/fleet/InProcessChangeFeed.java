package org.bianmin.backend.fleet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/** The change feed of a backend that runs alone (H2 in the process): announcements go straight to its listeners. */
public final class InProcessChangeFeed implements ChangeFeed {
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void announce(long generation) {
        listeners.forEach(l -> l.accept(generation));
    }

    @Override
    public void listen(LongConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
