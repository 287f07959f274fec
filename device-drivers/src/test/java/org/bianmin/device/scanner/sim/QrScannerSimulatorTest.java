package org.bianmin.device.scanner.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.scanner.Gm65Codec;
import org.bianmin.device.scanner.NewlandCodec;
import org.bianmin.device.scanner.TriggerProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QrScannerSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private QrScannerSimulator sim;
    private SerialLink host;

    private QrScannerSimulator start(QrScannerSimulator.Settings settings) {
        MemoryLink.Pair p = MemoryLink.pair("sim");
        host = p.host();
        sim = new QrScannerSimulator(p.device(), settings.withSerial(SerialSettings.of(115200))).start();
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private String read(int n) throws Exception {
        return Hex.of(host.readExactly(n, WAIT));
    }

    @Test
    void aGm65TriggerIsAnsweredWithTheDocumentedAckThenThePresentedCode() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.GM65));
        sim.scan("A1");
        host.write(Hex.parse("7E 00 08 01 00 02 01 AB CD"));
        assertEquals("02 00 00 01 00 33 31", read(7));
        assertEquals("41 31 0D", read(3));
    }

    @Test
    void gm65SaveAndSetBaudAreAckedAndTheBaudQueryAnswersTheZoneBytes() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.GM65));
        host.write(Hex.parse("7E 00 09 01 00 00 00 DE C8"));
        assertEquals("02 00 00 01 00 33 31", read(7));
        host.write(Hex.parse("7E 00 08 02 00 2A 39 01 A7 EA"));
        assertEquals("02 00 00 01 00 33 31", read(7));
        host.write(Hex.parse("7E 00 07 01 00 2A 02 D8 0F"));
        byte[] reply = host.readExactly(8, WAIT);
        assertEquals(new Gm65Codec.Reply(0, new byte[] {0x39, 0x01}), Gm65Codec.decodeReply(reply));
    }

    @Test
    void aNewlandTriggerIsEchoedWithAckAndTheQueryReportsTheMode() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.NEWLAND));
        host.write(NewlandCodec.encode(NewlandCodec.startScan()));
        assertEquals("02 01 30 30 30 30 23 53 43 4E 54 52 47 31 06 3B 03", read(17));
        host.write(NewlandCodec.encode(NewlandCodec.queryScanMode()));
        assertEquals(new NewlandCodec.Reply("#SCNMOD0", NewlandCodec.ACK), NewlandCodec.decodeReply(host.readExactly(17, WAIT)));
    }

    @Test
    void newlandSenseModeSendsAPresentedCodeWithoutATrigger() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.NEWLAND));
        sim.scan("便民");
        assertEquals(1, sim.presentedCount());
        host.write(NewlandCodec.encode(NewlandCodec.senseMode()));
        assertEquals("02 01 30 30 30 30 40 53 43 4E 4D 4F 44 32 06 3B 03", read(17));
        assertEquals(Hex.of("便民\r".getBytes(StandardCharsets.UTF_8)), read(7));
        assertTrue(!sim.hostTriggerMode());
    }

    @Test
    void anUnknownNewlandTagIsAnsweredWithEnq() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.NEWLAND));
        host.write(NewlandCodec.encode(new NewlandCodec.Command('@', "XYZABC1")));
        assertEquals(new NewlandCodec.Reply("@XYZABC1", NewlandCodec.ENQ), NewlandCodec.decodeReply(host.readExactly(17, WAIT)));
    }

    @Test
    void junkAndABadCrcSentToTheScannerAreIgnoredAndTheNextCommandIsAnswered() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.GM65));
        host.write(Hex.parse("FF 00 7E 13 37 7E 00 09 01 00 00 00 DE C9"));
        host.write(Hex.parse("7E 00 09 01 00 00 00 DE C8"));
        assertEquals("02 00 00 01 00 33 31", read(7));
        await().atMost(WAIT).until(() -> sim.repliesSent() == 1); // counted just after the reply left: the host may read it first
        assertTrue(sim.junkBytesReceived() >= 5, "junk counted: " + sim.junkBytesReceived());
    }

    @Test
    void aStalledScannerAnswersNothingUntilTheStallEnds() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.GM65));
        sim.stall(Duration.ofMillis(300));
        host.write(Hex.parse("7E 00 09 01 00 00 00 DE C8"));
        await().atMost(WAIT).until(() -> sim.framesReceived() == 1);
        assertEquals(0, host.read(new byte[8], 0, 8, Duration.ofMillis(50)));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            host.write(Hex.parse("7E 00 09 01 00 00 00 DE C8"));
            return host.read(new byte[7], 0, 7, Duration.ofMillis(100)) > 0;
        });
    }

    @Test
    void wireBytesPutPrefixAimIdDataSuffixAndTailInOrder() {
        QrScannerSimulator.Settings s = QrScannerSimulator.Settings.of(TriggerProtocol.NONE)
                .withPrefix("<").withAimId("]Q1").withSuffix(">").withTail(QrScannerSimulator.Tail.CRLF);
        assertEquals("3C 5D 51 31 E4 B8 AD 3E 0D 0A", Hex.of(QrScannerSimulator.wireBytes("中", s)));
        assertEquals("3C 5D 51 31 3E 0D 0A", Hex.of(QrScannerSimulator.wireBytes("", s)));
        QrScannerSimulator.Settings gbk = QrScannerSimulator.Settings.gm65Factory();
        assertEquals("D6 D0", Hex.of(QrScannerSimulator.wireBytes("中", gbk)));
    }

    @Test
    void aCodeTheCharsetCannotHoldIsRefusedWithAMessage() {
        QrScannerSimulator.Settings latin = QrScannerSimulator.Settings.of(TriggerProtocol.NONE).withCharset(Charset.forName("ISO-8859-1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QrScannerSimulator.wireBytes("中", latin));
        assertTrue(e.getMessage().startsWith("the code cannot be encoded in ISO-8859-1"), e.getMessage());
    }

    @Test
    void garbageIsFortyEightHighBytesWithNoTerminator() throws Exception {
        start(QrScannerSimulator.Settings.of(TriggerProtocol.NONE));
        sim.garbage();
        byte[] junk = host.readExactly(48, WAIT);
        for (byte b : junk) {
            assertTrue((b & 0xFF) >= 0x80, "byte " + (b & 0xFF));
        }
        assertEquals(0, sim.codesSent());
    }
}
