package org.bianmin.device.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The select removal probe: a read card counts as lifted only after enough failed probes in a row. */
class RemovalProbeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SELECT_FAILED = SamIdCardReader.sw3Counter(Sw3.SELECT_FAILED.code());
    private static final String OK = SamIdCardReader.sw3Counter(Sw3.OK.code());

    private final MemoryLink.Pair pair = MemoryLink.pair("id-card");
    private final IdCardSimulator sim = new IdCardSimulator(pair.device(), SerialSettings.of(115200), SimOptions.fast()).start();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private SamIdCardReader reader;

    /** Armed, with a card read and halted on the reader: from here on every poll is find (80) + select probe. */
    private void armedWithACardRead(SamReaderConfig config) throws DeviceException {
        reader = new SamIdCardReader("id-card", pair.host(), config.withPollInterval(SamReaderConfig.MIN_POLL_INTERVAL)
                .withTimeouts(SamReaderConfig.Timeouts.DEFAULTS.withSam(Duration.ofSeconds(1)).withFind(Duration.ofSeconds(1))
                        .withSelect(Duration.ofSeconds(1))), Statistics.inMemory());
        reader.addListener(events::add);
        reader.open();
        reader.enable();
        reader.arm();
        sim.placeCard(CardFixtures.resident());
        await().atMost(WAIT).until(() -> count(IdCardEvent.CardPlaced.class) == 1);
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
        sim.close();
    }

    @Test
    void oneStrayNon90AnswerToTheSelectProbeDoesNotReportTheCardRemoved() throws Exception {
        armedWithACardRead(SamReaderConfig.defaults());
        sim.failNext(SamCommand.SELECT_CARD, Sw3.SELECT_FAILED.code());
        await().atMost(WAIT).until(() -> stat(SELECT_FAILED) == 1);
        long mark = stat(OK);
        // two more probes answered 90, unless the stray answer already ended the card (then probing stops)
        await().atMost(WAIT).until(() -> stat(OK) >= mark + 2 || count(IdCardEvent.CardRemoved.class) > 0);
        assertEquals(0, count(IdCardEvent.CardRemoved.class));
    }

    @Test
    void twoFailedSelectProbesInARowReportTheCardRemovedOnce() throws Exception {
        armedWithACardRead(SamReaderConfig.defaults());
        sim.removeCard();
        await().atMost(WAIT).until(() -> count(IdCardEvent.CardRemoved.class) == 1);
        assertEquals(2, stat(SELECT_FAILED), "select probes answered 81 before CardRemoved");
    }

    @Test
    void aProbeAnswered90StartsTheCountAgain() throws Exception {
        armedWithACardRead(SamReaderConfig.defaults());
        sim.failNext(SamCommand.SELECT_CARD, Sw3.SELECT_FAILED.code());
        await().atMost(WAIT).until(() -> stat(SELECT_FAILED) == 1);
        long mark = stat(OK);
        await().atMost(WAIT).until(() -> stat(OK) >= mark + 1 || count(IdCardEvent.CardRemoved.class) > 0);
        sim.removeCard();
        await().atMost(WAIT).until(() -> count(IdCardEvent.CardRemoved.class) == 1);
        assertEquals(3, stat(SELECT_FAILED), "the stray 81, then two in a row after the lift");
    }

    @Test
    void withOneProbeFailureConfiguredTheFirstNon90AnswerEndsTheCard() throws Exception {
        armedWithACardRead(SamReaderConfig.defaults().withRemovalProbeFailures(1));
        sim.removeCard();
        await().atMost(WAIT).until(() -> count(IdCardEvent.CardRemoved.class) == 1);
        assertEquals(1, stat(SELECT_FAILED));
    }

    private long stat(String counter) {
        return reader.statistics().get(counter);
    }

    private long count(Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }
}
