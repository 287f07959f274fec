package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class EscPosEncoderTest {
    private static final String INIT = "1B 40 1C 26";

    private static String hex(PrinterProfile p, Receipt r) throws DeviceException {
        return Hex.of(new EscPosEncoder(p).encode(r));
    }

    @Test
    void anEmptyReceiptIsOnlyInitialiseAndChineseMode() throws Exception {
        assertEquals(INIT, hex(PrinterProfile.MM80, Receipt.builder().build()));
    }

    @Test
    void aChineseLineGoesOutAsGb18030BytesAndALineFeed() throws Exception {
        assertEquals(INIT + " B1 E3 C3 F1 0A", hex(PrinterProfile.MM80, Receipt.builder().line("便民").build()));
    }

    @Test
    void anEmptyLineIsJustALineFeed() throws Exception {
        assertEquals(INIT + " 0A", hex(PrinterProfile.MM80, Receipt.builder().line("").build()));
    }

    @Test
    void aFourByteGb18030CharacterStaysWhole() throws Exception {
        assertEquals(INIT + " 95 32 82 36 0A", hex(PrinterProfile.MM80, Receipt.builder().line("𠀀").build()));
    }

    @Test
    void styleCommandsAreSentOnlyWhenTheStyleChanges() throws Exception {
        Receipt r = Receipt.builder().centre().bold(true).doubleSize().line("打印测试").line("中").plain().line("A").build();
        assertEquals(INIT + " 1B 61 01 1B 45 01 1D 21 11 B4 F2 D3 A1 B2 E2 CA D4 0A D6 D0 0A 1B 61 00 1B 45 00 1D 21 00 41 0A",
                hex(PrinterProfile.MM80, r));
    }

    @Test
    void textCannotSmuggleInCommands() throws Exception {
        // ESC @ inside text would reset the printer; it is printed as a space and '@'
        assertEquals(INIT + " 41 20 40 42 0A", hex(PrinterProfile.MM80, Receipt.builder().line("A\u001B@B").build()));
    }

    @Test
    void aLineBreakInTheTextStartsANewLine() throws Exception {
        assertEquals(INIT + " 41 0A 0A D6 D0 0A", hex(PrinterProfile.MM80, Receipt.builder().line("A\n\n中").build()));
    }

    @Test
    void chineseTextWrapsAtTheColumnWidthWithoutSplittingACharacter() throws Exception {
        // 58 mm: 32 columns = 16 Chinese characters; "A" + 16 characters needs 33
        String line = "A" + "中".repeat(16);
        List<String> lines = printedLines(PrinterProfile.MM58, Receipt.builder().line(line).build());
        assertEquals(List.of("A" + "中".repeat(15), "中"), lines);
        lines = printedLines(PrinterProfile.MM80, Receipt.builder().line(line).build());
        assertEquals(List.of(line), lines);
    }

    @Test
    void doubleWidthHalvesTheColumns() throws Exception {
        List<String> lines = printedLines(PrinterProfile.MM58, Receipt.builder().size(2, 1).line("中".repeat(9)).build());
        assertEquals(List.of("中".repeat(8), "中"), lines);
    }

    @Test
    void aPairPutsTheValueAtTheRightEdge() throws Exception {
        List<String> lines = printedLines(PrinterProfile.MM58, Receipt.builder().pair("业务", "社保证明").build());
        assertEquals(List.of("业务" + " ".repeat(32 - 4 - 8) + "社保证明"), lines);
        assertEquals(32, ReceiptText.width(lines.get(0)));
    }

    @Test
    void aPairTooWideForOneLineGoesOnTwo() throws Exception {
        String value = "中".repeat(15);
        byte[] bytes = new EscPosEncoder(PrinterProfile.MM58).encode(Receipt.builder().pair("业务", value).build());
        assertEquals(List.of("业务", value), printedLines(PrinterProfile.MM58, Receipt.builder().pair("业务", value).build()));
        assertTrue(Hex.of(bytes).contains("1B 61 02"), "the value line is right-aligned");
    }

    @Test
    void emptyPairsAndLinesStillEncodeWithoutTrailingSpaces() throws Exception {
        assertEquals(INIT + " B1 E3 0A 0A", hex(PrinterProfile.MM58, Receipt.builder().pair("便", "").pair("", "").build()));
    }

    @Test
    void aMissingImageIsRefusedWithAClearMessage() {
        assertEquals("receipt image is missing or empty",
                assertThrows(IllegalArgumentException.class, () -> Receipt.builder().image(null, Dither.THRESHOLD)).getMessage());
    }

    @Test
    void aSeparatorFillsTheLine() throws Exception {
        assertEquals(List.of("-".repeat(48)), printedLines(PrinterProfile.MM80, Receipt.builder().separator().build()));
        assertEquals(List.of("═".repeat(16)), printedLines(PrinterProfile.MM58, Receipt.builder().separator('═').build()));
    }

    @Test
    void aNativeQrCodeCarriesTheUtf8BytesOfAChinesePayload() throws Exception {
        String payload = "便民";
        Receipt r = Receipt.builder().centre().qr(payload, 6, QrErrorLevel.M).build();
        assertEquals(INIT + " 1B 61 01"
                        + " 1D 28 6B 04 00 31 41 32 00"
                        + " 1D 28 6B 03 00 31 43 06"
                        + " 1D 28 6B 03 00 31 45 31"
                        + " 1D 28 6B 09 00 31 50 30 E4 BE BF E6 B0 91"
                        + " 1D 28 6B 03 00 31 51 30",
                hex(PrinterProfile.MM80, r));
    }

    @Test
    void anEmptyQrPayloadIsRefusedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Receipt.builder().qr(""));
        assertEquals("QR payload is empty; give the text or URL to encode", e.getMessage());
    }

    @Test
    void aQrModuleTooLargeForThePaperIsShrunkToFit() throws Exception {
        // 100 bytes at level H need version 7 or more (45+ modules): 16 dots each would be 720 > 576
        Receipt r = Receipt.builder().qr("X".repeat(100), 16, QrErrorLevel.H).build();
        String hex = hex(PrinterProfile.MM80, r);
        int modules = RasterImage.qrModulesAcross("X".repeat(100).getBytes(StandardCharsets.UTF_8), QrErrorLevel.H);
        assertTrue(hex.contains("1D 28 6B 03 00 31 43 " + String.format("%02X", 576 / modules)), hex);
    }

    @Test
    void withoutNativeQrTheCodeIsARasterImageThatScansToTheChinesePayload() throws Exception {
        String payload = "https://zwfw.example.cn/查询?事项=社保证明";
        byte[] bytes = new EscPosEncoder(PrinterProfile.MM58_NO_NATIVE_QR).encode(Receipt.builder().qr(payload).build());
        String hex = Hex.of(bytes);
        assertFalse(hex.contains("1D 28 6B"), "no GS ( k on a printer that lacks it");
        assertTrue(hex.contains("1D 76 30 00"), "GS v 0 raster instead");
        RasterImage qr = RasterImage.qr(payload, 4, QrErrorLevel.M);
        assertEquals(payload, org.bianmin.device.printer.sim.ReceiptRenderer.decodeQr(qr.toImage()).orElseThrow());
    }

    @Test
    void imagesGoOutInBandsOfTheProfilesHeightWithTheLeftmostDotInTheHighBit() throws Exception {
        BufferedImage img = new BufferedImage(16, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 16, 100);
        g.dispose();
        img.setRGB(0, 0, 0x000000);
        PrinterProfile p = PrinterProfile.MM58.withRasterBandRows(24);
        byte[] bytes = new EscPosEncoder(p).encode(Receipt.builder().image(img, Dither.THRESHOLD).build());
        String hex = Hex.of(bytes);
        // 16 dots = 2 bytes a row; 100 rows = 24 + 24 + 24 + 24 + 4
        assertTrue(hex.startsWith(INIT + " 1D 76 30 00 02 00 18 00 80 00 00 00"), hex.substring(0, 60));
        assertEquals(4, count(hex, "1D 76 30 00 02 00 18 00"));
        assertEquals(1, count(hex, "1D 76 30 00 02 00 04 00"));
        assertEquals(4 + 5 * 8 + 200, bytes.length);
    }

    @Test
    void aWideImageIsScaledDownToThePaperWidth() throws Exception {
        BufferedImage img = new BufferedImage(800, 200, BufferedImage.TYPE_INT_RGB);
        byte[] bytes = new EscPosEncoder(PrinterProfile.MM58).encode(Receipt.builder().image(img, Dither.FLOYD_STEINBERG).build());
        // 384 dots = 48 bytes a row, 96 rows in one band of 128
        assertTrue(Hex.of(bytes).startsWith(INIT + " 1D 76 30 00 30 00 60 00"));
    }

    @Test
    void theCutFollowsTheProfile() throws Exception {
        Receipt r = Receipt.builder().line("A").cut().build();
        assertEquals(INIT + " 41 0A 1D 56 42 03", hex(PrinterProfile.MM80, r));
        assertEquals(INIT + " 41 0A 1B 64 04", hex(PrinterProfile.MM58, r));
        assertEquals(INIT + " 41 0A 1B 64 04 1B 6D", hex(PrinterProfile.MM80.withCut(PrinterProfile.CutCommand.LEGACY_PARTIAL_CUT), r));
        assertEquals(INIT + " 41 0A 1B 64 04 1B 69", hex(PrinterProfile.MM80.withCut(PrinterProfile.CutCommand.LEGACY_FULL_CUT), r));
        assertEquals(INIT + " 41 0A 1D 56 41 03", hex(PrinterProfile.MM80.withCut(PrinterProfile.CutCommand.FEED_AND_FULL_CUT), r));
    }

    @Test
    void commandsJoinedAreTheWholeJob() throws Exception {
        Receipt r = TestReceipts.diagnostic(PrinterProfile.MM80, java.time.Instant.parse("2025-03-01T02:03:04Z"));
        EscPosEncoder e = new EscPosEncoder(PrinterProfile.MM80);
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (byte[] c : e.encodeCommands(r)) {
            joined.writeBytes(c);
        }
        assertEquals(Hex.of(e.encode(r)), Hex.of(joined.toByteArray()));
    }

    @Test
    void aQrPayloadThatCannotFitThePaperIsATypedError() {
        PrinterProfile tiny = new PrinterProfile("tiny", 20, 64, 8, PrinterProfile.CutCommand.NONE, 0, 0, true, 24);
        DeviceException e = assertThrows(DeviceException.class,
                () -> new EscPosEncoder(tiny).encode(Receipt.builder().qr("中".repeat(300)).build()));
        assertEquals(DeviceError.BAD_LENGTH, e.error());
    }

    /** The text lines in the bytes: split at LF after the init, style commands dropped. */
    static List<String> printedLines(PrinterProfile p, Receipt r) throws DeviceException {
        List<String> lines = new ArrayList<>();
        for (byte[] c : new EscPosEncoder(p).encodeCommands(r)) {
            if (c.length > 0 && c[c.length - 1] == EscPos.LF && (c[0] & 0xFF) != EscPos.ESC && (c[0] & 0xFF) != EscPos.GS) {
                lines.add(new String(c, 0, c.length - 1, ReceiptText.GB18030));
            }
        }
        return lines;
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
