package org.bianmin.kiosk.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A4 printer's CUPS queue against the real cupsd that {@code ./kiosk test} runs (scripts/cups-setup
 * starts it and adds the KioskPDF queue when missing). The serial devices are simulated here, so each
 * line under test is the A4 printer's own.
 */
class SelftestOfTheA4QueueTest {
    private static final String QUEUE = "KioskPDF";

    @TempDir
    Path dir;

    @BeforeAll
    static void cups() throws Exception {
        Path setup = projectFile("scripts/cups-setup");
        Process p = new ProcessBuilder(setup.toString(), QUEUE).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("scripts/cups-setup did not make CUPS ready:\n" + out);
        }
    }

    @Test
    void aQueueCupsDoesNotHaveFailsAndListsTheQueuesItHas() throws Exception {
        SelftestRun run = SelftestRun.of("--config", config("NoSuchQueue").toString());

        assertEquals(1, run.exit(), run::toString);
        String line = run.line("document-printer");
        assertEquals("FAIL", run.result("document-printer"), run::toString);
        assertTrue(line.contains("cups:NoSuchQueue"), line);
        assertTrue(line.contains("LNK-01 CUPS has no queue named NoSuchQueue"), line);
        assertTrue(line.contains("queues found: ") && line.contains(QUEUE), line);
        assertTrue(line.contains("devices.documentPrinter.queue"), line);
    }

    @Test
    void aQueueThatAcceptsJobsIsOk() throws Exception {
        SelftestRun run = SelftestRun.of("--config", config(QUEUE).toString());

        assertEquals(0, run.exit(), run::toString);
        assertEquals("ok", run.result("document-printer"), run::toString);
        assertTrue(run.line("document-printer").contains("accepting jobs"), run::toString);
    }

    private Path config(String queue) throws IOException {
        Path file = dir.resolve("kiosk.yaml");
        Files.writeString(file, """
                devices:
                  idCard: {simulated: true}
                  qrScanner: {simulated: true}
                  receiptPrinter: {simulated: true}
                  documentPrinter:
                    queue: %s
                    simulated: false
                """.formatted(queue), StandardCharsets.UTF_8);
        return file;
    }

    private static Path projectFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        return fail(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
