package org.bianmin.device.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bianmin.device.DeviceError;
import org.junit.jupiter.api.Test;

class MemoryLinkTest {

    @Test
    void whatOneEndWritesTheOtherReadsInOrder() throws Exception {
        MemoryLink.Pair p = MemoryLink.pair("t");
        byte[] big = new byte[10_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        p.host().write(big);
        assertArrayEquals(big, p.device().readExactly(big.length, Duration.ofSeconds(1)));
        p.device().write("好".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("好".getBytes(StandardCharsets.UTF_8), p.host().readExactly(3, Duration.ofSeconds(1)));
    }

    @Test
    void aReadWithNothingToReadReturnsZeroAfterItsTimeout() throws Exception {
        MemoryLink.Pair p = MemoryLink.pair("t");
        assertEquals(0, p.host().read(new byte[4], 0, 4, Duration.ofMillis(20)));
        assertEquals(-1, p.host().readByte(Duration.ofMillis(5)));
    }

    @Test
    void readExactlyNamesHowManyBytesArrivedWhenItTimesOut() throws Exception {
        MemoryLink.Pair p = MemoryLink.pair("t");
        p.device().write(new byte[] {1, 2});
        LinkException e = assertThrows(LinkException.class, () -> p.host().readExactly(5, Duration.ofMillis(30)));
        assertEquals(DeviceError.TIMEOUT, e.error());
        assertEquals("mem:t/host: got 2 of 5 bytes within 30 ms", e.getMessage());
    }

    @Test
    void closingOneEndIsSeenAsALinkErrorAtTheOther() {
        MemoryLink.Pair p = MemoryLink.pair("t");
        p.device().close();
        LinkException e = assertThrows(LinkException.class, () -> p.host().read(new byte[1], 0, 1, Duration.ofSeconds(1)));
        assertEquals(DeviceError.LINK_IO, e.error());
    }

    @Test
    void pacedWritesTakeAtLeastTheirWireTime() throws Exception {
        MemoryLink.Pair p = MemoryLink.pair("t");
        SerialSettings s = SerialSettings.of(9600);
        PacedLink paced = new PacedLink(p.device(), s);
        long t0 = System.nanoTime();
        paced.write(new byte[96]);
        long took = System.nanoTime() - t0;
        // 96 bytes × 10 bits at 9600 bit/s = 100 ms on a real line
        assertEquals(100_000_000L, s.wireNanos(96));
        org.junit.jupiter.api.Assertions.assertTrue(took >= s.wireNanos(96) - 2_000_000L, "took " + took + " ns");
        assertEquals(96, p.host().readExactly(96, Duration.ofSeconds(1)).length);
    }
}
