package org.bianmin.device.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteQueueTest {
    private static final byte[] TEXT = "证件号码 110105194910010015".getBytes(StandardCharsets.UTF_16LE);

    @Test
    void bytesTakenOutOfThePipeDoNotStayInIt() throws InterruptedException {
        ByteQueue q = new ByteQueue();
        q.put(TEXT, 0, TEXT.length);
        assertTrue(q.holdsAnyByte());
        byte[] out = new byte[TEXT.length];
        int got = 0;
        while (got < out.length) {
            got += q.take(out, got, out.length - got, Duration.ofMillis(10));
        }
        assertArrayEquals(TEXT, out);
        assertFalse(q.holdsAnyByte());
    }

    @Test
    void growingThePipeLeavesNothingInTheOldRingAndClearZeroesTheRest() throws InterruptedException {
        ByteQueue q = new ByteQueue();
        byte[] big = new byte[10_000];
        Arrays.fill(big, (byte) 0x31);
        q.put(TEXT, 0, TEXT.length);
        q.put(big, 0, big.length);
        byte[] first = new byte[TEXT.length];
        assertEquals(TEXT.length, q.take(first, 0, first.length, Duration.ofMillis(10)));
        assertArrayEquals(TEXT, first);
        q.clear();
        assertFalse(q.holdsAnyByte());
    }
}
