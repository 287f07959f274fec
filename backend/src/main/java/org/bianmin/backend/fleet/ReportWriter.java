package org.bianmin.backend.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.bianmin.backend.store.DesiredConfigs;
import org.bianmin.backend.store.LayerReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes kiosks' config reports in batches, one transaction for all reports that arrived while the last one was
 * written (a group commit): after a fleet push thousands of kiosks report within a second, and one commit each would
 * hold request threads waiting for database connections. Each report's future completes once its batch committed, so a
 * kiosk's 204 still means "stored", and no request thread waits meanwhile.
 */
final class ReportWriter implements AutoCloseable {
    /** Reports written in one transaction at most. */
    static final int BATCH = 1_000;
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
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, BATCH - 1);
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
