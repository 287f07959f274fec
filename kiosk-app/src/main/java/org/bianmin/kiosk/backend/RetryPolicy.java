package org.bianmin.kiosk.backend;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often an idempotent backend call is tried, and how long the client waits between tries:
 * exponential backoff from {@code baseBackoff}, capped at {@code maxBackoff}, with "equal jitter"
 * (half the step fixed, half random) so that a fleet of kiosks does not retry in step.
 *
 * @param maxAttempts tries in all, the first included (1 = never retry)
 * @param baseBackoff the wait before the second try, before jitter
 * @param maxBackoff  the longest wait between two tries; a {@code Retry-After} longer than this is not waited for
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    /** Three tries, 250 ms then 500 ms apart (each halved at random), never more than 4 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy: maxAttempts is " + maxAttempts + "; use 1 (no retry) or more");
        }
        if (baseBackoff == null || baseBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("retry policy: backoffs must satisfy 0 <= baseBackoff <= maxBackoff, not "
                    + baseBackoff + " and " + maxBackoff);
        }
    }

    /** One try only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait after failed try number {@code attempt} (1-based): between half and all of {@code base·2^(attempt-1)}, capped. */
    public Duration backoff(int attempt, RandomGenerator random) {
        long step = baseBackoff.toMillis();
        for (int i = 1; i < attempt && step < maxBackoff.toMillis(); i++) {
            step *= 2;
        }
        step = Math.min(step, maxBackoff.toMillis());
        long half = step / 2;
        return Duration.ofMillis(step - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
