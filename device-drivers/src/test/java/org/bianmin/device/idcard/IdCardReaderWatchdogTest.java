package org.bianmin.device.idcard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceState;
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.ReconnectingLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.bianmin.device.link.TracingLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader behind the link watchdog over a socat pty pair: the cable pulled out and plugged back in. */
class IdCardReaderWatchdogTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final SerialSettings LINE = SerialSettings.of(115200);
    private static final int MAX_RF_FRAME = 80;

    @TempDir
    Path dir;

    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    /** The simulator on the device end; null while the cable is out, and the watchdog cannot reopen until it is back. */
    private final AtomicReference<IdCardSimulator> sim = new AtomicReference<>();
    /** Request frames the reader wrote, one list per (re)opened link. */
    private final List<List<byte[]>> requestsPerConnection = new CopyOnWriteArrayList<>();
    private SocatPty pty;
    private SamIdCardReader reader;

    @AfterEach
    void closeEverything() {
        if (reader != null) {
            reader.close();
        }
        IdCardSimulator s = sim.getAndSet(null);
        if (s != null) {
            s.close();
        }
        if (pty != null) {
            pty.kill();
        }
    }

    private SerialLink openHostEnd() throws LinkException {
        if (sim.get() == null) {
            throw new LinkException(DeviceError.PORT_NOT_FOUND, pty.a() + ": the reader module is unplugged");
        }
        List<byte[]> sent = new CopyOnWriteArrayList<>();
        requestsPerConnection.add(sent);
        return new TracingLink(JsscSerialLink.open(pty.a(), LINE), 16, c -> {
            if (c.direction() == TracingLink.Direction.TX) {
                sent.add(c.data());
            }
        });
    }

    private void plugInSimulator() throws LinkException {
        sim.set(new IdCardSimulator(JsscSerialLink.open(pty.b(), LINE), LINE, SimOptions.fast()).start());
    }

    @Test
    void aLostLinkMakesTheReaderDisconnectedAndAfterTheReconnectItReinitialisesTheModuleAndReadsAgain() throws Exception {
        pty = SocatPty.started(dir);
        plugInSimulator();
        AtomicReference<SamIdCardReader> readerRef = new AtomicReference<>();
        ReconnectingLink link = new ReconnectingLink("id-card", pty.a(), this::openHostEnd,
                new ReconnectingLink.Policy(3, Duration.ofMillis(100), Duration.ofMillis(400)), e -> readerRef.get().onLinkEvent(e));
        link.open();
        reader = new SamIdCardReader("id-card", link, SamReaderConfig.defaults().withMaxRfFrameBytes(MAX_RF_FRAME)
                .withPollInterval(SamReaderConfig.MIN_POLL_INTERVAL)
                .withTimeouts(SamReaderConfig.Timeouts.DEFAULTS.withSam(Duration.ofSeconds(2)).withFind(Duration.ofSeconds(2))
                        .withSelect(Duration.ofSeconds(2))), Statistics.inMemory());
        readerRef.set(reader);
        reader.addListener(events::add);
        reader.open();
        reader.enable();
        reader.arm();
        assertEquals(OptionalInt.of(MAX_RF_FRAME), sim.get().maxRfFrameBytes());

        // the cable comes out: the simulator loses power with it
        sim.getAndSet(null).close();
        pty.kill();
        await("Disconnected after the pty died").atMost(WAIT).until(() -> count(DeviceEvent.Disconnected.class) == 1);
        assertEquals(DeviceState.DISCONNECTED, reader.state());

        pty.start();
        plugInSimulator();
        await("Reconnected after the pty came back").atMost(WAIT).until(() -> count(DeviceEvent.Reconnected.class) == 1);
        await("61 FF nn sent to the module again").atMost(WAIT).until(() -> sim.get().maxRfFrameBytes().isPresent());
        assertEquals(OptionalInt.of(MAX_RF_FRAME), sim.get().maxRfFrameBytes());
        assertEquals(DeviceState.ENABLED, reader.state());
        assertEquals(2, requestsPerConnection.size());
        List<byte[]> afterReconnect = requestsPerConnection.get(1);
        int samStatus = indexOf(afterReconnect, SamCommand.SAM_STATUS.frame());
        int maxRf = indexOf(afterReconnect, SamCodec.encode(SamCodec.setMaxRfFrame(MAX_RF_FRAME)));
        assertTrue(samStatus >= 0 && maxRf > samStatus, "SAM status, then 61 FF 50, on the reopened link; got "
                + afterReconnect.size() + " requests, SAM status at " + samStatus + ", 61 FF at " + maxRf);

        sim.get().placeCard(CardFixtures.resident());
        await("a card read after the reconnect").atMost(WAIT).until(() -> count(IdCardEvent.CardPlaced.class) == 1);
        IdCardEvent.CardPlaced placed = (IdCardEvent.CardPlaced) events.stream()
                .filter(IdCardEvent.CardPlaced.class::isInstance).findFirst().orElseThrow();
        assertEquals("测试用户甲", placed.identity().name());
        assertEquals(1, reader.statistics().get(Statistics.DISCONNECTS));
        assertEquals(1, reader.statistics().get(Statistics.RECONNECTS));
    }

    private long count(Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private static int indexOf(List<byte[]> frames, byte[] frame) {
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), frame)) {
                return i;
            }
        }
        return -1;
    }
}
