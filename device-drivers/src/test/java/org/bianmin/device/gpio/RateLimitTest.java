package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private final RateLimit limit = new RateLimit(3, Duration.ofMinutes(10));

    @Test
    void threeActionsInTenMinutesAreAllowedAndTheFourthIsToldWhenToRetry() {
        assertEquals(Optional.empty(), limit.tryAcquire(T0));
        assertEquals(Optional.empty(), limit.tryAcquire(T0.plusSeconds(60)));
        assertEquals(Optional.empty(), limit.tryAcquire(T0.plusSeconds(120)));
        assertEquals(Optional.of(T0.plusSeconds(600)), limit.tryAcquire(T0.plusSeconds(180)));
        assertEquals(3, limit.used(T0.plusSeconds(180)));
    }

    @Test
    void theWindowSlidesSoTheOldestActionFreesASlotAtExactlyTheWindowsEnd() {
        limit.tryAcquire(T0);
        limit.tryAcquire(T0.plusSeconds(60));
        limit.tryAcquire(T0.plusSeconds(120));
        assertEquals(Optional.of(T0.plusSeconds(600)), limit.nextAllowed(T0.plusSeconds(599)));
        assertEquals(Optional.empty(), limit.tryAcquire(T0.plusSeconds(600)));
        assertEquals(Optional.of(T0.plusSeconds(660)), limit.tryAcquire(T0.plusSeconds(601)));
    }

    @Test
    void aRefusedAttemptDoesNotUseASlot() {
        RateLimit one = new RateLimit(1, Duration.ofMinutes(1));
        one.tryAcquire(T0);
        one.tryAcquire(T0.plusSeconds(10));
        one.tryAcquire(T0.plusSeconds(20));
        assertEquals(Optional.empty(), one.tryAcquire(T0.plusSeconds(60)));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, Duration.ZERO));
    }
}
