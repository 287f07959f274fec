package org.bianmin.kiosk.visit;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The production timer: ticks on a scheduled executor (the machine's own thread) against the wall clock. */
public final class ScheduledVisitTimer implements VisitTimer {
    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ScheduledVisitTimer(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Cancellable everySecond(Runnable tick) {
        ScheduledFuture<?> f = executor.scheduleAtFixedRate(tick, 1, 1, TimeUnit.SECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
