package org.bianmin.kiosk.visit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs posted tasks in order on the caller's thread, never nested: a task posted while another runs
 * waits in the queue until that one returns. Tasks from any other thread, and anything a task throws,
 * are recorded for the test to assert on.
 */
final class TrampolineExecutor implements Executor {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final Thread owner = Thread.currentThread();
    private final List<String> faults = new ArrayList<>();
    private boolean draining;

    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() != owner) {
            faults.add("a task was posted from thread " + Thread.currentThread().getName() + ", not the test's");
            return;
        }
        queue.add(task);
        if (draining) {
            return;
        }
        draining = true;
        try {
            for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
                try {
                    r.run();
                } catch (RuntimeException | Error e) {
                    faults.add("a task threw " + e);
                }
            }
        } finally {
            draining = false;
        }
    }

    /** What went wrong in or around the tasks; empty when every task ran cleanly on the test's thread. */
    List<String> faults() {
        return List.copyOf(faults);
    }
}
