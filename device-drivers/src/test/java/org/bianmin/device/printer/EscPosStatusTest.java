package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class EscPosStatusTest {

    private static PrinterStatus decode(String hex) throws DeviceException {
        return EscPosStatus.decode(Hex.parse(hex));
    }

    @Test
    void allClearIsFourTimes0x12AndReady() throws Exception {
        PrinterStatus s = decode("12 12 12 12");
        assertEquals(PrinterStatus.ALL_CLEAR, s);
        assertTrue(s.ready());
        assertTrue(s.online());
        assertEquals("online, paper OK [12 12 12 12]", s.summary());
    }

    @Test
    void outOfPaperIs1A32And7EAsInTheProtocolExample() throws Exception {
        PrinterStatus s = decode("1A 32 12 7E");
        assertFalse(s.online());
        assertTrue(s.paperOut());
        assertTrue(s.paperNearEnd());
        assertFalse(s.coverOpen());
        assertEquals(Optional.of(DeviceError.PAPER_OUT), s.problem());
        assertEquals("offline: paper out [1A 32 12 7E]", s.summary());
    }

    @Test
    void paperNearEndStillPrints() throws Exception {
        PrinterStatus s = decode("12 12 12 1E");
        assertTrue(s.paperNearEnd());
        assertFalse(s.paperOut());
        assertTrue(s.ready());
        assertEquals("online, paper near end [12 12 12 1E]", s.summary());
    }

    @Test
    void coverOpenIsBit2OfTheOfflineCause() throws Exception {
        PrinterStatus s = decode("1A 16 12 12");
        assertTrue(s.coverOpen());
        assertEquals(Optional.of(DeviceError.COVER_OPEN), s.problem());
    }

    @Test
    void errorCausesAreToldApart() throws Exception {
        assertTrue(decode("3A 52 1A 12").cutterError());
        assertEquals(Optional.of(DeviceError.CUTTER_ERROR), decode("3A 52 1A 12").problem());
        assertTrue(decode("3A 52 1A 12").waitingForRecovery());
        assertTrue(decode("1A 52 32 12").unrecoverableError());
        assertEquals(Optional.of(DeviceError.PRINTER_FAULT), decode("1A 52 32 12").problem());
        assertTrue(decode("1A 52 52 12").autoRecoverableError());
        assertEquals(Optional.of(DeviceError.PRINTER_OFFLINE), decode("1A 52 52 12").problem());
        assertTrue(decode("1A 52 16 12").recoverableError());
        assertEquals(Optional.of(DeviceError.PRINTER_OFFLINE), decode("1A 12 12 12").problem());
    }

    @Test
    void theCoverIsNamedBeforeThePaperWhenBothAreWrong() throws Exception {
        assertEquals(Optional.of(DeviceError.COVER_OPEN), decode("1A 36 12 7E").problem());
        assertEquals("offline: cover open, paper out [1A 36 12 7E]", decode("1A 36 12 7E").summary());
    }

    @Test
    void aByteWithoutTheFixedBitsIsAnUnexpectedReply() {
        DeviceException e = assertThrows(DeviceException.class, () -> EscPosStatus.check(2, 0xFF));
        assertEquals(DeviceError.UNEXPECTED_REPLY, e.error());
        assertEquals("DLE EOT 2 was answered with 0xFF, which is not a status byte (0xx1xx10); check the baud rate and that an ESC/POS printer is on this port",
                e.getMessage());
        assertEquals(DeviceError.UNEXPECTED_REPLY, assertThrows(DeviceException.class, () -> decode("12 12 12 92")).error());
        assertEquals(DeviceError.UNEXPECTED_REPLY, assertThrows(DeviceException.class, () -> decode("13 12 12 12")).error());
    }

    @Test
    void xonAndXoffAreSkippedNotTakenForStatus() throws Exception {
        assertFalse(EscPosStatus.isStatusByte(EscPos.XON));
        assertFalse(EscPosStatus.isStatusByte(EscPos.XOFF));
        assertEquals(0x1A, EscPosStatus.reply(1, Hex.parse("11 13 1A 11")));
    }

    @Test
    void aReplyOfOnlyFlowControlOrOfTwoBytesIsABadLength() {
        DeviceException none = assertThrows(DeviceException.class, () -> EscPosStatus.reply(1, Hex.parse("11 13")));
        assertEquals(DeviceError.BAD_LENGTH, none.error());
        assertEquals("DLE EOT 1 got no status byte (only flow control: 11 13)", none.getMessage());
        assertEquals(DeviceError.BAD_LENGTH, assertThrows(DeviceException.class, () -> EscPosStatus.reply(1, Hex.parse("12 12"))).error());
        assertEquals(DeviceError.BAD_LENGTH, assertThrows(DeviceException.class, () -> EscPosStatus.reply(1, new byte[0])).error());
    }

    @Test
    void aFullStatusIsFourBytes() {
        DeviceException e = assertThrows(DeviceException.class, () -> decode("12 12 12"));
        assertEquals(DeviceError.BAD_LENGTH, e.error());
        assertEquals("a full status is 4 bytes (DLE EOT 1..4), got 3: 12 12 12", e.getMessage());
    }

    @Test
    void everyByteOfThePattern0xx1xx10IsAStatusByteAndNoOther() {
        int count = 0;
        for (int b = 0; b < 256; b++) {
            boolean pattern = (b & 0x01) == 0 && (b & 0x02) != 0 && (b & 0x10) != 0 && (b & 0x80) == 0;
            assertEquals(pattern, EscPosStatus.isStatusByte(b), "byte " + b);
            count += pattern ? 1 : 0;
        }
        // four free bits (2, 3, 5, 6)
        assertEquals(16, count);
    }
}
