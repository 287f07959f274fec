package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.scanner.sim.QrScannerSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScannerProbeTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TriggerProtocol.class)
    void theProbeNamesTheProtocolThatAnswersAndNothingForAContinuousScanner(TriggerProtocol protocol) throws Exception {
        MemoryLink.Pair p = MemoryLink.pair("probe");
        try (QrScannerSimulator sim = new QrScannerSimulator(p.device(), QrScannerSimulator.Settings.of(protocol)).start()) {
            Optional<TriggerProtocol> found = ScannerProbe.identify(p.host(), Duration.ofMillis(300));
            assertEquals(protocol.hasCommandChannel() ? Optional.of(protocol) : Optional.empty(), found);
            // the queries change nothing: no setting written, no scan triggered
            assertEquals(0, sim.codesSent());
            assertEquals(protocol.hasCommandChannel(), sim.hostTriggerMode());
        }
    }

    @Test
    void aReplyIsFoundBehindCodeBytesAndARefusalStillCountsAsAnAnswer() {
        byte[] buf = Hex.parse("41 42 0D 02 01 30 30 30 30 23 53 43 4E 4D 4F 44 2A 15 3B 03");
        assertTrue(ScannerProbe.containsReply(TriggerProtocol.NEWLAND, buf, buf.length));
        byte[] bad = Hex.parse("41 02 00 00 01 00 33 32");
        assertFalse(ScannerProbe.containsReply(TriggerProtocol.GM65, bad, bad.length));
    }
}
