package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class NewlandCodecTest {

    @Test
    void startAndStopScanAreTheDocumentedFrames() {
        // ~ SOH 0 0 0 0 # S C N T R G 1 ; ETX
        assertEquals("7E 01 30 30 30 30 23 53 43 4E 54 52 47 31 3B 03", Hex.of(NewlandCodec.encode(NewlandCodec.startScan())));
        assertEquals("7E 01 30 30 30 30 23 53 43 4E 54 52 47 30 3B 03", Hex.of(NewlandCodec.encode(NewlandCodec.stopScan())));
    }

    @Test
    void triggerModeAndSenseModeAreTheDocumentedFrames() {
        assertEquals("7E 01 30 30 30 30 40 53 43 4E 4D 4F 44 30 3B 03", Hex.of(NewlandCodec.encode(NewlandCodec.triggerMode())));
        assertEquals("7E 01 30 30 30 30 40 53 43 4E 4D 4F 44 32 3B 03", Hex.of(NewlandCodec.encode(NewlandCodec.senseMode())));
    }

    @Test
    void timeoutAndIntervalSettingsEncodeTheirDigits() {
        assertEquals("7E 01 30 30 30 30 40 4F 52 54 53 45 54 33 30 30 30 30 3B 03",
                Hex.of(NewlandCodec.encode(new NewlandCodec.Command('@', "ORTSET30000"))));
        assertEquals("7E 01 30 30 30 30 40 52 52 44 44 55 52 31 30 30 30 3B 03",
                Hex.of(NewlandCodec.encode(new NewlandCodec.Command('@', "RRDDUR1000"))));
    }

    @Test
    void anAcceptedCommandIsAnsweredWithItsEchoAckAndTail() throws DeviceException {
        byte[] reply = Hex.parse("02 01 30 30 30 30 23 53 43 4E 54 52 47 31 06 3B 03");
        assertEquals(Hex.of(reply), Hex.of(NewlandCodec.encodeReply(new NewlandCodec.Reply("#SCNTRG1", NewlandCodec.ACK))));
        NewlandCodec.Reply r = NewlandCodec.decodeReply(reply);
        assertEquals("#SCNTRG1", r.echo());
        assertTrue(r.acknowledged());
        assertTrue(NewlandCodec.answers(NewlandCodec.startScan(), r));
        assertFalse(NewlandCodec.answers(NewlandCodec.stopScan(), r));
        assertEquals(reply.length, NewlandCodec.replyLength(reply, reply.length));
    }

    @Test
    void aQueryIsAnsweredByTheTagWithItsCurrentValue() throws DeviceException {
        NewlandCodec.Reply r = NewlandCodec.decodeReply(NewlandCodec.encodeReply(new NewlandCodec.Reply("#SCNMOD2", NewlandCodec.ACK)));
        assertTrue(NewlandCodec.answers(NewlandCodec.queryScanMode(), r));
        assertEquals("7E 01 30 30 30 30 23 53 43 4E 4D 4F 44 2A 3B 03", Hex.of(NewlandCodec.encode(NewlandCodec.queryScanMode())));
    }

    @Test
    void aRefusalIsDecodedWithItsStatusName() throws DeviceException {
        NewlandCodec.Reply r = NewlandCodec.decodeReply(Hex.parse("02 01 30 30 30 30 40 58 58 58 58 58 58 31 05 3B 03"));
        assertFalse(r.acknowledged());
        assertEquals("ENQ", r.statusName());
    }

    @Test
    void aChinesePayloadIsRefusedBecauseCommandsAreAscii() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NewlandCodec.Command('@', "PRESTR政务"));
        assertEquals("Newland command 'PRESTR政务' has '政' at position 6; commands are printable ASCII in upper case only", e.getMessage());
    }

    @Test
    void anEmptyOrLowerCaseCommandIsRefusedWithTheRule() {
        assertThrows(IllegalArgumentException.class, () -> new NewlandCodec.Command('#', ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NewlandCodec.Command('#', "scntrg1"));
        assertTrue(e.getMessage().endsWith("upper case only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NewlandCodec.Command('!', "SCNTRG1"));
    }

    @Test
    void anEmptyEchoStillDecodes() throws DeviceException {
        NewlandCodec.Reply r = NewlandCodec.decodeReply(Hex.parse("02 01 30 30 30 30 15 3B 03"));
        assertEquals("", r.echo());
        assertEquals("NAK", r.statusName());
    }

    @Test
    void malformedRepliesAreTypedErrors() {
        assertEquals(DeviceError.BAD_LENGTH, assertThrows(DeviceException.class,
                () -> NewlandCodec.decodeReply(Hex.parse("02 01 30 30 3B 03"))).error());
        assertEquals(DeviceError.BAD_FRAME, assertThrows(DeviceException.class,
                () -> NewlandCodec.decodeReply(Hex.parse("02 01 30 30 30 31 23 06 3B 03"))).error());
        assertEquals(DeviceError.BAD_FRAME, assertThrows(DeviceException.class,
                () -> NewlandCodec.decodeReply(Hex.parse("02 01 30 30 30 30 23 E4 06 3B 03"))).error());
        assertEquals(DeviceError.BAD_LENGTH, assertThrows(DeviceException.class,
                () -> NewlandCodec.decodeCommand(Hex.parse("7E 01 30 30 30 30 40 3B 03"))).error());
    }

    @Test
    void aFrameIsCompleteOnlyAtSemicolonEtx() {
        byte[] f = NewlandCodec.encode(NewlandCodec.startScan());
        assertEquals(0, NewlandCodec.commandLength(f, f.length - 1));
        assertEquals(f.length, NewlandCodec.commandLength(f, f.length));
        assertEquals(-1, NewlandCodec.commandLength(Hex.parse("7E 00"), 2));
        assertEquals(-1, NewlandCodec.replyLength(Hex.parse("02 01 31"), 3));
    }
}
