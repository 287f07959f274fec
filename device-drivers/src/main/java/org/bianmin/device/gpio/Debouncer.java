package org.bianmin.device.gpio;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a bouncing raw input into a trustworthy level: a change counts only once the raw level has
 * stayed the same for at least {@code stableFor}. Pure logic: no thread, no I/O, time from the given clock.
 *
 * <p>Feed every raw edge to {@link #edge(boolean)}; call {@link #settle()} at {@link #deadline()} (or
 * any time later) to commit a level that has become stable. A stable period is also recognised at the
 * next edge, so a late {@code settle()} never loses a change.
 */
public final class Debouncer {
    private final Duration stableFor;
    private final InstantSource clock;
    private boolean level;
    private boolean raw;
    private Instant rawSince;

    /**
     * @param stableFor    how long the raw level must hold before it counts; zero passes every edge through
     * @param clock        the time source (the device scheduler in production, a hand-moved clock in tests)
     * @param initialLevel the level assumed before the first edge
     */
    public Debouncer(Duration stableFor, InstantSource clock, boolean initialLevel) {
        Objects.requireNonNull(stableFor, "stableFor");
        if (stableFor.isNegative()) {
            throw new IllegalArgumentException("debounce time " + stableFor.toMillis() + " ms is negative; use 0 ms or more, e.g. 200 ms");
        }
        this.stableFor = stableFor;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.level = initialLevel;
        this.raw = initialLevel;
        this.rawSince = clock.instant();
    }

    /** The debounced level. */
    public boolean level() {
        return level;
    }

    /** The last raw level seen. */
    public boolean rawLevel() {
        return raw;
    }

    /**
     * Records the raw level seen now. Returns the new debounced level if one became stable (the previous
     * raw level may have been held long enough before this edge); at most one change per call.
     */
    public Optional<Boolean> edge(boolean high) {
        Optional<Boolean> change = settle();
        if (high != raw) {
            raw = high;
            rawSince = clock.instant();
            if (change.isEmpty()) {
                change = settle();
            }
        }
        return change;
    }

    /** Commits the raw level if it has now been stable for {@code stableFor}; returns the new level if it changed. */
    public Optional<Boolean> settle() {
        if (raw == level) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(rawSince.plus(stableFor))) {
            return Optional.empty();
        }
        level = raw;
        return Optional.of(level);
    }

    /** When the pending raw level will have been stable long enough; empty when nothing is pending. */
    public Optional<Instant> deadline() {
        return raw == level ? Optional.empty() : Optional.of(rawSince.plus(stableFor));
    }
}
