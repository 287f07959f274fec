package org.bianmin.backend.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per kiosk for identification requests: {@code capacity} at once, then one more every
 * {@code refillEvery}. Guessing names against ID numbers from a kiosk is therefore slow.
 */
final class IdentifyRateLimiter {
    private final int capacity;
    private final Duration refillEvery;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    IdentifyRateLimiter(int capacity, Duration refillEvery, Clock clock) {
        if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("rate limit: capacity must be at least 1 and the refill interval positive");
        }
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.clock = clock;
    }

    /** Takes one token for {@code kioskId}: returns zero if granted, else how long until the next token. */
    synchronized Duration take(String kioskId) {
        Instant now = clock.instant();
        Bucket b = buckets.computeIfAbsent(kioskId, k -> new Bucket(capacity, now));
        double refilled = (double) Duration.between(b.at, now).toNanos() / refillEvery.toNanos();
        b.tokens = Math.min(capacity, b.tokens + Math.max(0, refilled));
        b.at = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - b.tokens) * refillEvery.toNanos()));
    }
}
