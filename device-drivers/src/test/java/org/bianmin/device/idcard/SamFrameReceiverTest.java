package org.bianmin.device.idcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.Hex;
import org.junit.jupiter.api.Test;

class SamFrameReceiverTest {

    private static List<SamFrameReceiver.Result> feed(SamFrameReceiver rx, byte[] bytes) {
        List<SamFrameReceiver.Result> out = new ArrayList<>();
        for (byte b : bytes) {
            rx.push(b).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void garbageBeforeTheReplyIsSkippedByThePreambleHunt() {
        byte[] stream = Hex.parse("00 FF 96 69 AA 13 AA AA 96 AA AA AA 96 69 00 04 00 00 90 94");
        List<SamFrameReceiver.Result> got = feed(SamFrameReceiver.forReplies(), stream);
        assertEquals(List.of(new SamFrameReceiver.Frame(Hex.parse("AA AA AA 96 69 00 04 00 00 90 94"))), got);
    }

    @Test
    void fourAasInARowStillStartAPreamble() {
        List<SamFrameReceiver.Result> got = feed(SamFrameReceiver.forReplies(), Hex.parse("AA AA AA AA 96 69 00 04 00 00 80 84"));
        assertEquals(1, got.size());
        assertTrue(got.get(0) instanceof SamFrameReceiver.Frame);
    }

    @Test
    void aPreambleBrokenAfter96RestartsOnTheNextAa() {
        List<SamFrameReceiver.Result> got = feed(SamFrameReceiver.forReplies(), Hex.parse("AA AA AA 96 AA AA AA 96 69 00 04 00 00 80 84"));
        assertEquals(1, got.size());
        assertTrue(got.get(0) instanceof SamFrameReceiver.Frame);
    }

    @Test
    void aFrameSplitAcrossManyReadsIsAssembled() {
        SamFrameReceiver rx = SamFrameReceiver.forRequests();
        byte[] frame = SamCommand.READ_TEXT_AND_PHOTO.frame();
        for (int i = 0; i < frame.length - 1; i++) {
            assertTrue(rx.push(frame[i]).isEmpty(), "byte " + i);
        }
        assertTrue(rx.inFrame());
        assertEquals(new SamFrameReceiver.Frame(frame), rx.push(frame[frame.length - 1]).orElseThrow());
        assertFalse(rx.inFrame());
    }

    @Test
    void aBadChecksumIsRejectedAndTheNextFrameIsStillFound() {
        byte[] stream = Hex.parse("AA AA AA 96 69 00 03 20 01 21  AA AA AA 96 69 00 03 20 01 22");
        List<SamFrameReceiver.Result> got = feed(SamFrameReceiver.forRequests(), stream);
        assertEquals(2, got.size());
        assertEquals(DeviceError.CHECKSUM, ((SamFrameReceiver.Rejected) got.get(0)).error());
        assertEquals(new SamFrameReceiver.Frame(SamCommand.FIND_CARD.frame()), got.get(1));
    }

    @Test
    void aLengthTooSmallForARequestIsRejectedAsBadLength() {
        List<SamFrameReceiver.Result> got = feed(SamFrameReceiver.forRequests(), Hex.parse("AA AA AA 96 69 00 02 11 FF"));
        assertEquals(new SamFrameReceiver.Rejected(DeviceError.BAD_LENGTH, "length field 2 is outside 3..4096; frame dropped"), got.get(0));
    }

    @Test
    void aLengthBeyondTheLargestReplyIsRejectedAtOnceInsteadOfWaitingForBytes() {
        List<SamFrameReceiver.Result> got = feed(SamFrameReceiver.forReplies(), Hex.parse("AA AA AA 96 69 FF FF"));
        assertEquals(DeviceError.BAD_LENGTH, ((SamFrameReceiver.Rejected) got.get(0)).error());
    }

    @Test
    void resetForgetsAPartialFrame() {
        SamFrameReceiver rx = SamFrameReceiver.forReplies();
        feed(rx, Hex.parse("AA AA AA 96 69 00 04 00"));
        rx.reset();
        assertFalse(rx.inFrame());
        assertEquals(1, feed(rx, Hex.parse("AA AA AA 96 69 00 04 00 00 90 94")).size());
    }
}
