package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.MemoryLink;
import org.junit.jupiter.api.Test;

class EscPosProbeTest {

    /** A device that answers every 3-byte request with the given bytes. */
    private static MemoryLink.Pair answering(byte... reply) {
        MemoryLink.Pair pair = MemoryLink.pair("probe");
        Thread.ofVirtual().start(() -> {
            try {
                pair.device().readExactly(3, Duration.ofSeconds(10));
                pair.device().write(reply);
            } catch (LinkException e) {
                // the test closed the link first
            }
        });
        return pair;
    }

    @Test
    void aStatusByteAfterFlowControlMeansAPrinter() throws Exception {
        MemoryLink.Pair pair = answering((byte) EscPos.XON, (byte) 0x12);
        assertTrue(EscPosProbe.answers(pair.host(), Duration.ofSeconds(2)));
        pair.host().close();
    }

    @Test
    void anyOtherByteMeansNot() throws Exception {
        MemoryLink.Pair pair = answering((byte) 0xAA);
        assertFalse(EscPosProbe.answers(pair.host(), Duration.ofSeconds(2)));
        pair.host().close();
    }

    @Test
    void silenceMeansNot() throws Exception {
        MemoryLink.Pair pair = MemoryLink.pair("silent");
        assertFalse(EscPosProbe.answers(pair.host(), Duration.ofMillis(50)));
    }
}
