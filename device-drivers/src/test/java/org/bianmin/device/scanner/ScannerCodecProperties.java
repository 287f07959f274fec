package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.bianmin.device.scanner.sim.QrScannerSimulator;

class ScannerCodecProperties {
    private static final Charset GBK = Charset.forName("GBK");

    private static final List<byte[]> GOLDEN = List.of(
            Hex.parse("7E 00 08 01 00 02 01 AB CD"),
            Hex.parse("7E 00 09 01 00 00 00 DE C8"),
            Hex.parse("7E 00 07 01 00 2A 02 D8 0F"),
            Hex.parse("7E 00 08 02 00 2A 39 01 A7 EA"),
            Hex.parse("02 00 00 01 00 33 31"),
            NewlandCodec.encode(NewlandCodec.startScan()),
            NewlandCodec.encode(NewlandCodec.triggerMode()),
            NewlandCodec.encodeReply(new NewlandCodec.Reply("#SCNTRG1", NewlandCodec.ACK)),
            "]Q1办事指南\r\n".getBytes(StandardCharsets.UTF_8));

    @Provide
    Arbitrary<byte[]> damagedFrames() {
        Arbitrary<byte[]> golden = Arbitraries.of(GOLDEN);
        Arbitrary<byte[]> truncated = Combinators.combine(golden, Arbitraries.integers().between(0, 40))
                .as((g, n) -> Arrays.copyOf(g, Math.min(n, g.length)));
        Arbitrary<byte[]> flipped = Combinators.combine(golden, Arbitraries.integers().between(0, 40), Arbitraries.bytes())
                .as((g, i, v) -> {
                    byte[] c = g.clone();
                    c[i % c.length] = v;
                    return c;
                });
        Arbitrary<byte[]> spliced = Combinators.combine(golden, golden, Arbitraries.integers().between(0, 40))
                .as((a, b, n) -> {
                    byte[] c = Arrays.copyOf(a, Math.min(n, a.length) + b.length);
                    System.arraycopy(b, 0, c, Math.min(n, a.length), b.length);
                    return c;
                });
        return Arbitraries.oneOf(truncated, flipped, spliced, Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    @Property(tries = 400)
    void gm65DecodersGiveATypedErrorOrAValidFrame(@ForAll("damagedFrames") byte[] frame) {
        try {
            Gm65Codec.Command c = Gm65Codec.decodeCommand(frame);
            assertEquals(frame.length, 8 + c.data().length);
        } catch (DeviceException e) {
            assertNotNull(e.error());
        }
        try {
            Gm65Codec.Reply r = Gm65Codec.decodeReply(frame);
            assertEquals(frame.length, 6 + r.data().length);
        } catch (DeviceException e) {
            assertNotNull(e.error());
        }
    }

    @Property(tries = 400)
    void newlandDecodersGiveATypedErrorOrAValidFrame(@ForAll("damagedFrames") byte[] frame) {
        try {
            NewlandCodec.Command c = NewlandCodec.decodeCommand(frame);
            assertArrayEqualsHex(frame, NewlandCodec.encode(c));
        } catch (DeviceException e) {
            assertNotNull(e.error());
        }
        try {
            NewlandCodec.Reply r = NewlandCodec.decodeReply(frame);
            assertArrayEqualsHex(frame, NewlandCodec.encodeReply(r));
        } catch (DeviceException e) {
            assertNotNull(e.error());
        }
    }

    private static void assertArrayEqualsHex(byte[] expected, byte[] actual) {
        assertEquals(Hex.of(expected), Hex.of(actual));
    }

    @Property(tries = 400)
    void frameLengthsAreMinusOneZeroOrWithinTheBuffer(@ForAll("damagedFrames") byte[] buf) {
        for (TriggerProtocol p : TriggerProtocol.values()) {
            int n = p.replyLength(buf, buf.length);
            assertTrue(n >= -1 && n <= buf.length, p + " replyLength " + n);
        }
        int g = Gm65Codec.commandLength(buf, buf.length);
        int nl = NewlandCodec.commandLength(buf, buf.length);
        assertTrue(g >= -1 && g <= buf.length && nl >= -1 && nl <= buf.length);
    }

    @Property(tries = 300)
    void theStreamCutsAnyBytesIntoCodesRejectionsAndRepliesWithoutThrowing(
            @ForAll("damagedFrames") byte[] a, @ForAll @Size(max = 600) byte[] b, @ForAll @IntRange(min = 16, max = 64) int max) {
        for (TriggerProtocol p : TriggerProtocol.values()) {
            ScanStream s = new ScanStream(ScanFormat.defaults().withMaxCodeBytes(max), p);
            List<ScanItem> items = new ArrayList<>(s.accept(a, 0, a.length));
            items.addAll(s.accept(b, 0, b.length));
            items.addAll(s.endOfBurst());
            assertTrue(!s.hasPartial(), "nothing may be left after the idle gap");
            for (ScanItem i : items) {
                switch (i) {
                    case ScanItem.Code c -> assertTrue(c.code().rawBytes().length <= max && !c.code().text().isEmpty());
                    case ScanItem.Rejected r -> assertNotNull(r.error().error());
                    case ScanItem.Reply r -> assertTrue(r.frame().length > 0);
                }
            }
        }
    }

    @Provide
    Arbitrary<String> anyCodeText() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range(' ', '~'),
                Arbitraries.chars().range('\u4e00', '\u9fa5'),
                Arbitraries.chars().range('\u00a0', '\u07ff'),
                Arbitraries.chars().range('\u3000', '\u30ff'));
        Arbitrary<String> bmp = chars.list().ofMinSize(1).ofMaxSize(120).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        });
        // a supplementary-plane character (4 UTF-8 bytes) in the middle
        Arbitrary<String> withEmoji = bmp.map(s -> s + "\uD83D\uDE00" + s);
        return Arbitraries.oneOf(bmp, withEmoji);
    }

    @Provide
    Arbitrary<String> gbkCodeText() {
        CharsetEncoder gbk = GBK.newEncoder();
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().range(' ', '~'),
                Arbitraries.chars().range('\u4e00', '\u9fa5').filter(gbk::canEncode));
        return chars.list().ofMinSize(1).ofMaxSize(120).map(l -> {
            StringBuilder sb = new StringBuilder();
            l.forEach(sb::append);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<QrScannerSimulator.Tail> tails() {
        return Arbitraries.of(QrScannerSimulator.Tail.CR, QrScannerSimulator.Tail.CRLF, QrScannerSimulator.Tail.NONE);
    }

    private static String throughFramer(byte[] wire, ScanFormat format) {
        ScanFramer f = new ScanFramer(format);
        List<ScanItem> items = new ArrayList<>(f.accept(wire, 0, wire.length));
        f.endOfBurst().ifPresent(items::add);
        assertEquals(1, items.size(), () -> "items " + items);
        return ((ScanItem.Code) items.get(0)).code().text();
    }

    @Property(tries = 300)
    void anyUtf8CodeRoundTripsFromTheSimulatorThroughTheFramer(@ForAll("anyCodeText") String text,
                                                              @ForAll("tails") QrScannerSimulator.Tail tail) {
        QrScannerSimulator.Settings s = QrScannerSimulator.Settings.of(TriggerProtocol.NONE).withTail(tail)
                .withPrefix("\u0002").withSuffix("\u0003").withAimId("]Q1");
        ScanFormat f = ScanFormat.defaults().withPrefix("\u0002").withSuffix("\u0003").withAim(true);
        assertEquals(text, throughFramer(QrScannerSimulator.wireBytes(text, s), f));
    }

    @Property(tries = 300)
    void anyGbkEncodableCodeRoundTripsWithTheCharsetConfigured(@ForAll("gbkCodeText") String text,
                                                              @ForAll("tails") QrScannerSimulator.Tail tail) {
        QrScannerSimulator.Settings s = QrScannerSimulator.Settings.gm65Factory().withTail(tail);
        assertEquals(text, throughFramer(QrScannerSimulator.wireBytes(text, s), ScanFormat.defaults().withCharset(GBK)));
    }
}
