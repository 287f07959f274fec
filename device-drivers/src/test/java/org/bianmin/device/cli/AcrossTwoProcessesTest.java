package org.bianmin.device.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.bianmin.device.PersonalData;
import org.bianmin.device.idcard.Identity;
import org.bianmin.device.idcard.TextBlock;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.bianmin.device.printer.TestReceipts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a technician does on a bench: a simulator in one process on one end of a socat pty pair, a
 * diag command on the other end.
 */
class AcrossTwoProcessesTest {
    @TempDir
    Path dir;
    SocatPty pty;

    @BeforeEach
    void cable() throws Exception {
        pty = SocatPty.started(dir.resolve("cable"));
    }

    @AfterEach
    void unplug() {
        pty.close();
    }

    @Test
    void readCardPrintsTheForeignerCardTheSimulatorHolds() throws Exception {
        Identity expected = TextBlock.parse(CardFixtures.foreigner2023().textBlock());
        try (SimProcess sim = SimProcess.start(dir, "sim", "id-card", "--port", pty.a(), "--card", "foreigner-2023")) {
            CliRun r = CliRun.of("diag", "read-card", "--port", pty.b());
            assertEquals(ExitCodes.OK, r.exit(), r.toString());
            assertTrue(r.out().contains("外国人永久居留身份证（2023版）"), r.out());
            assertTrue(r.out().contains(PersonalData.maskIdNumber(expected.number())), r.out());
            assertTrue(!r.out().contains(expected.number()), "the number must be masked by default: " + r.out());

            sim.send("remove");
            assertTrue(sim.nextLine().contains("removed"));
            sim.send("place foreigner-2023");
            assertTrue(sim.nextLine().contains("placed"));
            CliRun unmasked = CliRun.of("diag", "read-card", "--port", pty.b(), "--unmask", "--json");
            assertEquals(ExitCodes.OK, unmasked.exit(), unmasked.toString());
            assertTrue(unmasked.out().contains("\"number\":\"" + expected.number() + "\""), unmasked.out());
        }
    }

    @Test
    void scanPrintsTheCodeTheSimulatorShows() throws Exception {
        String code = "电子营业执照 EBL-91110105MA0000001X";
        try (SimProcess sim = SimProcess.start(dir, "sim", "qr-scanner", "--port", pty.a(), "--scan", code, "--every", "1")) {
            CliRun r = CliRun.of("diag", "scan", "--port", pty.b(), "--timeout", "10", "--unmask");
            assertEquals(ExitCodes.OK, r.exit(), r.toString());
            assertTrue(r.out().contains("code:      " + code), r.out());
        }
    }

    @Test
    void printTestLeavesTheChineseTestReceiptInTheSimulatorsOutput() throws Exception {
        Path out = dir.resolve("receipts");
        try (SimProcess sim = SimProcess.start(dir, "sim", "receipt-printer", "--port", pty.a(), "--out", out.toString(), "--width", "58")) {
            CliRun r = CliRun.of("diag", "print-test", "--port", pty.b(), "--width", "58");
            assertEquals(ExitCodes.OK, r.exit(), r.toString());
            assertTrue(r.out().contains("before: online, paper OK") && r.out().contains("after:  online, paper OK"), r.out());
            Path txt = out.resolve("receipt-001.txt");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(txt) && Files.exists(out.resolve("receipt-001.png")));
            assertTrue(Files.readString(txt, StandardCharsets.UTF_8).contains(TestReceipts.TITLE));

            sim.send("paper-out");
            assertTrue(sim.nextLine().contains("paper out"));
            CliRun empty = CliRun.of("diag", "status", "--port", pty.b());
            assertEquals(ExitCodes.DEVICE_FAULT, empty.exit(), empty.toString());
            assertTrue(empty.out().contains("paper out") && empty.out().contains("load a new paper roll"), empty.out());
        }
    }

    @Test
    void aPortWithNothingOnTheOtherEndIsOneLineAboutNoAnswer() {
        CliRun r = CliRun.of("diag", "status", "--port", pty.b());
        assertEquals(ExitCodes.NO_ANSWER, r.exit(), r.toString());
        assertTrue(r.oneCleanErrorLine(), r.err());
    }

    @Test
    void garbageOnTheLineIsOneLineNeverAStackTrace() throws Exception {
        try (JsscSerialLink noise = JsscSerialLink.open(pty.a(), SerialSettings.of(115200))) {
            Random random = new Random(7);
            Thread noisy = Thread.ofVirtual().start(() -> {
                byte[] junk = new byte[64];
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        random.nextBytes(junk);
                        noise.write(junk);
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    // the test is over
                }
            });
            try {
                CliRun r = CliRun.of("diag", "read-card", "--port", pty.b());
                assertTrue(r.exit() == ExitCodes.NO_ANSWER || r.exit() == ExitCodes.DEVICE_FAULT, r.toString());
                assertTrue(r.oneCleanErrorLine(), r.err());
            } finally {
                noisy.interrupt();
            }
        }
    }
}
