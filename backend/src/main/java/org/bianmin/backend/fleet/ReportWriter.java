package org.bianmin.backend.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bianmin.backend.store.DesiredConfigs;
import org.bianmin.backend.store.LayerReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes kiosks' config reports in batches (a group commit): one transaction for the reports that arrived while the
 * last one was written and those that follow the first within {@link #LINGER}. After a fleet push thousands of kiosks
 * report over a few seconds; a writer that is never behind would otherwise commit each alone, and one transaction costs
 * about as much processor time as one for twenty reports (decision 0026). Each report's future completes once its batch
 * committed, so a kiosk's 204 still means "stored", and no request thread waits meanwhile.
 */
final class ReportWriter implements AutoCloseable {
    /** Reports written in one transaction at most. */
    static final int BATCH = 1_000;
    /** How long the first report of a batch waits for others to join it: a kiosk's 204 comes at most this much later. */
    static final Duration LINGER = Duration.ofMillis(20);
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    private record Pending(String kioskId, List<LayerReport> layers, CompletableFuture<Void> stored) {
    }

    private final DesiredConfigs configs;
    private final Executor answering;
    private final Consumer<Boolean> written;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param answering completes the reports' futures (each writes an HTTP response: not one after another here)
     * @param written   told, after each batch, whether it changed which layers some kiosk gets
     */
    ReportWriter(DesiredConfigs configs, Executor answering, Consumer<Boolean> written) {
        this.configs = configs;
        this.answering = answering;
        this.written = written;
        this.thread = Thread.ofPlatform().daemon().name("config-reports").start(this::run);
    }

    CompletableFuture<Void> submit(String kioskId, List<LayerReport> layers) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (closed) {
            stored.completeExceptionally(new IllegalStateException("the backend is stopping"));
            return stored;
        }
        queue.add(new Pending(kioskId, List.copyOf(layers), stored));
        return stored;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(queue.take());
                long deadline = System.nanoTime() + LINGER.toNanos();
                queue.drainTo(batch, BATCH - batch.size());
                long left;
                while (batch.size() < BATCH && (left = deadline - System.nanoTime()) > 0) {
                    Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, BATCH - batch.size());
                }
            } catch (InterruptedException e) {
                batch.forEach(p -> p.stored().completeExceptionally(new IllegalStateException("the backend is stopping")));
                break;
            }
            write(batch);
            batch.clear();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.stored().completeExceptionally(new IllegalStateException("the backend is stopping"));
        }
    }

    private void write(List<Pending> batch) {
        try {
            boolean changed = configs.report(batch.stream().map(p -> Map.entry(p.kioskId(), p.layers())).toList());
            batch.forEach(p -> answering.execute(() -> p.stored().complete(null)));
            written.accept(changed);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                answering.execute(() -> batch.get(0).stored().completeExceptionally(e));
                return;
            }
            // one bad report must not lose the others: write them one by one, each with its own outcome
            LOG.warn("a batch of {} config reports failed ({}); writing them one by one", batch.size(), e.getMessage());
            for (Pending p : batch) {
                write(List.of(p));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
