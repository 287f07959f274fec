package org.bianmin.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.maintenance.MaintenanceView;
import org.bianmin.kiosk.visit.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office issues a technician code for the kiosk through the admin API of the real backend process; shown at the
 * kiosk's scanner it opens maintenance mode in the technician's name; the diagnostic bundle uploaded from there
 * arrives at the backend; the heartbeat says the kiosk is in maintenance; leaving hands the kiosk back to citizens.
 */
class TechnicianCodeEndToEndTest {

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
    void aCodeFromTheOfficeOpensMaintenanceInTheTechniciansNameAndTheBundleReachesTheBackend() throws Exception {
        KioskConfig config = KioskConfigLoader.overDefaults()
                .file(KioskEndToEndTest.projectFile("config/kiosk-demo.yaml"))
                .set("backend.url", backend.baseUri().toString())
                .set("backend.heartbeatInterval", 5)
                .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed").toAbsolutePath())
                .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString()))
                .load();
        KioskToken token = KioskToken.resolve(config.backend(), Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
        JsonNode issued = admin.post("/api/v1/admin/technician-codes",
                "{\"kioskId\":\"" + backend.kioskId() + "\",\"technician\":\"王师傅\",\"validMinutes\":30}");
        String code = issued.path("code").asText();
        assertTrue(code.startsWith("BMTECH1:"), code);

        try (KioskApp kiosk = KioskApp.start(config, token, KioskApp.Options.in(dir.resolve("state")))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> kiosk.machine().view() != null && kiosk.machine().view().step() == Step.IDLE);
            var scanner = kiosk.devices().simulators().orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> scanner.scanner().inStepWithLine());
            scanner.scannerSimulator().scan(code);

            MaintenanceView in = await("the console opens in the technician's name").atMost(Duration.ofSeconds(20))
                    .until(() -> kiosk.maintenance().view(), v -> v.phase() == MaintenanceView.Phase.CONSOLE);
            assertEquals("王师傅", in.technician().orElseThrow());
            assertEquals(Step.MAINTENANCE, kiosk.machine().view().step());
            await("the fleet sees the kiosk in maintenance").atMost(Duration.ofSeconds(20))
                    .until(() -> admin.demoKiosk().path("mode").asText(), "maintenance"::equals);

            kiosk.maintenance().show(MaintenanceView.Page.BUNDLE);
            kiosk.maintenance().uploadBundle();
            MaintenanceView uploaded = await("the bundle uploaded").atMost(Duration.ofSeconds(30))
                    .until(() -> kiosk.maintenance().view(), v -> v.bundle().isPresent());
            assertTrue(uploaded.bundle().get().ok(), uploaded.bundle().get().problem());
            String bundleId = uploaded.bundle().get().uploadedAs().orElseThrow();
            JsonNode bundles = admin.get("/api/v1/admin/kiosks/" + backend.kioskId() + "/diagnostics");
            assertTrue(bundles.toString().contains(bundleId), "the backend lists the uploaded bundle: " + bundles);

            kiosk.maintenance().leave();
            await("the kiosk is back for citizens").atMost(Duration.ofSeconds(20))
                    .until(() -> kiosk.machine().view().step() == Step.IDLE && !kiosk.maintenance().maintenanceActive());
            assertTrue(kiosk.maintenance().view().technician().isEmpty(), "no technician state left");
        }
    }
}
