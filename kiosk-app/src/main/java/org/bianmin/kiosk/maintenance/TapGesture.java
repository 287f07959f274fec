package org.bianmin.kiosk.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The hidden way in: {@value #TAPS} taps on the idle screen's corner target within {@link #WITHIN}. No citizen taps an
 * empty corner five times in four seconds; a technician does it on purpose.
 */
public final class TapGesture {
    public static final int TAPS = 5;
    public static final Duration WITHIN = Duration.ofSeconds(4);

    private final Deque<Instant> taps = new ArrayDeque<>();

    /** Counts a tap; true when it completes the gesture (the count then starts again). */
    public synchronized boolean tap(Instant at) {
        taps.addLast(at);
        while (!taps.isEmpty() && Duration.between(taps.peekFirst(), at).compareTo(WITHIN) > 0) {
            taps.removeFirst();
        }
        if (taps.size() >= TAPS) {
            taps.clear();
            return true;
        }
        return false;
    }
}
