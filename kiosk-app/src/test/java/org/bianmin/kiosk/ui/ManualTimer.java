package org.bianmin.kiosk.ui;

import java.time.Instant;
import org.bianmin.kiosk.visit.VisitTimer;

/** The machine's one-second tick, advanced by the test. */
final class ManualTimer implements VisitTimer {
    private volatile Runnable tick = () -> { };
    private volatile Instant now = Instant.parse("2026-06-01T02:00:00Z");

    @Override
    public Cancellable everySecond(Runnable t) {
        tick = t;
        return () -> tick = () -> { };
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Advances the clock by {@code seconds}, one tick per second (each runs on the machine's thread). */
    void advance(int seconds) {
        for (int i = 0; i < seconds; i++) {
            now = now.plusSeconds(1);
            tick.run();
        }
    }
}
