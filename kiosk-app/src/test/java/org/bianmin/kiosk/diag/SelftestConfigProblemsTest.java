package org.bianmin.kiosk.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config the kiosk could not run with stops the self-test with exit code 2 and the config module's own message. */
class SelftestConfigProblemsTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenConfigExitsWithTwoAndTheConfigMessageNamingTheKey() throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, """
                devices:
                  receiptPrinter:
                    baud: fast
                """, StandardCharsets.UTF_8);

        SelftestRun run = SelftestRun.of("--config", file.toString());

        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().startsWith("kiosk diag selftest: The kiosk configuration has a problem:"), run::toString);
        assertTrue(run.err().contains("devices.receiptPrinter.baud"), run::toString);
        assertTrue(run.out().isEmpty(), "no device is checked with a broken config\n" + run);
        assertNoStackTrace(run);
    }

    @Test
    void aConfigFileThatIsNotThereExitsWithTwo() {
        SelftestRun run = SelftestRun.of("--config", dir.resolve("missing.yaml").toString());

        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("missing.yaml: does not exist"), run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void withJsonTheConfigProblemsComeAsJsonToo() throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, "devices:\n  idCard:\n    baud: 12345\n", StandardCharsets.UTF_8);

        SelftestRun run = SelftestRun.of("--config", file.toString(), "--json");

        assertEquals(2, run.exit(), run::toString);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertFalse(doc.get("ready").asBoolean());
        assertTrue(doc.get("configProblems").get(0).asText().startsWith("devices.idCard.baud"), run::toString);
    }

    @Test
    void withoutAConfigTheMessageSaysToGiveOneOrUseTheSimulators() {
        SelftestRun run = SelftestRun.of();

        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("--config FILE"), run::toString);
        assertTrue(run.err().contains("--sim"), run::toString);
    }

    @Test
    void aLanguageNotOfferedIsRefused() throws Exception {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, "version: 1\n", StandardCharsets.UTF_8);

        SelftestRun run = SelftestRun.of("--config", file.toString(), "--lang", "fr");

        assertEquals(2, run.exit(), run::toString);
        assertTrue(run.err().contains("--lang fr is not offered; use en or zh-CN"), run::toString);
    }

    private static void assertNoStackTrace(SelftestRun run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "a stack trace reached the technician:\n" + run);
    }
}
