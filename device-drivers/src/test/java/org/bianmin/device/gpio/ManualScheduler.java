package org.bianmin.device.gpio;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * A {@link GpioScheduler} whose clock moves only when the test calls {@link #advance}: tasks due by then
 * run on the test's thread, in time order, with the clock set to each task's due time.
 */
final class ManualScheduler implements GpioScheduler {
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private record Task(Instant due, long seq, Runnable body) {}

    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::seq));
    private Instant now = START;
    private long seq;
    private boolean running;
    private Thread runner;
    private boolean closed;

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void execute(Runnable task) {
        enqueue(Duration.ZERO, task);
        drain(now);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = enqueue(delay, task);
        return () -> {
            synchronized (this) {
                queue.remove(t);
            }
        };
    }

    @Override
    public synchronized boolean inSchedulerThread() {
        return running && Thread.currentThread() == runner;
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }

    /** Moves the clock forward, running every task that falls due on the way. */
    synchronized void advance(Duration d) {
        Instant target = now.plus(d);
        drain(target);
        now = target;
    }

    synchronized void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }

    /** Milliseconds since {@link #START}. */
    synchronized long elapsedMillis() {
        return Duration.between(START, now).toMillis();
    }

    synchronized int pending() {
        return queue.size();
    }

    private Task enqueue(Duration delay, Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("manual scheduler is closed");
        }
        Task t = new Task(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task);
        queue.add(t);
        return t;
    }

    private void drain(Instant until) {
        if (running) {
            return;
        }
        running = true;
        runner = Thread.currentThread();
        try {
            while (!queue.isEmpty() && !queue.peek().due().isAfter(until)) {
                Task t = queue.poll();
                if (t.due().isAfter(now)) {
                    now = t.due();
                }
                t.body().run();
            }
        } finally {
            running = false;
        }
    }
}
