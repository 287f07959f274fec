package org.bianmin.backend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A small fleet benchmark runs end to end over HTTP and prints its table; its timings are not judged here. */
class FleetBenchmarkTest {
    private static final Pattern RECEIVED = Pattern.compile("push → desired reached kiosk p50/p99/max\\s+[0-9,]+ / [0-9,]+ / [0-9,]+ ms");
    private static final Pattern STORED = Pattern.compile("push → applied report stored p50/p99/max\\s+[0-9,]+ / [0-9,]+ / [0-9,]+ ms");

    @Test
    void aStagedPushToTwelveSimulatedKiosksIsAppliedByAllAndTheTableSaysSo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FleetBenchmark.run(new String[] {"--kiosks", "12", "--stage", "50", "--warmup", "0", "--wait", "20"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("reported applied\\s+12")), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> RECEIVED.matcher(l).matches()), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> STORED.matcher(l).matches()), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("push → all applied (max)") && l.contains("(target 10 s: ")), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("  kiosks: parsing, verifying")), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("heap used, all polling (after GC)")), out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("threads")), out.toString());
    }

    @Test
    void aNonsenseOptionIsOneLineAndAUsageExit() {
        StringWriter err = new StringWriter();
        assertEquals(2, FleetBenchmark.run(new String[] {"--kiosks", "0"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
