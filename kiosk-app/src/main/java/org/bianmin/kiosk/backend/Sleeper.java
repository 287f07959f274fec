package org.bianmin.kiosk.backend;

import java.time.Duration;

/** Waits between two tries of a backend call; tests pass one that records the wait and returns at once. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits ({@link Thread#sleep(Duration)}). */
    static Sleeper real() {
        return Thread::sleep;
    }
}
