package org.bianmin.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.IdCardEvent;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.kiosk.backend.HeartbeatJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A heartbeat built from the supervisor's state names no one, even after a card was read and a device spoke of an ID number. */
class HeartbeatPersonalDataTest {
    private static final String NUMBER = "110105194910010015";
    private static final String NAME = "测试用户甲";

    @TempDir
    Path dir;

    @Test
    void theHeartbeatJsonHoldsNoNameAndNoWholeIdNumber() throws Exception {
        try (SimulatedKiosk k = new SimulatedKiosk(dir, true, 4)) {
            IdCardReader reader = k.devices.reader().orElseThrow();
            List<DeviceEvent> events = new CopyOnWriteArrayList<>();
            reader.addListener(events::add);
            reader.arm();
            k.devices.simulators().orElseThrow().idCardSimulator().placeCard(CardFixtures.resident());
            await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(IdCardEvent.CardPlaced.class::isInstance));
            IdCardEvent.CardPlaced placed = events.stream().filter(IdCardEvent.CardPlaced.class::isInstance)
                    .map(IdCardEvent.CardPlaced.class::cast).findFirst().orElseThrow();
            assertEquals(NUMBER, placed.card().identity().number(), "the card read is the one the test looks for");

            List<DeviceSupervisor.Watched> watched = new ArrayList<>(k.devices.watched());
            watched.add(DeviceSupervisor.Watched.device("talkative", new Talkative(), false));
            try (DeviceSupervisor supervisor = new DeviceSupervisor(watched, k.devices.powerRelay(), SimulatedKiosk.QUICK);
                 HeartbeatSender sender = new HeartbeatSender(new HeartbeatOnlyBackend(h -> CompletableFuture.completedFuture(null)),
                         supervisor::health, List::of, Duration.ofSeconds(10),
                         new HeartbeatSender.Identity("test", 1, Instant.now()), Clock.systemUTC())) {
                supervisor.checkNow().get(20, TimeUnit.SECONDS);

                String json = new String(HeartbeatJson.bytes(sender.build()), StandardCharsets.UTF_8);

                assertFalse(json.contains(NUMBER), json);
                assertFalse(json.contains(NAME) || json.contains("测*甲"), json);
                assertTrue(json.contains("110105********0015"), "the talkative device's words are kept, masked: " + json);
                assertTrue(json.contains("\"id-card\""), json);
            }
        }
    }

    /** A device whose failure mentions an ID number, as a careless driver might. */
    private static final class Talkative implements Device {
        private final Statistics statistics = Statistics.inMemory();

        @Override
        public String name() {
            return "talkative";
        }

        @Override
        public void open() {
        }

        @Override
        public void enable() {
        }

        @Override
        public void disable() {
        }

        @Override
        public void close() {
        }

        @Override
        public DeviceState state() {
            return DeviceState.ENABLED;
        }

        @Override
        public HealthReport checkHealth(HealthLevel level) {
            return HealthReport.failed(name(), level, new DeviceException(DeviceError.CARD_READ_FAILED, "card " + NUMBER + " was not read"));
        }

        @Override
        public Statistics statistics() {
            return statistics;
        }

        @Override
        public void addListener(Consumer<DeviceEvent> listener) {
        }

        @Override
        public void removeListener(Consumer<DeviceEvent> listener) {
        }
    }
}
