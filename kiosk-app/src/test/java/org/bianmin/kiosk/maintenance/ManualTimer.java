package org.bianmin.kiosk.maintenance;

import java.time.Instant;
import org.bianmin.kiosk.visit.VisitTimer;

/** Maintenance mode's one-second tick and its clock, advanced by the test. */
final class ManualTimer implements VisitTimer {
    private volatile Runnable tick = () -> { };
    private volatile Instant now = Instant.parse("2026-11-25T07:00:00Z");

    @Override
    public Cancellable everySecond(Runnable t) {
        tick = t;
        return () -> tick = () -> { };
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Advances the clock by {@code seconds}, one tick per second. */
    void advance(long seconds) {
        for (long i = 0; i < seconds; i++) {
            now = now.plusSeconds(1);
            tick.run();
        }
    }
}
