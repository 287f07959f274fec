package org.bianmin.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsTest {
    @TempDir
    Path dir;

    @Test
    void countersSurviveARestartThroughTheirFile() throws Exception {
        Path file = dir.resolve("stats/receipt-printer.properties");
        Statistics before = Statistics.load(file);
        before.increment("receipts");
        before.add("bytes", 697);
        before.save();
        Statistics after = Statistics.load(file);
        assertEquals(Map.of("bytes", 697L, "receipts", 1L), after.snapshot());
        assertEquals(2, after.increment("receipts"));
    }

    @Test
    void aDamagedFileStartsTheBadCountersAtZeroAndKeepsTheRest() throws Exception {
        Path file = dir.resolve("damaged.properties");
        Files.writeString(file, "cuts=12\nerrors=twelve\n");
        Statistics s = Statistics.load(file);
        assertEquals(12, s.get("cuts"));
        assertEquals(0, s.get("errors"));
    }

    @Test
    void inMemoryCountersNeedNoFile() throws Exception {
        Statistics s = Statistics.inMemory();
        s.increment(Statistics.ERRORS);
        s.save();
        assertEquals(1, s.get(Statistics.ERRORS));
    }
}
