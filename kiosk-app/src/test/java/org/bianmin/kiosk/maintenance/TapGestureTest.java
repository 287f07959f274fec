package org.bianmin.kiosk.maintenance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Five taps within four seconds, and nothing less. */
class TapGestureTest {
    static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    @Test
    void fiveTapsWithinFourSecondsCompleteTheGestureOnce() {
        TapGesture g = new TapGesture();
        for (int i = 0; i < 4; i++) {
            assertFalse(g.tap(T0.plusMillis(i * 900L)));
        }
        assertTrue(g.tap(T0.plusMillis(3600)));
        assertFalse(g.tap(T0.plusMillis(3700)), "the count starts again after the gesture");
    }

    @Test
    void tapsOlderThanFourSecondsDoNotCount() {
        TapGesture g = new TapGesture();
        for (int i = 0; i < 6; i++) {
            assertFalse(g.tap(T0.plusMillis(i * 1100L)), "tap " + i);
        }
        assertTrue(g.tap(T0.plusMillis(5600)), "the last five taps came within four seconds");
    }
}
