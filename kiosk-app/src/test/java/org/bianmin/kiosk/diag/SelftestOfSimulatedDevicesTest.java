package org.bianmin.kiosk.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices the config simulates (simulated: true) are checked against their simulators, and labelled so. */
class SelftestOfSimulatedDevicesTest {
    @TempDir
    Path dir;

    @Test
    void simulatedDevicesAreCheckedAgainstTheirSimulatorsAndSaySo() throws Exception {
        SelftestRun run = SelftestRun.of("--config", config("").toString(), "--json");

        assertEquals(0, run.exit(), run::toString);
        JsonNode devices = new ObjectMapper().readTree(run.out()).get("devices");
        for (JsonNode d : devices) {
            assertEquals("ok", d.get("result").asText(), d::toString);
            assertTrue(d.get("simulated").asBoolean(), d::toString);
        }
        assertEquals("simulator", devices.get(0).get("port").asText());
        assertTrue(devices.get(0).get("detail").asText().startsWith("simulated: SAM_V answered 90"), devices.get(0)::toString);
        assertEquals("spool:" + dir.resolve("printed"), devices.get(3).get("port").asText());
        assertTrue(Files.isDirectory(dir.resolve("printed")), "the simulated A4 printer's directory is made, as the kiosk would");
    }

    @Test
    void aConfigThatSimulatesSomeSerialDevicesButNotAllFailsThoseWithTheKeyToSet() throws Exception {
        SelftestRun run = SelftestRun.of("--config", config("""
                  qrScanner:
                    simulated: false
                    port: %s
                """.formatted(dir.resolve("no-scanner"))).toString());

        assertEquals(1, run.exit(), run::toString);
        assertEquals("FAIL", run.result("id-card"), run::toString);
        assertTrue(run.line("id-card").contains("LNK-07 the config simulates some serial devices but not all"), run::toString);
        assertTrue(run.line("qr-scanner").contains("does not exist"), run::toString);
    }

    private Path config(String moreDevices) throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, """
                devices:
                  idCard: {simulated: true}
                  receiptPrinter: {simulated: true}
                  documentPrinter:
                    queue: spool:printed
                    simulated: true
                  gpio: {enabled: true, simulated: true}
                """ + (moreDevices.isEmpty() ? "  qrScanner: {simulated: true}\n" : moreDevices), StandardCharsets.UTF_8);
        return file;
    }
}
