package org.bianmin.device.gpio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A sliding-window limit: at most {@code max} actions in any {@code window}. Pure logic: the caller
 * supplies the time; not thread-safe (the owning device thread uses it).
 */
public final class RateLimit {
    private final int max;
    private final Duration window;
    private final Deque<Instant> taken = new ArrayDeque<>();

    public RateLimit(int max, Duration window) {
        if (max < 1 || window == null || !window.isPositive()) {
            throw new IllegalArgumentException("rate limit " + max + " per " + window + " is not valid; use at least 1 per a positive window");
        }
        this.max = max;
        this.window = window;
    }

    /** Takes one action at {@code now} if allowed; otherwise returns when the next one will be allowed. */
    public Optional<Instant> tryAcquire(Instant now) {
        Optional<Instant> next = nextAllowed(now);
        if (next.isEmpty()) {
            taken.addLast(now);
        }
        return next;
    }

    /** Empty when an action is allowed at {@code now}; otherwise the first instant it will be. */
    public Optional<Instant> nextAllowed(Instant now) {
        while (!taken.isEmpty() && !taken.peekFirst().plus(window).isAfter(now)) {
            taken.removeFirst();
        }
        return taken.size() < max ? Optional.empty() : Optional.of(taken.peekFirst().plus(window));
    }

    /** How many actions were taken within the window ending at {@code now}. */
    public int used(Instant now) {
        nextAllowed(now);
        return taken.size();
    }

    public int max() {
        return max;
    }

    public Duration window() {
        return window;
    }
}
