package org.bianmin.backend.fleet;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.bianmin.backend.store.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed across backend instances on one PostgreSQL: {@code NOTIFY bianmin_config, 'generation'} through the
 * pool, and, from the first listener on, {@code LISTEN bianmin_config} on a connection of its own that a daemon thread
 * waits on, a second at a time. A broken listening
 * connection is reopened with backoff, and every (re)connection is announced as {@link ChangeFeed#RESYNC}, since
 * notifications sent while it was down are lost.
 */
public final class PostgresChangeFeed implements ChangeFeed {
    static final String CHANNEL = "bianmin_config";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeed.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final Database database;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final Thread thread;

    public PostgresChangeFeed(Database database) {
        this.database = database;
        this.thread = Thread.ofPlatform().daemon().name("config-listen").unstarted(this::run);
    }

    @Override
    public void announce(long generation) {
        database.jdbi().useHandle(h -> h.createQuery("SELECT pg_notify(?, ?)").bind(0, CHANNEL).bind(1, Long.toString(generation))
                .mapTo(String.class).one());
    }

    /**
     * Adds {@code listener}; the first one starts the listening, so it hears the {@link ChangeFeed#RESYNC} that says
     * LISTEN is in place and every notification after it.
     */
    @Override
    public void listen(LongConsumer listener) {
        listeners.add(listener);
        if (started.compareAndSet(false, true)) {
            thread.start();
        }
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (closed.getCount() > 0) {
            try (Connection c = database.dedicatedConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                backoff = Duration.ofSeconds(1);
                deliver(RESYNC);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (closed.getCount() > 0) {
                    PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
                    if (notes == null) {
                        continue;
                    }
                    for (PGNotification n : notes) {
                        deliver(generation(n.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                LOG.warn("listening for config changes on PostgreSQL failed ({}); trying again in {} s", e.getMessage(),
                        backoff.toSeconds());
                try {
                    if (closed.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static long generation(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return RESYNC;
        }
    }

    private void deliver(long generation) {
        for (LongConsumer l : listeners) {
            try {
                l.accept(generation);
            } catch (RuntimeException e) {
                LOG.error("a config change listener failed on generation {}", generation, e);
            }
        }
    }

    /** Stops listening: the thread closes its connection within one wait (a second) and ends. */
    @Override
    public void close() {
        closed.countDown();
    }
}
