package org.bianmin.kiosk.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle made after a pushed config was applied records the config the kiosk runs then, not the one it started with:
 * the office compares it with what it pushed.
 */
class DiagnosticBundleFollowsThePushedConfigTest {

    @TempDir
    Path dir;

    @Test
    void aBundleMadeAfterAnApplyCarriesTheAppliedConfigAndItsVersion() throws IOException {
        try (MaintenanceKiosk kiosk = new MaintenanceKiosk(dir)) {
            AtomicReference<KioskConfig> running = new AtomicReference<>(kiosk.config);
            DiagnosticBundle bundle = new DiagnosticBundle(running::get, kiosk.deviceView, new KioskLog(kiosk.log),
                    () -> VersionInfo.of("0.1.0-test", running.get().version(), running.get().identity().kioskId()), Clock.systemUTC());
            Map<String, String> before = unzip(bundle.make());

            running.set(KioskConfigLoader.overDefaults().file(MaintenanceKiosk.projectFile("config/kiosk-demo.yaml"))
                    .set("version", 7).set("session.timeouts.home", 75).load());
            Map<String, String> after = unzip(bundle.make());

            JsonNode was = new ObjectMapper().readTree(before.get("config.json"));
            JsonNode now = new ObjectMapper().readTree(after.get("config.json"));
            assertEquals(kiosk.config.version(), was.path("version").asInt());
            assertEquals(7, now.path("version").asInt());
            assertEquals(75, now.at("/session/timeouts/home").asInt(), after.get("config.json"));
            assertTrue(after.get("versions.txt").contains("config version: 7\n"), after.get("versions.txt"));
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
