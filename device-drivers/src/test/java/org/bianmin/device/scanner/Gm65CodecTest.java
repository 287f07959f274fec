package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class Gm65CodecTest {

    private static void assertBytes(String expectedHex, byte[] actual) {
        assertEquals(expectedHex, Hex.of(actual));
    }

    @Test
    void triggerWithSkippedCrcIsTheDocumentedFrame() {
        assertBytes("7E 00 08 01 00 02 01 AB CD", Gm65Codec.encode(Gm65Codec.trigger(), false));
    }

    @Test
    void triggerWithCrcCarriesTheXmodemCrcOfTypeToData() {
        // CRC-16/XMODEM of 08 01 00 02 01 = 0x02DA
        assertBytes("7E 00 08 01 00 02 01 02 DA", Gm65Codec.encode(Gm65Codec.trigger(), true));
    }

    @Test
    void saveQueryBaudAndSet9600AreTheDocumentedFrames() {
        assertBytes("7E 00 09 01 00 00 00 DE C8", Gm65Codec.encode(Gm65Codec.save(), true));
        assertBytes("7E 00 07 01 00 2A 02 D8 0F", Gm65Codec.encode(Gm65Codec.queryBaud(), true));
        assertBytes("7E 00 08 02 00 2A 39 01 A7 EA", Gm65Codec.encode(Gm65Codec.setBaud9600(), true));
        // GM812 AIM identifiers on (PROTOCOLS.md §3.1), sent without CRC as documented
        assertBytes("7E 00 08 01 00 D0 80 AB CD", Gm65Codec.encode(Gm65Codec.enableAimId(), false));
    }

    @Test
    void crcComputationReproducesEveryDocumentedCrc() {
        assertEquals(0xDEC8, crc("09 01 00 00 00"));
        assertEquals(0xD80F, crc("07 01 00 2A 02"));
        assertEquals(0xA7EA, crc("08 02 00 2A 39 01"));
        // the ack's CRC covers status, length and data
        assertEquals(0x3331, crc("00 01 00"));
    }

    private static int crc(String hex) {
        byte[] b = Hex.parse(hex);
        return Gm65Codec.crc16(b, 0, b.length);
    }

    @Test
    void ackIsTheDocumentedReplyBothWays() throws DeviceException {
        byte[] ack = Hex.parse("02 00 00 01 00 33 31");
        assertArrayEquals(ack, Gm65Codec.encodeReply(new Gm65Codec.Reply(0, new byte[] {0})));
        Gm65Codec.Reply r = Gm65Codec.decodeReply(ack);
        assertTrue(r.ok());
        assertArrayEquals(new byte[] {0}, r.data());
        assertEquals(7, Gm65Codec.replyLength(ack, ack.length));
    }

    @Test
    void documentedCommandFramesDecodeToTheirCommands() throws DeviceException {
        assertEquals(Gm65Codec.trigger(), Gm65Codec.decodeCommand(Hex.parse("7E 00 08 01 00 02 01 AB CD")));
        assertEquals(Gm65Codec.save(), Gm65Codec.decodeCommand(Hex.parse("7E 00 09 01 00 00 00 DE C8")));
        assertEquals(Gm65Codec.queryBaud(), Gm65Codec.decodeCommand(Hex.parse("7E 00 07 01 00 2A 02 D8 0F")));
        assertEquals(Gm65Codec.setBaud9600(), Gm65Codec.decodeCommand(Hex.parse("7E 00 08 02 00 2A 39 01 A7 EA")));
    }

    @Test
    void aMultiByteChinesePayloadRoundTripsWithItsLengthInBytes() throws DeviceException {
        byte[] zh = "政务".getBytes(StandardCharsets.UTF_8);
        Gm65Codec.Command c = new Gm65Codec.Command(Gm65Codec.WRITE_ZONE, 0x0100, zh);
        byte[] frame = Gm65Codec.encode(c, true);
        assertEquals(6, frame[3]);
        assertEquals(8 + 6, frame.length);
        assertEquals(c, Gm65Codec.decodeCommand(frame));
        byte[] reply = Gm65Codec.encodeReply(new Gm65Codec.Reply(0, zh));
        assertArrayEquals(zh, Gm65Codec.decodeReply(reply).data());
    }

    @Test
    void anEmptyPayloadRoundTripsAsLengthZero() throws DeviceException {
        Gm65Codec.Command c = new Gm65Codec.Command(Gm65Codec.WRITE_ZONE, 0x0060, new byte[0]);
        byte[] frame = Gm65Codec.encode(c, false);
        assertBytes("7E 00 08 00 00 60 AB CD", frame);
        assertEquals(c, Gm65Codec.decodeCommand(frame));
        byte[] reply = Gm65Codec.encodeReply(new Gm65Codec.Reply(0, new byte[0]));
        assertEquals(0, Gm65Codec.decodeReply(reply).data().length);
    }

    @Test
    void aWrongCrcIsAChecksumErrorNamingBothValues() {
        DeviceException e = assertThrows(DeviceException.class,
                () -> Gm65Codec.decodeCommand(Hex.parse("7E 00 09 01 00 00 00 DE C9")));
        assertEquals(DeviceError.CHECKSUM, e.error());
        assertEquals("GM65 command CRC is DEC9, computed DEC8", e.getMessage());
        DeviceException r = assertThrows(DeviceException.class, () -> Gm65Codec.decodeReply(Hex.parse("02 00 00 01 00 33 32")));
        assertEquals(DeviceError.CHECKSUM, r.error());
    }

    @Test
    void aLengthThatDisagreesWithTheFrameIsBadLength() {
        DeviceException e = assertThrows(DeviceException.class, () -> Gm65Codec.decodeReply(Hex.parse("02 00 00 05 00 33 31")));
        assertEquals(DeviceError.BAD_LENGTH, e.error());
    }

    @Test
    void partialFramesNeedMoreBytesAndForeignBytesAreNoFrame() {
        byte[] ack = Hex.parse("02 00 00 01 00 33 31");
        assertEquals(0, Gm65Codec.replyLength(ack, 1));
        assertEquals(0, Gm65Codec.replyLength(ack, 6));
        assertEquals(-1, Gm65Codec.replyLength(Hex.parse("02 41"), 2));
        byte[] trig = Hex.parse("7E 00 08 01 00 02 01 AB CD");
        assertEquals(0, Gm65Codec.commandLength(trig, 3));
        assertEquals(9, Gm65Codec.commandLength(trig, 9));
        assertEquals(-1, Gm65Codec.commandLength(Hex.parse("7E 01"), 2));
    }
}
