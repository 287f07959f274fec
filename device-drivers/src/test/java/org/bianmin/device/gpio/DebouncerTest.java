package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final Debouncer door = new Debouncer(Duration.ofMillis(200), clock, false);

    @Test
    void aBounceShorterThanTheStableTimeIsIgnored() {
        assertEquals(Optional.empty(), door.edge(true));
        clock.advanceMillis(150);
        assertEquals(Optional.empty(), door.edge(false));
        clock.advanceMillis(500);
        assertEquals(Optional.empty(), door.settle());
        assertFalse(door.level());
    }

    @Test
    void aLevelCountsExactlyWhenItHasBeenStableForTheStableTime() {
        door.edge(true);
        clock.advanceMillis(199);
        assertEquals(Optional.empty(), door.settle());
        clock.advanceMillis(1);
        assertEquals(Optional.of(true), door.settle());
        assertTrue(door.level());
        assertEquals(Optional.empty(), door.settle());
    }

    @Test
    void aStablePeriodIsRecognisedAtTheNextEdgeWhenSettleCameLate() {
        door.edge(true);
        clock.advanceMillis(250);
        assertEquals(Optional.of(true), door.edge(false));
        assertEquals(Optional.of(clock.instant().plusMillis(200)), door.deadline());
    }

    @Test
    void repeatedEdgesAtTheSameLevelDoNotRestartTheTimer() {
        door.edge(true);
        clock.advanceMillis(150);
        door.edge(true);
        clock.advanceMillis(50);
        assertEquals(Optional.of(true), door.settle());
    }

    @Test
    void theDeadlineIsEmptyWhenNothingIsPendingAndFollowsTheLastEdge() {
        assertEquals(Optional.empty(), door.deadline());
        clock.advanceMillis(10);
        door.edge(true);
        assertEquals(Optional.of(ManualScheduler.START.plusMillis(210)), door.deadline());
        door.edge(false);
        assertEquals(Optional.empty(), door.deadline());
    }

    @Test
    void aZeroStableTimePassesEveryEdgeStraightThrough() {
        Debouncer raw = new Debouncer(Duration.ZERO, clock, false);
        assertEquals(Optional.of(true), raw.edge(true));
        assertEquals(Optional.of(false), raw.edge(false));
    }

    @Test
    void aNegativeStableTimeIsRefusedSayingWhatToUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Debouncer(Duration.ofMillis(-5), clock, false));
        assertEquals("debounce time -5 ms is negative; use 0 ms or more, e.g. 200 ms", e.getMessage());
    }
}
