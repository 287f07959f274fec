package org.bianmin.device.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.bianmin.device.link.SerialLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every SAM_V ID card reader must do, whatever carries the bytes: subclasses give a link to a
 * simulator in memory, a simulator behind a socat pty pair (real jssc on both ends), or a real reader.
 */
abstract class IdCardReaderContract {

    /** The far end of the reader's link; {@link #simulator()} is empty on real hardware. */
    interface Bench extends AutoCloseable {
        SerialLink hostLink() throws Exception;

        Optional<IdCardSimulator> simulator();

        @Override
        void close();
    }

    @TempDir
    Path tempDir;

    private Bench bench;
    private SamIdCardReader reader;
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

    protected abstract Bench bench(Path dir) throws Exception;

    /** Generous reply timeouts: the build machine is shared and a pty adds latency. */
    protected SamReaderConfig config() {
        return SamReaderConfig.defaults().withPollInterval(SamReaderConfig.MIN_POLL_INTERVAL)
                .withTimeouts(SamReaderConfig.Timeouts.DEFAULTS.withSam(Duration.ofSeconds(2)).withFind(Duration.ofSeconds(2))
                        .withSelect(Duration.ofSeconds(2)));
    }

    private SamIdCardReader openReader(SamReaderConfig config) throws Exception {
        bench = bench(tempDir);
        reader = new SamIdCardReader("id-card", bench.hostLink(), config, Statistics.inMemory());
        reader.addListener(events::add);
        reader.open();
        reader.enable();
        return reader;
    }

    private SamIdCardReader openReader() throws Exception {
        return openReader(config());
    }

    private IdCardSimulator simulator() {
        Optional<IdCardSimulator> sim = bench.simulator();
        Assumptions.assumeTrue(sim.isPresent(), "this test places and lifts cards through the simulator's hooks; on real hardware only "
                + "the SAM, no-card and health tests run (keep the reader empty)");
        return sim.get();
    }

    @AfterEach
    void closeEverything() {
        if (reader != null) {
            reader.close();
        }
        if (bench != null) {
            bench.close();
        }
    }

    private static CardRead get(CompletableFuture<CardRead> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(DeviceException.class, e.getCause());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"resident", "foreigner-2017", "foreigner-2023", "hmt"})
    void readsEachCardKindFieldForField(String kind) throws Exception {
        openReader();
        CardFixture card = CardFixtures.byName(kind);
        simulator().placeCard(card);
        CardRead read = get(reader.read());
        assertEquals(TextBlock.parse(card.textBlock()), read.identity());
        assertEquals(card.photo(), read.photo());
        assertTrue(read.identity().numberPassesCheck());
        assertEquals(1, reader.statistics().get(SamIdCardReader.CARDS_READ));
    }

    @Test
    void readsFingerprintsAndTheAppendedAddressWhenConfigured() throws Exception {
        openReader(config().withFingerprints(true).withAppendedAddress(true));
        CardFixture card = CardFixtures.resident();
        simulator().placeCard(card);
        CardRead read = get(reader.read());
        assertEquals(1024, read.fingerprints().length);
        assertEquals(card.appendedAddress(), read.appendedAddress());
    }

    @Test
    void anEmptyReaderAnswersNoCard() throws Exception {
        openReader();
        assertEquals(DeviceError.NO_CARD, failure(reader.read()).error());
        assertEquals(0, reader.statistics().get(SamIdCardReader.READ_ERRORS));
    }

    @Test
    void aCardLeftOnTheReaderIsNotReadTwiceButALiftedAndReplacedOneIs() throws Exception {
        openReader();
        IdCardSimulator sim = simulator();
        sim.placeCard(CardFixtures.resident());
        get(reader.read());
        assertEquals(DeviceError.NO_CARD, failure(reader.read()).error());
        sim.removeCard();
        sim.placeCard(CardFixtures.resident());
        assertEquals("测试用户甲", get(reader.read()).identity().name());
    }

    @Test
    void anArmedReaderReportsOneCardPlacedPerPlacementAndCardRemovedWhenLifted() throws Exception {
        openReader();
        IdCardSimulator sim = simulator();
        reader.arm();
        sim.placeCard(CardFixtures.hmt());
        await().atMost(Duration.ofSeconds(10)).until(() -> count(IdCardEvent.CardPlaced.class) == 1);
        IdCardEvent.CardPlaced placed = (IdCardEvent.CardPlaced) events.stream()
                .filter(IdCardEvent.CardPlaced.class::isInstance).findFirst().orElseThrow();
        assertEquals("测试用户丁", placed.identity().name());
        // three more polls with the card left on the reader: each is find (80) + select probe (90)
        long mark = sim.framesReceived();
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.framesReceived() >= mark + 6);
        assertEquals(1, count(IdCardEvent.CardPlaced.class));
        assertEquals(0, count(IdCardEvent.CardRemoved.class));

        sim.removeCard();
        await().atMost(Duration.ofSeconds(10)).until(() -> count(IdCardEvent.CardRemoved.class) == 1);
        sim.placeCard(CardFixtures.foreigner2023());
        await().atMost(Duration.ofSeconds(10)).until(() -> count(IdCardEvent.CardPlaced.class) == 2);
        reader.disarm();
        assertFalse(reader.armed());
    }

    @Test
    void aCardLiftedAndPutBackBetweenTwoPollsIsReportedAsRemovedThenPlaced() throws Exception {
        openReader();
        IdCardSimulator sim = simulator();
        sim.placeCard(CardFixtures.resident());
        get(reader.read());
        reader.arm();
        sim.removeCard();
        sim.placeCard(CardFixtures.resident());
        await().atMost(Duration.ofSeconds(10)).until(() -> count(IdCardEvent.CardPlaced.class) == 1);
        assertEquals(1, count(IdCardEvent.CardRemoved.class));
        assertInstanceOf(IdCardEvent.CardRemoved.class, events.get(0));
    }

    @Test
    void samIdIsTheModulesManagementNumber() throws Exception {
        openReader();
        SamId id = reader.samId().get(10, TimeUnit.SECONDS);
        assertTrue(id.display().matches("\\d{2,}\\.\\d{2,}-\\d{8,}-\\d{10}-\\d{10}"), id.display());
        bench.simulator().ifPresent(sim -> assertEquals(IdCardSimulator.DEFAULT_SAM_ID, id));
    }

    @Test
    void theInternalHealthCheckAsksTheSamAndNeedsNoCard() throws Exception {
        openReader();
        HealthReport r = reader.checkHealth(HealthLevel.INTERNAL);
        assertTrue(r.healthy(), r.detail());
        assertEquals(DeviceState.ENABLED, reader.state());
    }

    @Test
    void theExternalHealthCheckReadsACardAndReportsItsNumberMasked() throws Exception {
        openReader();
        simulator().placeCard(CardFixtures.resident());
        HealthReport r = reader.checkHealth(HealthLevel.EXTERNAL);
        assertTrue(r.healthy(), r.detail());
        assertEquals("read a Resident identity card, number 110105********0015", r.detail());
    }

    private long count(Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
