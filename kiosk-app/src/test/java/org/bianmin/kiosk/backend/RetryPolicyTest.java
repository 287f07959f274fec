package org.bianmin.kiosk.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void eachWaitIsBetweenHalfAndAllOfADoublingStepThatStopsAtTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        SplittableRandom random = new SplittableRandom(7);
        long[] steps = {100, 200, 400, 800, 1000, 1000, 1000};

        for (int round = 0; round < 200; round++) {
            for (int attempt = 1; attempt <= steps.length; attempt++) {
                long wait = policy.backoff(attempt, random).toMillis();
                long step = steps[attempt - 1];
                assertTrue(wait >= step / 2 && wait <= step, "try " + attempt + " waited " + wait + " ms");
            }
        }
    }

    @Test
    void aPolicyWithoutRetriesNeverWaits() {
        assertEquals(Duration.ZERO, RetryPolicy.none().backoff(1, new SplittableRandom(1)));
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }

    @Test
    void impossibleSettingsAreRefusedWithWhatIsAllowed() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(2)));
        IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));

        assertTrue(zero.getMessage().contains("maxAttempts"), zero.getMessage());
        assertTrue(inverted.getMessage().contains("baseBackoff <= maxBackoff"), inverted.getMessage());
    }
}
