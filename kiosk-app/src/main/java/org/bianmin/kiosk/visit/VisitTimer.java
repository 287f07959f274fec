package org.bianmin.kiosk.visit;

import java.time.Instant;

/**
 * The machine's sense of time: one repeating tick that drives the countdowns, and now(). Production
 * runs it on the machine's own thread; tests advance it by hand.
 */
public interface VisitTimer {

    /** Calls {@code tick} once a second until cancelled; ticks must run on the machine's thread. */
    Cancellable everySecond(Runnable tick);

    Instant now();

    /** A started timer task. */
    interface Cancellable {
        void cancel();
    }
}
