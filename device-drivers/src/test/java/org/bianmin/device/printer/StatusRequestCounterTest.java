package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class StatusRequestCounterTest {
    private final StatusRequestCounter counter = new StatusRequestCounter();

    private int count(String hex) {
        byte[] b = Hex.parse(hex);
        return counter.count(b, 0, b.length);
    }

    @Test
    void everyDleEotOneToFourCountsAsAReplyOwed() {
        assertEquals(4, count("1D 76 30 00 0C 00 01 00 10 04 04 10 04 03 10 04 02 10 04 01"));
    }

    @Test
    void aSequenceSplitAcrossTwoWritesIsCountedOnce() {
        assertEquals(0, count("41 10"));
        assertEquals(0, count("04"));
        assertEquals(1, count("02 42"));
    }

    @Test
    void dleEotWithAnotherNumberOrDleEnqEarnsNoReply() {
        assertEquals(0, count("10 04 00 10 04 05 10 05 01 10 04 10"));
        assertEquals(1, count("04 01"));
    }
}
