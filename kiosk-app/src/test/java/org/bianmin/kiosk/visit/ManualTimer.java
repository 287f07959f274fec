package org.bianmin.kiosk.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A visit timer the test moves by hand: {@link #advance(int)} runs one tick of every running task per second. */
final class ManualTimer implements VisitTimer {
    private final List<Task> running = new ArrayList<>();
    private Instant now = Instant.parse("2025-03-01T01:00:00Z");

    private final class Task implements Cancellable {
        final Runnable tick;

        Task(Runnable tick) {
            this.tick = tick;
        }

        @Override
        public void cancel() {
            running.remove(this);
        }
    }

    @Override
    public Cancellable everySecond(Runnable tick) {
        Task t = new Task(tick);
        running.add(t);
        return t;
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Lets {@code seconds} pass, ticking once per second. */
    void advance(int seconds) {
        for (int i = 0; i < seconds; i++) {
            now = now.plusSeconds(1);
            for (Task t : List.copyOf(running)) {
                t.tick.run();
            }
        }
    }

    /** How many tick tasks are running (1 while the machine runs, 0 after it is closed). */
    int runningTasks() {
        return running.size();
    }
}
