package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
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
import org.bianmin.device.printer.sim.EscPosInterpreter;
import org.bianmin.device.printer.sim.PaperItem;

/** Random, truncated and corrupted input never breaks a codec; random receipts survive the round trip. */
class EscPosPropertiesTest {
    private static final List<String> ALPHABET = List.of("a", "Z", "0", "9", " ", "-", "@", "中", "文", "便", "民",
            "证", "明", "，", "。", "é", "𠀀", "￥", "（", "）");

    @Property
    void anyBytesGiveAStatusOrATypedError(@ForAll @Size(max = 8) byte[] bytes) {
        try {
            PrinterStatus s = EscPosStatus.decode(bytes);
            assertEquals(4, bytes.length);
            assertNotNull(s.summary());
        } catch (DeviceException e) {
            assertNotNull(e.error());
        }
        try {
            int b = EscPosStatus.reply(1, bytes);
            assertEquals(true, EscPosStatus.isStatusByte(b));
        } catch (DeviceException e) {
            assertNotNull(e.error());
        }
    }

    @Property
    void aStatusWithOneBitFlippedIsAStatusOrATypedError(@ForAll("statusBytes") byte[] valid, @ForAll @IntRange(min = 0, max = 31) int bit,
                                                       @ForAll @IntRange(min = 0, max = 4) int keep) {
        byte[] corrupted = Arrays.copyOf(valid, keep);
        if (bit / 8 < keep) {
            corrupted[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        try {
            EscPosStatus.decode(corrupted);
            assertEquals(4, keep);
        } catch (DeviceException e) {
            assertNotNull(e.error());
        }
    }

    @Provide
    Arbitrary<byte[]> statusBytes() {
        // the four free bits 2, 3, 5, 6 of each byte, over the fixed 0x12
        return Arbitraries.integers().between(0, 15).map(f -> 0x12 | ((f & 3) << 2) | ((f >> 2) << 5))
                .list().ofSize(4).map(l -> new byte[] {l.get(0).byteValue(), l.get(1).byteValue(), l.get(2).byteValue(), l.get(3).byteValue()});
    }

    @Property(tries = 300)
    void anyBytesIntoTheInterpreterNeitherThrowNorHang(@ForAll @Size(max = 3000) byte[] bytes) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Collector c = new Collector();
            EscPosInterpreter in = new EscPosInterpreter(PrinterProfile.MM80, c);
            in.accept(bytes, 0, bytes.length);
            in.endReceipt(EscPosInterpreter.Ending.TORN);
        });
    }

    @Property(tries = 100)
    void aTruncatedOrCorruptedJobNeitherThrowsNorHangs(@ForAll("lines") List<Line> lines, @ForAll @IntRange(min = 0, max = 100) int keepPercent,
                                                      @ForAll @IntRange(min = 0, max = 255) int flip, @ForAll @IntRange(min = 0, max = 10_000) int at) throws Exception {
        byte[] job = new EscPosEncoder(PrinterProfile.MM58).encode(receipt(lines).qr("便民 " + at).cut().build());
        byte[] cut = Arrays.copyOf(job, job.length * keepPercent / 100);
        if (cut.length > 0) {
            cut[at % cut.length] ^= (byte) flip;
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            EscPosInterpreter in = new EscPosInterpreter(PrinterProfile.MM58, new Collector());
            in.accept(cut, 0, cut.length);
            in.endReceipt(EscPosInterpreter.Ending.TORN);
        });
    }

    @Property(tries = 200)
    void randomReceiptsComeBackAsTheSameLines(@ForAll("lines") List<Line> lines, @ForAll boolean wide) throws Exception {
        PrinterProfile p = wide ? PrinterProfile.MM80 : PrinterProfile.MM58;
        byte[] job = new EscPosEncoder(p).encode(receipt(lines).build());
        Collector c = new Collector();
        EscPosInterpreter in = new EscPosInterpreter(p, c);
        in.accept(job, 0, job.length);
        in.endReceipt(EscPosInterpreter.Ending.TORN);

        List<PaperItem> expected = new ArrayList<>();
        for (Line l : lines) {
            for (String piece : ReceiptText.wrap(l.text(), p.columns() / l.width())) {
                expected.add(new PaperItem.TextLine(piece, l.align(), l.bold(), l.width(), l.height()));
            }
        }
        assertEquals(expected, c.items);
    }

    private static Receipt.Builder receipt(List<Line> lines) {
        Receipt.Builder b = Receipt.builder();
        for (Line l : lines) {
            b.align(l.align()).bold(l.bold()).size(l.width(), l.height()).line(l.text());
        }
        return b;
    }

    record Line(String text, Align align, boolean bold, int width, int height) {}

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<String> text = Arbitraries.of(ALPHABET).list().ofMaxSize(70).map(l -> String.join("", l));
        Arbitrary<Line> line = Combinators.combine(text, Arbitraries.of(Align.class), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2)).as(Line::new);
        return line.list().ofMaxSize(12);
    }

    /** Collects what lands on the paper; real-time requests are ignored. */
    static final class Collector implements EscPosInterpreter.Host {
        final List<PaperItem> items = new ArrayList<>();

        @Override
        public void statusRequest(int n) {
            // no printer state to answer from
        }

        @Override
        public void recoverRequest(int n) {
            // nothing to recover
        }

        @Override
        public void receiptEnded(List<PaperItem> printed, byte[] raw, EscPosInterpreter.Ending ending, boolean cut) {
            items.addAll(printed);
        }
    }
}
