package org.bianmin.device.idcard.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.BaudCodes;
import org.bianmin.device.idcard.SamCodec;
import org.bianmin.device.idcard.SamCommand;
import org.bianmin.device.idcard.SamFrameReceiver;
import org.bianmin.device.idcard.SamProbe;
import org.bianmin.device.idcard.SamId;
import org.bianmin.device.idcard.SamReply;
import org.bianmin.device.idcard.SamRequest;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator seen from the wire: raw request bytes in, exact reply bytes out. */
class IdCardSimulatorTest {
    private static final IdCardSimulator.Options FAST = new IdCardSimulator.Options(IdCardSimulator.Timing.FAST, BaudCodes.COMMON,
            IdCardSimulator.DEFAULT_SAM_ID, Duration.ofMillis(50), 7);
    private final MemoryLink.Pair pair = MemoryLink.pair("sim");
    private final IdCardSimulator sim = new IdCardSimulator(pair.device(), SerialSettings.of(115200), FAST).start();

    @AfterEach
    void close() {
        sim.close();
    }

    /** Sends raw bytes and returns the next whole reply frame. */
    private byte[] exchange(byte[] request) throws DeviceException {
        pair.host().write(request);
        return nextFrame();
    }

    private byte[] nextFrame() throws DeviceException {
        SamFrameReceiver rx = SamFrameReceiver.forReplies();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            int b = pair.host().readByte(Duration.ofMillis(100));
            if (b >= 0) {
                Optional<SamFrameReceiver.Result> r = rx.push((byte) b);
                if (r.isPresent()) {
                    return ((SamFrameReceiver.Frame) r.get()).bytes();
                }
            }
        }
        throw new AssertionError("no reply frame within 5 s");
    }

    private byte[] exchange(SamCommand c) throws DeviceException {
        return exchange(c.frame());
    }

    private static String hex(byte[] b) {
        return Hex.of(b);
    }

    @Test
    void samStatusIsAnsweredWithTheReadyFrame() throws DeviceException {
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", hex(exchange(SamCommand.SAM_STATUS)));
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", hex(exchange(SamCommand.RESET_SAM)));
    }

    @Test
    void aRequestWithABadChecksumIsAnsweredWithSw3Of10() throws DeviceException {
        // find with checksum 21 instead of 22, as one C test in the wild sends it
        assertEquals("AA AA AA 96 69 00 04 00 00 10 14", hex(exchange(Hex.parse("AA AA AA 96 69 00 03 20 01 21"))));
        assertEquals(1, sim.badFrames());
    }

    @Test
    void aRequestWithAnImpossibleLengthIsAnsweredWithSw3Of11() throws DeviceException {
        assertEquals("AA AA AA 96 69 00 04 00 00 11 15", hex(exchange(Hex.parse("AA AA AA 96 69 00 02 11 FF"))));
    }

    @Test
    void anUnknownCommandOrParameterIsAnsweredWithSw3Of21() throws DeviceException {
        assertEquals("AA AA AA 96 69 00 04 00 00 21 25", hex(exchange(SamCodec.encode(new SamRequest(0x40, 0x00)))));
        assertEquals("AA AA AA 96 69 00 04 00 00 21 25", hex(exchange(SamCodec.encode(new SamRequest(0x20, 0x07)))));
        assertEquals("AA AA AA 96 69 00 04 00 00 21 25", hex(exchange(SamCodec.encode(new SamRequest(0x11, 0x00)))));
    }

    @Test
    void findSelectAndReadFollowTheCardStatesWithTheCapturedReplies() throws DeviceException {
        assertEquals("AA AA AA 96 69 00 04 00 00 80 84", hex(exchange(SamCommand.FIND_CARD)));
        assertEquals("AA AA AA 96 69 00 04 00 00 81 85", hex(exchange(SamCommand.SELECT_CARD)));
        sim.placeCard(CardFixtures.resident());
        assertEquals(IdCardSimulator.CardState.PRESENT_UNREAD, sim.cardState());
        assertEquals("AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97", hex(exchange(SamCommand.FIND_CARD)));
        assertEquals("AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C", hex(exchange(SamCommand.SELECT_CARD)));
        assertEquals(IdCardSimulator.CardState.SELECTED, sim.cardState());
        byte[] read = exchange(SamCommand.READ_TEXT_AND_PHOTO);
        assertEquals(1295, read.length);
        assertEquals("AA AA AA 96 69 05 08 00 00 90 01 00 04 00", Hex.of(read, 0, 14));
        assertEquals(IdCardSimulator.CardState.READ_DONE, sim.cardState());
        // same card: find answers 80 until the card is lifted
        assertEquals("AA AA AA 96 69 00 04 00 00 80 84", hex(exchange(SamCommand.FIND_CARD)));
        sim.removeCard();
        sim.placeCard(CardFixtures.resident());
        assertEquals(0x9F, SamCodec.decodeReply(exchange(SamCommand.FIND_CARD)).sw3());
    }

    @Test
    void theFingerprintReadIs1297Or1809Or2321BytesByTheCardsFingerprints() throws DeviceException {
        assertEquals(1297, readWithFingerprints(CardFixtures.foreigner2017()));
        assertEquals(1809, readWithFingerprints(CardFixtures.hmt()));
        assertEquals(2321, readWithFingerprints(CardFixtures.resident()));
    }

    private int readWithFingerprints(CardFixture card) throws DeviceException {
        sim.placeCard(card);
        exchange(SamCommand.FIND_CARD);
        exchange(SamCommand.SELECT_CARD);
        return exchange(SamCommand.READ_WITH_FINGERPRINTS).length;
    }

    @Test
    void samIdReplyIs27BytesCarryingTheConfiguredId() throws DeviceException {
        byte[] r = exchange(SamCommand.SAM_ID);
        assertEquals(27, r.length);
        assertEquals("05.01-20240101-0000000001-0012345678", IdCardSimulator.DEFAULT_SAM_ID.display());
        assertEquals(IdCardSimulator.DEFAULT_SAM_ID.display(),
                SamId.parse(SamCodec.decodeReply(r).data()).display());
    }

    @Test
    void theAppendedAddressIs90With70BytesOr91WhenTheCardHasNone() throws DeviceException {
        sim.placeCard(CardFixtures.resident());
        exchange(SamCommand.FIND_CARD);
        exchange(SamCommand.SELECT_CARD);
        exchange(SamCommand.READ_TEXT_AND_PHOTO);
        byte[] r = exchange(SamCommand.READ_APPENDED_ADDRESS);
        assertEquals(7 + 3 + 70 + 1, r.length);
        assertEquals(0x90, r[9] & 0xFF);
        sim.placeCard(CardFixtures.hmt());
        exchange(SamCommand.FIND_CARD);
        exchange(SamCommand.SELECT_CARD);
        exchange(SamCommand.READ_TEXT_AND_PHOTO);
        assertEquals("AA AA AA 96 69 00 04 00 00 91 95", hex(exchange(SamCommand.READ_APPENDED_ADDRESS)));
    }

    @Test
    void theMidIsReadOnlyFromASelectedCard() throws DeviceException {
        assertEquals(0x41, SamCodec.decodeReply(exchange(SamCommand.READ_MID)).sw3());
        sim.placeCard(CardFixtures.hmt());
        exchange(SamCommand.FIND_CARD);
        exchange(SamCommand.SELECT_CARD);
        SamReply mid = SamCodec.decodeReply(exchange(SamCommand.READ_MID));
        assertEquals(0x90, mid.sw3());
        assertEquals(8, mid.data().length);
    }

    @Test
    void setBaudAnswersAtTheOldRateThenSwitchesAndRefusesUnknownCodes() throws DeviceException {
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", hex(exchange(SamCodec.encode(SamCodec.setBaud(0x04)))));
        // the module switches right after its reply has left, so the host may see the reply first
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.settings().baud() == 9600);
        assertEquals(0x21, SamCodec.decodeReply(exchange(SamCodec.encode(SamCodec.setBaud(0x99)))).sw3());
        assertEquals(9600, sim.settings().baud());
    }

    @Test
    void setMaxRfFrameIsAcceptedAndRemembered() throws DeviceException {
        assertEquals(OptionalInt.empty(), sim.maxRfFrameBytes());
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", hex(exchange(SamCodec.encode(SamCodec.setMaxRfFrame(0x50)))));
        assertEquals(OptionalInt.of(80), sim.maxRfFrameBytes());
    }

    @Test
    void randomGarbageAndAHalfFrameDoNotStopTheSimulator() throws DeviceException {
        pair.host().write(Hex.parse("00 13 FF 96 69 AA 55 01 02 03 AA AA AA 96 69 00"));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.badFrames() == 1);
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", hex(exchange(SamCommand.SAM_STATUS)));
        assertEquals(1, sim.framesReceived());
    }

    @Test
    void aStalledSimulatorSwallowsRequestsThenAnswersAgain() throws DeviceException {
        sim.stall(Duration.ofMillis(300));
        pair.host().write(SamCommand.SAM_STATUS.frame());
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.swallowed() == 1);
        assertEquals(-1, pair.host().readByte(Duration.ofMillis(50)));
        await().atMost(Duration.ofSeconds(5)).until(() -> SamProbe.answers(pair.host(), Duration.ofMillis(200)));
    }

    @Test
    void failNextOnASamCodeHitsTheVeryNextRequest() throws DeviceException {
        sim.failNext(0x66);
        assertEquals("AA AA AA 96 69 00 04 00 00 66 62", hex(exchange(SamCommand.SAM_STATUS)));
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", hex(exchange(SamCommand.SAM_STATUS)));
    }

    @Test
    void corruptNextChecksumSpoilsOnlyTheNextReply() throws DeviceException {
        sim.corruptNextChecksum();
        pair.host().write(SamCommand.SAM_STATUS.frame());
        byte[] bad = pair.host().readExactly(11, Duration.ofSeconds(5));
        assertEquals("AA AA AA 96 69 00 04 00 00 90 CE", hex(bad));
        assertEquals("AA AA AA 96 69 00 04 00 00 90 94", hex(exchange(SamCommand.SAM_STATUS)));
    }

    @Test
    void repliesArePacedAtTheConfiguredBaudRate() throws DeviceException {
        sim.placeCard(CardFixtures.hmt());
        exchange(SamCommand.FIND_CARD);
        exchange(SamCommand.SELECT_CARD);
        long t0 = System.nanoTime();
        exchange(SamCommand.READ_TEXT_AND_PHOTO);
        long took = System.nanoTime() - t0;
        // 1295 bytes at 115200 8N1 occupy 112 ms of wire time
        assertTrue(took >= SerialSettings.of(115200).wireNanos(1295) - 5_000_000L, "took " + took / 1_000_000 + " ms");
    }

    @Test
    void theProbeRecognisesTheSimulatorAndNotASilentLine() {
        assertTrue(SamProbe.answers(pair.host(), Duration.ofSeconds(2)));
        MemoryLink.Pair silent = MemoryLink.pair("silent");
        assertFalse(SamProbe.answers(silent.host(), Duration.ofMillis(100)));
    }
}
