package org.bianmin.device.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.sim.CardFixture;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.TracingLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults on the line and on the card, driver against simulator in memory. */
class IdCardReaderFaultTest {
    private final MemoryLink.Pair pair = MemoryLink.pair("id-card");
    private final IdCardSimulator sim = new IdCardSimulator(pair.device(), SerialSettings.of(115200), SimOptions.fast()).start();
    private final TracingLink trace = new TracingLink(pair.host(), 64);
    private final WatchedLink link = new WatchedLink(trace);
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private SamIdCardReader reader;

    private SamIdCardReader reader(SamReaderConfig config) throws DeviceException {
        reader = new SamIdCardReader("id-card", link, config, Statistics.inMemory());
        reader.addListener(events::add);
        reader.open();
        reader.enable();
        return reader;
    }

    /** Generous reply timeouts: the build machine is shared. */
    private static SamReaderConfig.Timeouts generousTimeouts() {
        return SamReaderConfig.Timeouts.DEFAULTS.withSam(Duration.ofSeconds(1)).withFind(Duration.ofSeconds(1)).withSelect(Duration.ofSeconds(1));
    }

    private SamIdCardReader reader() throws DeviceException {
        return reader(SamReaderConfig.defaults().withPollInterval(SamReaderConfig.MIN_POLL_INTERVAL).withTimeouts(generousTimeouts()));
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
        sim.close();
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(DeviceException.class, e.getCause());
    }

    @Test
    void aCardLiftedMidReadFailsWithCardRemovedAndYieldsNoIdentity() throws Exception {
        reader();
        sim.placeCard(CardFixtures.resident());
        sim.removeCardDuringNextRead();
        DeviceException e = failure(reader.read());
        assertEquals(DeviceError.CARD_REMOVED, e.error());
        assertEquals(0, reader.statistics().get(SamIdCardReader.CARDS_READ));
        assertEquals(1, reader.statistics().get(SamIdCardReader.READ_ERRORS));
        assertEquals(IdCardSimulator.CardState.NO_CARD, sim.cardState());
    }

    @Test
    void anArmedReaderReportsALiftMidReadAsAFailedReadAndNeverAsAPlacedCard() throws Exception {
        reader().arm();
        sim.removeCardDuringNextRead();
        sim.placeCard(CardFixtures.resident());
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(IdCardEvent.CardReadFailed.class::isInstance));
        IdCardEvent.CardReadFailed failed = (IdCardEvent.CardReadFailed) events.stream()
                .filter(IdCardEvent.CardReadFailed.class::isInstance).findFirst().orElseThrow();
        assertEquals(DeviceError.CARD_REMOVED, failed.error());
        long mark = sim.framesReceived();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.framesReceived() >= mark + 2);
        assertFalse(events.stream().anyMatch(IdCardEvent.CardPlaced.class::isInstance));
    }

    @Test
    void aReadFailureWithTheCardStillThereIsCardReadFailedAndTheNextReadSucceeds() throws Exception {
        reader();
        sim.placeCard(CardFixtures.hmt());
        sim.failNext(0x41);
        assertEquals(DeviceError.CARD_READ_FAILED, failure(reader.read()).error());
        assertEquals("测试用户丁", reader.read().get(10, TimeUnit.SECONDS).identity().name());
    }

    @Test
    void aReplyWithAWrongChecksumIsATypedChecksumError() throws Exception {
        reader();
        sim.corruptNextChecksum();
        DeviceException e = failure(reader.samId());
        assertEquals(DeviceError.CHECKSUM, e.error());
        assertTrue(e.getMessage().startsWith("id-card: reply to sam id (12 FF): checksum "), e.getMessage());
        assertEquals(IdCardSimulator.DEFAULT_SAM_ID, reader.samId().get(10, TimeUnit.SECONDS));
    }

    @Test
    void garbageOnTheLineBeforeAReplyIsSkippedByThePreambleHunt() throws Exception {
        reader();
        sim.placeCard(CardFixtures.foreigner2017());
        sim.garbage();
        CardRead read = reader.read().get(10, TimeUnit.SECONDS);
        assertEquals("测试用户乙", read.identity().name());
        TracingLink.Chunk firstReply = trace.recent().stream().filter(c -> c.direction() == TracingLink.Direction.RX)
                .skip(1).findFirst().orElseThrow();
        // the first reply after open() is the find reply, which the noise precedes (noise never contains AA)
        assertNotEquals((byte) 0xAA, firstReply.data()[0], "noise went out before the find reply");
    }

    @Test
    void aStalledReaderTimesOutAndTellsTheWatchdog() throws Exception {
        // open() asks the SAM with the generous timeout; only find, which meets the stall, is short
        reader(SamReaderConfig.defaults().withTimeouts(generousTimeouts().withFind(Duration.ofMillis(150))));
        sim.stall(Duration.ofSeconds(2));
        int before = link.timedOut.get();
        DeviceException e = failure(reader.read());
        assertEquals(DeviceError.TIMEOUT, e.error());
        assertEquals(before + 1, link.timedOut.get());
        assertEquals(1, reader.statistics().get(SamIdCardReader.TIMEOUTS));
        assertTrue(e.getMessage().startsWith("id-card: no reply to find card (20 01) within 150 ms"), e.getMessage());
    }

    @Test
    void everyAnsweredExchangeIsReportedToTheWatchdog() throws Exception {
        reader();
        int before = link.answered.get();
        reader.samId().get(10, TimeUnit.SECONDS);
        assertEquals(before + 1, link.answered.get());
        assertEquals(0, link.timedOut.get());
    }

    @Test
    void aSamThatFailedItsSelfTestMakesOpenFailWithSamFault() {
        sim.failNext(0x60);
        SamIdCardReader r = new SamIdCardReader("id-card", link);
        reader = r;
        DeviceException e = assertThrows(DeviceException.class, r::open);
        assertEquals(DeviceError.SAM_FAULT, e.error());
        assertEquals("id-card: SAM status (11 FF) answered SW3 60 (SAM_V self-test failed; it cannot accept commands)", e.getMessage());
        assertEquals(DeviceState.CLOSED, r.state());
    }

    @Test
    void anUnauthorisedSamIsReportedByTheInternalHealthCheck() throws Exception {
        reader();
        sim.failNext(0x66);
        HealthReport h = reader.checkHealth(HealthLevel.INTERNAL);
        assertFalse(h.healthy());
        assertEquals(Optional.of(DeviceError.SAM_FAULT), h.errorIfAny());
    }

    @Test
    void aNumberFailingItsCheckDigitIsRefusedButTheReadIsKeptForStaff() throws Exception {
        reader();
        sim.placeCard(CardFixtures.residentWithBadCheckDigit());
        DeviceException e = failure(reader.read());
        InvalidIdNumberException invalid = assertInstanceOf(InvalidIdNumberException.class, e);
        assertEquals(DeviceError.INVALID_ID_NUMBER, invalid.error());
        assertEquals("110105198808080024", invalid.card().identity().number());
        assertEquals("Resident identity card: ID number 110105********0024 fails its MOD 11-2 check digit; "
                + "the card is damaged, forged or misread", invalid.getMessage());
        assertEquals(1, reader.statistics().get(SamIdCardReader.INVALID_NUMBERS));
        assertEquals(0, reader.statistics().get(SamIdCardReader.CARDS_READ));
    }

    @Test
    void anArmedReaderReportsAnInvalidNumberAsAFailedReadNotAPlacedCard() throws Exception {
        reader().arm();
        sim.placeCard(CardFixtures.residentWithBadCheckDigit());
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(IdCardEvent.CardReadFailed.class::isInstance));
        IdCardEvent.CardReadFailed f = (IdCardEvent.CardReadFailed) events.get(0);
        assertEquals(DeviceError.INVALID_ID_NUMBER, f.error());
        assertFalse(f.detail().contains("110105198808080024"), f.detail());
    }

    @Test
    void anUnknownCardKindIsUnknownCardType() throws Exception {
        reader();
        CardFixture resident = CardFixtures.resident();
        sim.placeCard(new CardFixture("unknown", TextBlock.withMarker(resident.textBlock(), 'Z'), resident.photo(), new byte[0], Optional.empty()));
        assertEquals(DeviceError.UNKNOWN_CARD_TYPE, failure(reader.read()).error());
    }

    @Test
    void aModuleRefusingTheFingerprintReadSaysWhichSettingToTurnOff() throws Exception {
        reader(SamReaderConfig.defaults().withFingerprints(true));
        sim.placeCard(CardFixtures.resident());
        sim.failNext(SamCommand.READ_WITH_FINGERPRINTS, 0x21);
        DeviceException e = failure(reader.read());
        assertEquals(DeviceError.UNEXPECTED_REPLY, e.error());
        assertEquals("id-card: read with fingerprints (30 10) answered SW3 21 (Command error (bad command or parameter)); "
                + "this module may not read fingerprints: turn read-fingerprints off", e.getMessage());
    }

    @Test
    void perSw3CountersRecordEveryStatusSeen() throws Exception {
        reader();
        failure(reader.read());
        assertEquals(1, reader.statistics().get("sw3.90"));
        assertEquals(1, reader.statistics().get("sw3.80"));
    }

    @Test
    void readAndArmNeedAnEnabledReaderAndSaySo() {
        SamIdCardReader r = new SamIdCardReader("id-card", link);
        reader = r;
        IllegalStateException e = assertThrows(IllegalStateException.class, r::read);
        assertEquals("id-card is CLOSED; read() needs it enabled: call open() then enable() first", e.getMessage());
        assertThrows(IllegalStateException.class, r::arm);
    }
}
