package org.bianmin.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.kiosk.backend.BackendProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's view of a kiosk, end to end: the kiosk built from the demo config beats to the reference backend
 * (its own process), the admin API shows it online with healthy devices, a hung receipt printer shows as failing
 * and then recovered by its relay, and a kiosk that stops beating is shown offline.
 */
class KioskFleetHealthEndToEndTest {
    private static final int BEAT_SECONDS = 5;

    @TempDir
    static Path dir;

    static BackendProcess backend;
    static FleetAdmin admin;

    @BeforeAll
    static void backend() {
        backend = BackendProcess.start(dir.resolve("backend"));
        admin = new FleetAdmin(backend);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void theKioskIsOnlineWithHealthyDevicesAHungPrinterShowsFailingThenRecoveredAndASilentKioskGoesOffline() throws Exception {
        KioskConfig config = KioskConfigLoader.overDefaults()
                .file(KioskEndToEndTest.projectFile("config/kiosk-demo.yaml"))
                .set("backend.url", backend.baseUri().toString())
                .set("backend.heartbeatInterval", BEAT_SECONDS)
                .set("devices.recovery.checkInterval", 2)
                .set("devices.recovery.powerOff", 1)
                .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed").toAbsolutePath())
                .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString()))
                .load();
        KioskToken token = KioskToken.resolve(config.backend(), Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
        try (KioskApp kiosk = KioskApp.start(config, token, KioskApp.Options.in(dir.resolve("state")))) {
            JsonNode online = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(admin::demoKiosk, k -> k.path("status").asText().equals("online") && k.path("devices").size() >= 5);
            assertEquals(0, online.path("failingDevices").size(), "healthy devices at start: " + online.path("devices"));
            assertEquals(KioskVersion.current(), online.path("appVersion").asText());
            assertEquals("service", online.path("mode").asText());

            kiosk.devices().simulators().orElseThrow().printerSimulator().stall();
            await("the hung printer reported failing within one heartbeat period of being noticed")
                    .atMost(Duration.ofSeconds(BEAT_SECONDS * 4L)).pollInterval(Duration.ofMillis(250))
                    .until(admin::demoKiosk, k -> names(k.path("failingDevices")).contains("receipt-printer"));
            JsonNode recovered = await("the relay's power cycle brings the printer back")
                    .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(admin::demoKiosk, k -> k.path("failingDevices").isEmpty() && powerCycles(k) >= 1);
            assertEquals("online", recovered.path("status").asText());
        }
        JsonNode offline = await("a kiosk that stops beating is shown offline after three missed beats")
                .atMost(Duration.ofSeconds(BEAT_SECONDS * 3L + 20)).pollInterval(Duration.ofMillis(500))
                .until(admin::demoKiosk, k -> k.path("status").asText().equals("offline"));
        assertTrue(offline.path("lastSeen").isTextual(), "an offline kiosk still says when it was last seen");

        JsonNode history = admin.get("/api/v1/admin/kiosks/" + backend.kioskId() + "/history?limit=50").path("heartbeats");
        assertTrue(history.size() >= 3, "the backend keeps the kiosk's heartbeats: " + history.size());
        assertTrue(history.toString().contains("failing"), "the history holds the printer's failing beat: " + history);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long powerCycles(JsonNode kiosk) {
        for (JsonNode d : kiosk.path("devices")) {
            if (d.path("name").asText().equals("receipt-printer")) {
                return d.path("counters").path("power-cycles").asLong(0);
            }
        }
        return 0;
    }
}
