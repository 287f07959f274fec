package org.bianmin.device.gpio;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production {@link GpioScheduler}: one virtual thread, and a clock that follows {@link System#nanoTime()}. */
final class ThreadGpioScheduler implements GpioScheduler {
    private static final Logger log = LoggerFactory.getLogger(ThreadGpioScheduler.class);

    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();
    private volatile Thread thread;

    ThreadGpioScheduler(String name) {
        this.name = name;
        ThreadFactory virtual = Thread.ofVirtual().name("gpio-" + name).factory();
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = virtual.newThread(r);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Instant instant() {
        // wall time at start plus monotonic elapsed time: an NTP step never shortens a debounce or a hold
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public boolean inSchedulerThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("GPIO thread {} did not stop within 2 s", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("GPIO task on {} failed", name, e);
            }
        };
    }
}
