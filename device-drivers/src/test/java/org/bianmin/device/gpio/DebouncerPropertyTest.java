package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DebouncerPropertyTest {

    /** One raw observation: the input reads {@code high} for {@code millis}; {@code pollAt} in 0..1 of that time, or none. */
    record Step(boolean high, int millis, double pollAt, boolean poll) {}

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 600),
                Arbitraries.doubles().between(0, 1), Arbitraries.of(true, false)).as(Step::new);
    }

    @Property(tries = 400)
    void anAlarmIsRaisedIffSomeHighPeriodLastedAtLeastTheThreshold(
            @ForAll @Size(max = 25) List<@net.jqwik.api.From("steps") Step> steps,
            @ForAll @IntRange(min = 1, max = 400) int thresholdMs) {
        ManualScheduler clock = new ManualScheduler();
        Debouncer d = new Debouncer(Duration.ofMillis(thresholdMs), clock, false);
        boolean raised = false;
        for (Step s : steps) {
            raised |= d.edge(s.high()).orElse(false);
            if (s.poll()) {
                long before = Math.round(s.millis() * s.pollAt());
                clock.advanceMillis(before);
                raised |= d.settle().orElse(false);
                clock.advanceMillis(s.millis() - before);
            } else {
                clock.advanceMillis(s.millis());
            }
        }
        raised |= d.settle().orElse(false);
        assertEquals(longestHighRun(steps) >= thresholdMs, raised, () -> "threshold " + thresholdMs + " ms, steps " + steps);
    }

    @Property(tries = 300)
    void aLevelIsOnlyCommittedAfterItWasHeldForTheStableTime(
            @ForAll @Size(max = 25) List<@net.jqwik.api.From("steps") Step> steps,
            @ForAll @IntRange(min = 0, max = 400) int thresholdMs) {
        ManualScheduler clock = new ManualScheduler();
        Debouncer d = new Debouncer(Duration.ofMillis(thresholdMs), clock, false);
        Duration stable = Duration.ofMillis(thresholdMs);
        boolean raw = false;
        Instant rawSince = clock.instant();
        for (Step s : steps) {
            boolean prevRaw = raw;
            Instant prevSince = rawSince;
            if (s.high() != raw) {
                raw = s.high();
                rawSince = clock.instant();
            }
            Optional<Boolean> atEdge = d.edge(s.high());
            if (atEdge.isPresent()) {
                Instant now = clock.instant();
                boolean heldBefore = atEdge.get() == prevRaw && !now.isBefore(prevSince.plus(stable));
                boolean heldNow = atEdge.get() == raw && !now.isBefore(rawSince.plus(stable));
                assertTrue(heldBefore || heldNow, () -> "edge committed " + atEdge.get() + " too early; steps " + steps);
            }
            clock.advanceMillis(s.millis());
            Optional<Boolean> settled = d.settle();
            if (settled.isPresent()) {
                assertEquals(raw, settled.get());
                assertTrue(!clock.instant().isBefore(rawSince.plus(stable)), () -> "settle committed too early; steps " + steps);
            }
            assertEquals(raw, d.rawLevel());
        }
    }

    private static long longestHighRun(List<Step> steps) {
        long longest = 0;
        long run = -1;
        for (Step s : steps) {
            if (s.high()) {
                run = run < 0 ? s.millis() : run + s.millis();
                longest = Math.max(longest, run);
            } else {
                run = -1;
            }
        }
        return longest;
    }
}
