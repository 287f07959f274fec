package org.bianmin.device.printer.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.link.Hex;
import org.bianmin.device.printer.Align;
import org.bianmin.device.printer.PrinterProfile;
import org.junit.jupiter.api.Test;

class EscPosInterpreterTest {
    private final List<PaperItem> items = new ArrayList<>();
    private final List<Integer> statusRequests = new ArrayList<>();
    private final List<EscPosInterpreter.Ending> endings = new ArrayList<>();

    private final EscPosInterpreter.Host host = new EscPosInterpreter.Host() {
        @Override
        public void statusRequest(int n) {
            statusRequests.add(n);
        }

        @Override
        public void recoverRequest(int n) {
            statusRequests.add(-n);
        }

        @Override
        public void receiptEnded(List<PaperItem> printed, byte[] raw, EscPosInterpreter.Ending ending, boolean cut) {
            items.addAll(printed);
            endings.add(ending);
        }
    };

    private void feed(PrinterProfile p, String hex) {
        EscPosInterpreter in = new EscPosInterpreter(p, host);
        byte[] b = Hex.parse(hex);
        in.accept(b, 0, b.length);
        in.endReceipt(EscPosInterpreter.Ending.TORN);
    }

    private List<String> lines() {
        return items.stream().filter(i -> i instanceof PaperItem.TextLine).map(i -> ((PaperItem.TextLine) i).text()).toList();
    }

    @Test
    void unknownAndUnusedCommandsAreSkippedAndTheTextAfterThemIsIntact() {
        feed(PrinterProfile.MM80, "1B 40 1C 26"
                + " 1B 2A 00 02 00 FF FF"          // ESC * 8-dot bit image, 2 columns
                + " 1D 6B 04 31 32 33 00"          // GS k CODE39 "123" NUL
                + " 1D 6B 49 03 61 62 63"          // GS k CODE128 n=3
                + " 1D 28 4C 02 00 30 45"          // GS ( L, 2 data bytes
                + " 1B 70 00 19 FA"                // ESC p drawer pulse
                + " 1B 01 1C 7F 1D 7E"             // unknown ESC, FS, GS commands
                + " 10 41"                         // DLE alone: the 'A' is text
                + " 4F 4B 0A");
        assertEquals(List.of("AOK"), lines());
        assertEquals(List.of(), statusRequests);
    }

    @Test
    void realTimeRequestsAreAnsweredEvenInsideAnotherCommandsData() {
        // GS v 0 of 3 bytes × 1 row whose data happen to be DLE EOT 1
        feed(PrinterProfile.MM80, "1B 40 1D 76 30 00 03 00 01 00 10 04 01 10 04 02");
        assertEquals(List.of(1, 2), statusRequests);
        PaperItem.Raster r = (PaperItem.Raster) items.get(0);
        assertEquals(24, r.image().width());
        assertEquals(1, r.image().height());
    }

    @Test
    void aChineseLeadByteSwallowsTheNextByteAsInTheFirmware() {
        // B1 E3 = 便; a lone lead byte B1 before LF takes the LF with it
        feed(PrinterProfile.MM80, "1B 40 1C 26 B1 E3 0A B1 0A 41 0A");
        assertEquals(2, lines().size());
        assertEquals("便", lines().get(0));
    }

    @Test
    void aFourByteCharacterIsOneCharacter() {
        feed(PrinterProfile.MM80, "1B 40 1C 26 95 32 82 36 0A");
        assertEquals(List.of("𠀀"), lines());
    }

    @Test
    void outsideChineseModeEveryByteIsOneCharacter() {
        feed(PrinterProfile.MM80, "1B 40 1C 2E 41 E9 0A");
        assertEquals(List.of("Aé"), lines());
    }

    @Test
    void aLineTooLongForThePaperWrapsLikeThePrinter() {
        feed(PrinterProfile.MM58, "1B 40 1C 26 " + "41 ".repeat(33) + "0A");
        assertEquals(List.of("A".repeat(32), "A"), lines());
    }

    @Test
    void stylesReachTheTextLines() {
        feed(PrinterProfile.MM80, "1B 40 1B 61 02 1B 45 01 1D 21 11 41 0A 1B 21 00 1B 61 31 42 0A");
        assertEquals(List.of(new PaperItem.TextLine("A", Align.RIGHT, true, 2, 2), new PaperItem.TextLine("B", Align.CENTRE, false, 1, 1)), items);
    }

    @Test
    void fsBangSetsEachChineseSizeBitAndFsBangZeroReturnsToSingleSize() {
        // FS ! n: bit2 double width, bit3 double height (PROTOCOLS.md §2.2)
        feed(PrinterProfile.MM80, "1B 40 1C 26 1C 21 0C 41 0A 1C 21 00 42 0A 1C 21 04 43 0A 1C 21 08 44 0A 1C 21 80 45 0A");
        assertEquals(List.of(new PaperItem.TextLine("A", Align.LEFT, false, 2, 2), new PaperItem.TextLine("B", Align.LEFT, false, 1, 1),
                new PaperItem.TextLine("C", Align.LEFT, false, 2, 1), new PaperItem.TextLine("D", Align.LEFT, false, 1, 2),
                new PaperItem.TextLine("E", Align.LEFT, false, 1, 1)), items);
    }

    @Test
    void aCutEndsTheReceiptOnlyWhereThereIsACutter() {
        feed(PrinterProfile.MM80, "1B 40 41 0A 1D 56 42 03 42 0A");
        assertEquals(List.of(EscPosInterpreter.Ending.CUT, EscPosInterpreter.Ending.TORN), endings);
        endings.clear();
        feed(PrinterProfile.MM58, "1B 40 41 0A 1D 56 42 03 42 0A");
        assertEquals(List.of(EscPosInterpreter.Ending.TORN), endings);
    }

    @Test
    void aNativeQrIsKeptWithItsModuleSizeLevelAndAlignment() {
        feed(PrinterProfile.MM80, "1B 40 1B 61 01 1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 07 1D 28 6B 03 00 31 45 33"
                + " 1D 28 6B 09 00 31 50 30 E4 BE BF E6 B0 91 1D 28 6B 03 00 31 51 30");
        PaperItem.QrCode q = (PaperItem.QrCode) items.get(0);
        assertEquals("便民", q.payload());
        assertEquals(7, q.moduleSize());
        assertEquals(org.bianmin.device.printer.QrErrorLevel.H, q.level());
        assertEquals(Align.CENTRE, q.align());
    }

    @Test
    void textIsAlignedWithSpacesInTheRendering() {
        ReceiptRenderer r = new ReceiptRenderer(PrinterProfile.MM58);
        assertEquals(" ".repeat(15) + "中\n" + " ".repeat(30) + "AB\n" + " ".repeat(14) + "中\n" + "[QR: x]\n",
                r.text(List.of(new PaperItem.TextLine("中", Align.CENTRE, false, 1, 1),
                        new PaperItem.TextLine("AB", Align.RIGHT, false, 1, 1),
                        new PaperItem.TextLine("中", Align.CENTRE, true, 2, 2),
                        new PaperItem.QrCode("x", new byte[] {'x'}, 3, org.bianmin.device.printer.QrErrorLevel.L, Align.LEFT))));
    }
}
