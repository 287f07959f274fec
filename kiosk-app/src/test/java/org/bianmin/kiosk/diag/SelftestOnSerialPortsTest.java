package org.bianmin.kiosk.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diag selftest --config} against the real simulators on the far ends of socat pty pairs, through
 * jssc as on a kiosk: each failure a technician meets on a call-out gives its own cause and remedy.
 */
class SelftestOnSerialPortsTest {
    @TempDir
    Path dir;

    PtyBench bench;

    @BeforeEach
    void bench() throws Exception {
        bench = new PtyBench(dir);
    }

    @AfterEach
    void close() throws Exception {
        bench.close();
    }

    @Test
    void everyDeviceAnsweringOnItsPortMakesTheKioskReady() throws Exception {
        SelftestRun run = SelftestRun.of("--config", bench.config().toString());

        assertEquals(0, run.exit(), run::toString);
        assertEquals("ok", run.result("id-card"), run::toString);
        assertTrue(run.line("id-card").contains("SAM_V status 90"), run::toString);
        assertEquals("ok", run.result("qr-scanner"), run::toString);
        assertTrue(run.line("qr-scanner").contains("Newland"), run::toString);
        assertEquals("ok", run.result("receipt-printer"), run::toString);
        assertTrue(run.line("receipt-printer").contains("online, paper OK"), run::toString);
        assertEquals("ok", run.result("document-printer"), run::toString);
        assertEquals("skipped", run.result("gpio"), run::toString);
        assertTrue(run.out().contains("result: ready, every device is ok"), run::toString);
    }

    @Test
    void aPortThatDoesNotExistIsSaidSoWithTheSerialPortsThatDo() throws Exception {
        String missing = dir.resolve("nowhere/ttyUSB9").toString();

        SelftestRun run = SelftestRun.of("--config", bench.config(missing, bench.printer.b(), true, "spool:" + dir.resolve("a4")).toString());

        assertEquals(1, run.exit(), run::toString);
        String line = run.line("id-card");
        assertEquals("FAIL", run.result("id-card"), run::toString);
        assertTrue(line.contains("LNK-01 " + missing + " does not exist"), line);
        assertTrue(line.contains("serial ports here: ") || line.contains("this machine has no serial ports at all"), line);
        assertTrue(line.contains("devices.idCard.port"), line);
        assertTrue(run.out().contains("NOT READY, required device failed: id-card"), run::toString);
    }

    @Test
    void aPortWithNothingOnTheFarEndIsNoAnswerAndPointsToTheProbe() throws Exception {
        String dead = bench.pty("switched-off").b();

        SelftestRun run = SelftestRun.of("--config", bench.config(bench.idCard.b(), dead, true, "spool:" + dir.resolve("a4")).toString());

        assertEquals(1, run.exit(), run::toString);
        String line = run.line("receipt-printer");
        assertEquals("FAIL", run.result("receipt-printer"), run::toString);
        assertTrue(line.contains("LNK-06 no answer"), line);
        assertTrue(line.contains("./kiosk diag probe --port " + dead), line);
        assertEquals("ok", run.result("id-card"), "the other devices are checked all the same\n" + run);
    }

    @Test
    void aPrinterOutOfPaperFailsWithTheRemedyToLoadARoll() throws Exception {
        bench.printerSimulator.paperOut();

        SelftestRun run = SelftestRun.of("--config", bench.config().toString());

        assertEquals(1, run.exit(), run::toString);
        String line = run.line("receipt-printer");
        assertTrue(line.contains("FAIL"), line);
        assertTrue(line.contains("PRN-01 the printer is out of paper — load a new paper roll"), line);
    }

    @Test
    void aPrinterWithItsCoverOpenFailsWithTheRemedyToCloseIt() throws Exception {
        bench.printerSimulator.openCover();

        SelftestRun run = SelftestRun.of("--config", bench.config().toString(), "--lang", "zh-CN");

        assertEquals(1, run.exit(), run::toString);
        String line = run.line("receipt-printer");
        assertTrue(line.contains("FAIL"), line);
        assertTrue(line.contains("PRN-03 打印机盖板没有关好 — 把盖板按到听见咔哒声"), line);
        assertTrue(run.out().contains("结论：不能办事"), run::toString);
    }

    @Test
    void paperNearItsEndIsOkWithAWarningToChangeTheRoll() throws Exception {
        bench.printerSimulator.paperNearEnd();

        SelftestRun run = SelftestRun.of("--config", bench.config().toString());

        assertEquals(0, run.exit(), run::toString);
        String line = run.line("receipt-printer");
        assertEquals("ok", run.result("receipt-printer"), run::toString);
        assertTrue(line.contains("warning: PRN-02 the paper roll is nearly finished — change the roll"), line);
        assertTrue(run.out().contains("result: ready, every required device is ok; 1 warning above"), run::toString);
    }

    @Test
    void swappedCablesAreSeenByWhichDeviceAnswersOnEachPort() throws Exception {
        SelftestRun run = SelftestRun.of("--config",
                bench.config(bench.printer.b(), bench.idCard.b(), true, "spool:" + dir.resolve("a4")).toString());

        assertEquals(1, run.exit(), run::toString);
        String card = run.line("id-card");
        assertTrue(card.contains("this port answers like an ESC/POS receipt printer, not a SAM_V ID card reader"), card);
        assertTrue(card.contains("are the two cables swapped?"), card);
        String printer = run.line("receipt-printer");
        assertTrue(printer.contains("this port answers like a SAM_V ID card reader, not an ESC/POS receipt printer"), printer);
    }

    @Test
    void aPortTheKioskMayNotOpenIsPermissionDeniedWithTheGroupToJoin() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "root opens a serial port whatever its mode, so permission denied cannot be shown here; run the tests as an"
                        + " ordinary user to cover it");
        Path pty = Path.of(bench.printer.b()).toRealPath();
        Files.setPosixFilePermissions(pty, PosixFilePermissions.fromString("---------"));

        SelftestRun run = SelftestRun.of("--config", bench.config().toString());

        String line = run.line("receipt-printer");
        assertEquals("FAIL", run.result("receipt-printer"), run::toString);
        assertTrue(line.contains("LNK-02 permission denied on " + bench.printer.b()), line);
        assertTrue(line.contains("sudo usermod -aG "), line);
    }

    @Test
    void aPortAnotherProgramHoldsIsBusyAndNamesTheProgram() throws Exception {
        Process holder = new ProcessBuilder("sleep", "60").redirectInput(Path.of(bench.printer.b()).toFile()).start();
        try {
            SelftestRun run = SelftestRun.of("--config", bench.config().toString());

            String line = run.line("receipt-printer");
            assertEquals("FAIL", run.result("receipt-printer"), run::toString);
            assertTrue(line.contains("LNK-03 " + bench.printer.b() + " is held by pid " + holder.pid() + " (sleep)"), line);
            assertTrue(line.contains("sudo fuser -v " + bench.printer.b()), line);
        } finally {
            holder.destroy();
        }
    }

    @Test
    void anOptionalDeviceThatFailsOnlyWarns() throws Exception {
        String missing = dir.resolve("unplugged/ttyUSB1").toString();

        SelftestRun run = SelftestRun.of("--config", bench.config(bench.idCard.b(), missing, false, "spool:" + dir.resolve("a4")).toString());

        assertEquals(0, run.exit(), run::toString);
        String line = run.line("receipt-printer");
        assertEquals("FAIL", run.result("receipt-printer"), run::toString);
        assertTrue(line.endsWith("(optional device: the kiosk serves without it)"), line);
        assertTrue(run.out().contains("result: ready, every required device is ok; 1 warning above"), run::toString);
    }

    @Test
    void jsonSaysTheSameAsTheLines() throws Exception {
        bench.printerSimulator.paperOut();

        SelftestRun run = SelftestRun.of("--config", bench.config().toString(), "--json");

        assertEquals(1, run.exit(), run::toString);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertFalse(doc.get("ready").asBoolean());
        assertEquals("selftest-01", doc.get("kiosk").asText());
        JsonNode devices = doc.get("devices");
        assertEquals(5, devices.size());
        assertEquals("id-card", devices.get(0).get("device").asText());
        assertEquals("ok", devices.get(0).get("result").asText());
        JsonNode printer = devices.get(2);
        assertEquals("receipt-printer", printer.get("device").asText());
        assertEquals(bench.printer.b(), printer.get("port").asText());
        assertEquals("FAIL", printer.get("result").asText());
        assertEquals("PRN-01", printer.get("code").asText());
        assertEquals("PAPER_OUT", printer.get("error").asText());
        assertTrue(printer.get("remedy").asText().startsWith("load a new paper roll"), printer::toString);
        assertEquals("skipped", devices.get(4).get("result").asText());
    }
}
