package org.bianmin.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceState;
import org.bianmin.kiosk.backend.Heartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The heartbeat goes out at once on a change, one at a time, never piles up, and carries the state of its own moment. */
class HeartbeatSenderTest {
    private static final Instant STARTED = Instant.parse("2026-11-25T07:00:00Z");

    /** A backend whose heartbeat answers the test gives by hand. */
    private final List<Heartbeat> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> answers = new CopyOnWriteArrayList<>();
    private final AtomicReference<DeviceHealth.Health> printer = new AtomicReference<>(DeviceHealth.Health.OK);
    private final AtomicReference<Heartbeat.Mode> mode = new AtomicReference<>(Heartbeat.Mode.SERVICE);
    private HeartbeatSender sender;

    @AfterEach
    void close() {
        if (sender != null) {
            sender.close();
        }
    }

    private HeartbeatSender sender() {
        var backend = new HeartbeatOnlyBackend(h -> {
            sent.add(h);
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        });
        sender = new HeartbeatSender(backend, () -> List.of(printerHealth()), () -> List.of("si-participation-certificate"),
                Duration.ofHours(1), new HeartbeatSender.Identity("0.1.0-TEST", 7, STARTED),
                Clock.fixed(STARTED.plusSeconds(90), ZoneOffset.UTC));
        sender.modeFrom(mode::get);
        return sender;
    }

    private DeviceHealth printerHealth() {
        return new DeviceHealth("receipt-printer", true, printer.get(), DeviceState.ENABLED, Optional.empty(), Optional.of(DeviceHealth.Paper.OK),
                Map.of("receipts", 3L), STARTED);
    }

    @Test
    void asksWhileOneIsInFlightAreAnsweredByOneMoreHeartbeatWithTheLatestState() {
        sender().sendSoon();
        await().until(() -> sent.size() == 1);

        printer.set(DeviceHealth.Health.FAILING);
        sender.sendSoon();
        printer.set(DeviceHealth.Health.DOWN);
        sender.sendSoon();
        mode.set(Heartbeat.Mode.MAINTENANCE);
        sender.sendSoon();
        assertEquals(1, sent.size(), "nothing more while the first is in flight");

        answers.getFirst().complete(null);
        await().until(() -> sent.size() == 2);
        Heartbeat second = sent.get(1);
        assertEquals("down", second.devices().getFirst().health(), "the state when it was sent");
        assertEquals(Heartbeat.Mode.MAINTENANCE, second.mode());
        answers.get(1).complete(null);
        assertEquals(2, sent.size(), "three asks, one heartbeat");
    }

    @Test
    void aFailedHeartbeatIsNotSentAgainAndTheNextCarriesItsOwnMoment() {
        sender().sendSoon();
        await().until(() -> sent.size() == 1);
        answers.getFirst().completeExceptionally(new IllegalStateException("no answer"));

        printer.set(DeviceHealth.Health.FAILING);
        sender.sendSoon();

        await().until(() -> sent.size() == 2);
        assertEquals("ok", sent.get(0).devices().getFirst().health());
        assertEquals("failing", sent.get(1).devices().getFirst().health());
    }

    @Test
    void countersAreNamedAsTheFleetTakesThemWithTheSupervisorsFirstAndAtMostThirtyTwo() {
        Map<String, Long> raw = new HashMap<>();
        raw.put("read.errors", 2L);
        raw.put("sw3.9F", 5L);
        raw.put("3d-mark", 1L);
        for (int i = 0; i < 40; i++) {
            raw.put("x" + i, (long) i);
        }
        raw.put(DeviceSupervisor.POWER_CYCLES, 1L);

        Map<String, Long> sent = HeartbeatSender.counters(raw);

        assertEquals(32, sent.size());
        assertEquals(DeviceSupervisor.POWER_CYCLES, sent.keySet().iterator().next());
        assertEquals(5L, sent.get("sw3-9f"));
        assertEquals(2L, sent.get("read-errors"));
        assertEquals(1L, sent.get("c-3d-mark"), "a name must start with a letter");
        assertTrue(sent.keySet().stream().allMatch(k -> k.matches("[a-z][a-z0-9-]{0,31}")), sent::toString);
    }

    @Test
    void aLongDetailIsCutToThreeHundredCharactersAndABlankOneNamesTheError() {
        String cut = HeartbeatSender.detail(new DeviceHealth.LastError(DeviceError.TIMEOUT, "无应答".repeat(200), STARTED));
        assertEquals(300, cut.codePointCount(0, cut.length()));
        assertEquals("TIMEOUT", HeartbeatSender.detail(new DeviceHealth.LastError(DeviceError.TIMEOUT, " ", STARTED)));
    }

    @Test
    void aHeartbeatCarriesTheVersionsTheUptimeAndTheServicesOut() {
        Heartbeat h = sender().build();

        assertEquals("0.1.0-TEST", h.appVersion());
        assertEquals(7, h.configVersion());
        assertEquals(90, h.uptimeSeconds());
        assertEquals(3600, h.intervalSeconds());
        assertEquals(Heartbeat.Mode.SERVICE, h.mode());
        assertEquals(List.of("si-participation-certificate"), h.servicesOut());
        Heartbeat.DeviceReport r = h.devices().getFirst();
        assertEquals(Optional.of("ok"), r.paper());
        assertEquals(Map.of("receipts", 3L), r.counters());
    }
}
