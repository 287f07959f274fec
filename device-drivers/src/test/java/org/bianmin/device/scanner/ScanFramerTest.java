package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class ScanFramerTest {
    private static final Charset GBK = Charset.forName("GBK");

    private static List<ScanItem> feed(ScanFramer f, byte[] bytes) {
        return f.accept(bytes, 0, bytes.length);
    }

    private static List<ScanItem> feed(ScanFramer f, String text) {
        return feed(f, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String code(ScanItem item) {
        return assertInstanceOf(ScanItem.Code.class, item).code().text();
    }

    private static DeviceError rejected(ScanItem item) {
        return assertInstanceOf(ScanItem.Rejected.class, item).error().error();
    }

    @Test
    void crLfAndCrlfEachEndExactlyOneCode() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults());
        List<ScanItem> items = feed(f, "A1\rB2\nC3\r\nD4\n\r");
        assertEquals(List.of("A1", "B2", "C3", "D4"), items.stream().map(ScanFramerTest::code).toList());
        assertTrue(!f.hasPartial());
    }

    @Test
    void aCodeWithoutTailEndsAtTheIdleGap() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults());
        assertEquals(List.of(), feed(f, "https://zwfw.example.cn/q?t=abc"));
        assertTrue(f.hasPartial());
        assertEquals("https://zwfw.example.cn/q?t=abc", code(f.endOfBurst().orElseThrow()));
        assertEquals(Optional.empty(), f.endOfBurst());
    }

    @Test
    void chineseUtf8IsDecodedAsUtf8() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults());
        assertEquals("便民服务码：张三", code(feed(f, "便民服务码：张三\r").get(0)));
    }

    @Test
    void gbkBytesThatAreNotUtf8FallBackToGb18030() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults());
        byte[] gbk = "政务服务自助一体机\r".getBytes(GBK);
        assertEquals("政务服务自助一体机", code(feed(f, gbk).get(0)));
    }

    @Test
    void aConfiguredCharsetIsUsedStrictly() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults().withCharset(GBK));
        // D0 A1 is 小 in GBK and also valid UTF-8 (U+0421); the configured charset decides
        assertEquals("小", code(feed(f, Hex.parse("D0 A1 0D")).get(0)));
        ScanItem bad = feed(f, Hex.parse("FF FF 0D")).get(0);
        assertEquals(DeviceError.UNREADABLE_CODE, rejected(bad));
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreAnUnreadableCodeWithAClearMessage() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults());
        ScanItem.Rejected r = assertInstanceOf(ScanItem.Rejected.class, feed(f, Hex.parse("41 FF 42 0D")).get(0));
        assertEquals(DeviceError.UNREADABLE_CODE, r.error().error());
        assertEquals("scanner sent 3 bytes that are neither UTF-8 nor GB18030; set the scanner's output encoding"
                + " to UTF-8 or configure its charset", r.error().getMessage());
        assertEquals(3, r.bytes());
    }

    @Test
    void prefixAimIdAndSuffixAreStrippedAndTheSymbologyKept() {
        ScanFormat fmt = ScanFormat.defaults().withPrefix("\u0002").withSuffix("\u0003").withAim(true);
        ScanFramer f = new ScanFramer(fmt);
        ScannedCode c = assertInstanceOf(ScanItem.Code.class, feed(f, "\u0002]Q1办事指南\u0003\r\n").get(0)).code();
        assertEquals("办事指南", c.text());
        assertEquals(Symbology.QR_CODE, c.symbology());
        assertEquals("]Q1", c.aimId());
        assertEquals("02 5D 51 31 E5 8A 9E E4 BA 8B E6 8C 87 E5 8D 97 03", Hex.of(c.rawBytes()));
        ScannedCode ean = assertInstanceOf(ScanItem.Code.class, feed(f, "]E06901234567892\r").get(0)).code();
        assertEquals(Symbology.EAN_13, ean.symbology());
        assertEquals("6901234567892", ean.text());
    }

    @Test
    void anAimLetterOutsideTheTableIsOtherAndAimOffLeavesTheTextAlone() {
        ScanFramer on = new ScanFramer(ScanFormat.defaults().withAim(true));
        ScannedCode other = assertInstanceOf(ScanItem.Code.class, feed(on, "]z0X\r").get(0)).code();
        assertEquals(Symbology.OTHER, other.symbology());
        assertEquals("X", other.text());
        ScanFramer off = new ScanFramer(ScanFormat.defaults());
        ScannedCode kept = assertInstanceOf(ScanItem.Code.class, feed(off, "]Q1X\r").get(0)).code();
        assertEquals("]Q1X", kept.text());
        assertEquals(Symbology.UNKNOWN, kept.symbology());
    }

    @Test
    void controlCharactersAreStrippedByDefaultSoTheyCannotTypeIntoTheForm() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults());
        assertEquals("ab12", code(feed(f, "a\tb\u001b1\u00072\r").get(0)));
    }

    @Test
    void controlCharactersRejectTheCodeWhenSoConfigured() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults().withControlChars(ScanFormat.ControlChars.REJECT));
        ScanItem.Rejected r = assertInstanceOf(ScanItem.Rejected.class, feed(f, "ab\tc\r").get(0));
        assertEquals(DeviceError.UNREADABLE_CODE, r.error().error());
        assertTrue(r.error().getMessage().startsWith("code contains control character U+0009 at position 2"), r.error().getMessage());
    }

    @Test
    void aFrameWithOnlyAPrefixIsABadFrame() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults().withPrefix("ID:"));
        assertEquals(DeviceError.BAD_FRAME, rejected(feed(f, "ID:\r").get(0)));
    }

    @Test
    void garbageLongerThanTheMaximumIsRejectedOnceAndTheFramerResyncsAtTheNextTerminator() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults().withMaxCodeBytes(16));
        List<ScanItem> items = new ArrayList<>(feed(f, "x".repeat(100)));
        items.addAll(feed(f, "\rGOOD\r"));
        assertEquals(2, items.size());
        ScanItem.Rejected r = assertInstanceOf(ScanItem.Rejected.class, items.get(0));
        assertEquals(DeviceError.BAD_LENGTH, r.error().error());
        assertEquals(17, r.bytes());
        assertEquals("GOOD", code(items.get(1)));
    }

    @Test
    void garbageLongerThanTheMaximumResyncsAtTheIdleGapToo() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults().withMaxCodeBytes(16));
        assertEquals(DeviceError.BAD_LENGTH, rejected(feed(f, "y".repeat(40)).get(0)));
        assertEquals(Optional.empty(), f.endOfBurst());
        assertEquals("OK", code(feed(f, "OK\n").get(0)));
    }

    @Test
    void aCodeOfExactlyTheMaximumLengthIsAccepted() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults().withMaxCodeBytes(16));
        assertEquals("0123456789ABCDEF", code(feed(f, "0123456789ABCDEF\r").get(0)));
    }

    @Test
    void tabCanBeConfiguredAsTheTerminator() {
        ScanFramer f = new ScanFramer(ScanFormat.defaults().withTerminators("\t"));
        assertEquals("A", code(feed(f, "A\t").get(0)));
    }

    @Test
    void badSettingsAreRefusedWithTheFix() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScanFormat.defaults().withTerminators(";"));
        assertTrue(e.getMessage().contains("use control characters such as CR"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScanFormat.defaults().withMaxCodeBytes(4));
    }

    @Test
    void aScannedCodePrintsOnlyAMaskedPrefix() {
        ScannedCode c = new ScannedCode("https://zwfw.example.cn/t/110105194912310021", Symbology.QR_CODE, "]Q1", new byte[44]);
        assertEquals("ScannedCode[QR_CODE ]Q1 http**************** (44 chars), 44 bytes]", c.toString());
        assertEquals("****** (6 chars)", ScannedCode.mask("张三的健康码"));
    }
}
