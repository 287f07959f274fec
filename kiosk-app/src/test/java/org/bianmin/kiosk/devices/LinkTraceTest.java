package org.bianmin.kiosk.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.TracingLink.Chunk;
import org.bianmin.device.link.TracingLink.Direction;
import org.junit.jupiter.api.Test;

/** What the technician's hex trace keeps of each device's bytes, whatever sizes they arrive in. */
class LinkTraceTest {
    static final Instant T = Instant.parse("2026-11-25T07:00:00Z");

    /** A read reply (30 01) of PROTOCOLS.md §1: header, lengths 0x0100 and 0x0400, the text block and photo, checksum. */
    static byte[] readReply(String name) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.writeBytes(Hex.parse("AA AA AA 96 69 05 08 00 00 90 01 00 04 00"));
        byte[] text = Arrays.copyOf(name.getBytes(StandardCharsets.UTF_16LE), 256);
        f.writeBytes(text);
        f.writeBytes(new byte[1024]);
        f.write(0x5A);
        return f.toByteArray();
    }

    @Test
    void aCardReadReplyInPiecesKeepsItsHeaderAndLengthsAndWithholdsTextAndPhoto() {
        LinkTrace trace = LinkTrace.forDevice("id-card");
        trace.accept(new Chunk(T, Direction.TX, Hex.parse("AA AA AA 96 69 00 03 30 01 32")));
        byte[] reply = readReply("测试用户甲");
        for (int i = 0; i < reply.length; i += 7) {
            trace.accept(new Chunk(T, Direction.RX, Arrays.copyOfRange(reply, i, Math.min(reply.length, i + 7))));
        }

        List<LinkTrace.Line> lines = trace.lines();

        assertEquals(2, lines.size(), lines::toString);
        assertEquals("AA AA AA 96 69 00 03 30 01 32", lines.get(0).hex());
        assertEquals("AA AA AA 96 69 05 08 00 00 90 01 00 04 00 5A", lines.get(1).hex());
        assertEquals(1280, lines.get(1).withheld());
        assertEquals("text 256 B, photo 1024 B", lines.get(1).withheldWhat());
    }

    @Test
    void repliesToOtherCommandsAreShownWholeAndNoiseBetweenFramesToo() {
        LinkTrace trace = LinkTrace.forDevice("id-card");
        trace.accept(new Chunk(T, Direction.TX, Hex.parse("AA AA AA 96 69 00 03 11 FF ED")));
        trace.accept(new Chunk(T, Direction.RX, Hex.parse("00 AA 13 AA AA AA 96 69 00 04 00 00 90 94")));

        assertEquals(List.of("AA AA AA 96 69 00 03 11 FF ED", "00 AA 13", "AA AA AA 96 69 00 04 00 00 90 94"),
                trace.lines().stream().map(LinkTrace.Line::hex).toList());
    }

    @Test
    void aScannedCodeKeepsItsFirstFourBytesWhateverTheChunks() {
        LinkTrace trace = LinkTrace.forDevice("qr-scanner");
        for (byte b : "ESSC1:110105194910010015\r".getBytes(StandardCharsets.US_ASCII)) {
            trace.accept(new Chunk(T, Direction.RX, new byte[] {b}));
        }
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        int withheld = 0;
        for (LinkTrace.Line l : trace.lines()) {
            shown.writeBytes(l.shown());
            withheld += l.withheld();
        }
        assertEquals("ESSC\r", shown.toString(StandardCharsets.US_ASCII));
        assertEquals(20, withheld);
    }

    @Test
    void aReceiptKeepsTheStartOfEachWriteAndCountsTheRest() {
        LinkTrace trace = LinkTrace.forDevice("receipt-printer");
        byte[] receipt = new byte[300];
        trace.accept(new Chunk(T, Direction.TX, receipt));
        trace.accept(new Chunk(T, Direction.RX, new byte[] {0x12}));

        assertEquals(LinkTrace.RECEIPT_SHOWN, trace.lines().get(0).shown().length);
        assertEquals(300 - LinkTrace.RECEIPT_SHOWN, trace.lines().get(0).withheld());
        assertEquals("12", trace.lines().get(1).hex());
    }

    @Test
    void itKeepsTheLastTwoHundredLines() {
        LinkTrace trace = LinkTrace.forDevice("receipt-printer");
        for (int i = 0; i < 250; i++) {
            trace.accept(new Chunk(T, Direction.RX, new byte[] {(byte) i}));
        }
        assertEquals(LinkTrace.CAPACITY, trace.lines().size());
        assertEquals(Hex.of(new byte[] {(byte) 249}), trace.lines().getLast().hex());
        assertFalse(trace.lines().stream().anyMatch(l -> l.hex().equals("31")), "line 49 was dropped");
    }
}
