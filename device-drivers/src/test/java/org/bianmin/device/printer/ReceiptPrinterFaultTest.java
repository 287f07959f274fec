package org.bianmin.device.printer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Faults on the way to paper, over an in-memory pipe and over TCP (as a network printer on port 9100). */
class ReceiptPrinterFaultTest {
    enum Transport { MEMORY, TCP }

    private static final Receipt RECEIPT = TestReceipts.diagnostic(PrinterProfile.MM80, Instant.parse("2025-03-01T02:03:04Z"));

    private PrinterRig rig;
    private EscPosReceiptPrinter printer;

    @AfterEach
    void disconnect() throws Exception {
        if (printer != null) {
            printer.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    private ReceiptPrinterSimulator start(Transport t, PrinterProfile profile, EscPosSettings settings) throws Exception {
        rig = t == Transport.MEMORY ? PrinterRig.memory(profile) : PrinterRig.tcp(profile);
        printer = rig.printer(profile, settings);
        return rig.simulator;
    }

    private PrintResult print(Receipt r, String key) throws Exception {
        return printer.print(r, key).get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void paperOutBeforeAJobRefusesItAndSendsNothing(Transport t) throws Exception {
        ReceiptPrinterSimulator sim = start(t, PrinterProfile.MM80, PrinterRig.fastSettings());
        sim.paperOut();
        PrintResult r = print(RECEIPT, "job-1");
        assertEquals(PrintResult.Outcome.REFUSED, r.outcome());
        assertEquals(DeviceError.PAPER_OUT, r.error());
        assertEquals(0, r.bytesSent());
        assertTrue(r.mayRetryWithSameKey());
        assertEquals(0, rig.printBytesSent(), "only status requests went out");

        sim.loadPaper();
        assertTrue(print(RECEIPT, "job-1").printed(), "a refused key may be tried again");
        await().atMost(Duration.ofSeconds(10)).until(() -> rig.receipts().size() == 1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void paperOutDuringAJobFailsItWithTheReasonAndTheSameKeyNeverPrintsASecondCopy(Transport t) throws Exception {
        ReceiptPrinterSimulator sim = start(t, PrinterProfile.MM80, PrinterRig.fastSettings());
        sim.paperOutAfter(300);
        PrintResult first = print(RECEIPT, "job-2");
        assertEquals(PrintResult.Outcome.FAILED, first.outcome(), first.toString());
        assertEquals(DeviceError.PAPER_OUT, first.error());
        assertFalse(first.mayRetryWithSameKey());
        assertTrue(first.detail().contains("new key"), first.detail());
        long sent = rig.printBytesSent();
        assertTrue(sent > 300, "the job went out: " + sent);

        sim.loadPaper();
        PrintResult retry = print(RECEIPT, "job-2");
        assertEquals(PrintResult.Outcome.FAILED, retry.outcome());
        assertTrue(retry.repeated());
        assertEquals(DeviceError.PAPER_OUT, retry.error());
        assertEquals(sent, rig.printBytesSent(), "the retry sent nothing");

        await().atMost(Duration.ofSeconds(10)).until(() -> rig.receipts().size() == 1);
        PrintedReceipt partial = rig.receipts().get(0);
        assertTrue(partial.partial());
        assertTrue(partial.text().contains("打印测试"), partial.text());
        assertFalse(partial.text().contains("[QR:"), "the paper ran out before the QR code");
        assertEquals(1, sim.statistics().get(ReceiptPrinterSimulator.RECEIPTS));

        assertTrue(print(RECEIPT, "job-3").printed(), "a new key prints");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void paperOutInALongJobStopsItAtTheNextBurst(Transport t) throws Exception {
        ReceiptPrinterSimulator sim = start(t, PrinterProfile.MM80, PrinterRig.fastSettings().withBursts(256, true));
        BufferedImage img = new BufferedImage(576, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 576, 200);
        g.setColor(Color.BLACK);
        g.fillOval(100, 20, 376, 160);
        g.dispose();
        Receipt big = Receipt.builder().line("政务服务 回执").image(img, Dither.THRESHOLD).line("完").cut().build();
        int total = new EscPosEncoder(PrinterProfile.MM80).encode(big).length;
        sim.paperOutAfter(40);

        PrintResult r = print(big, "big-1");
        assertEquals(PrintResult.Outcome.FAILED, r.outcome());
        assertEquals(DeviceError.PAPER_OUT, r.error());
        assertTrue(r.bytesSent() < total, r.bytesSent() + " of " + total + " bytes: the rest was held back");
        assertTrue(rig.largestWrite() <= 256, "bursts of at most 256 bytes, got " + rig.largestWrite());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anOpenCoverRefusesTheJobUntilItIsClosed(Transport t) throws Exception {
        ReceiptPrinterSimulator sim = start(t, PrinterProfile.MM80, PrinterRig.fastSettings());
        sim.openCover();
        PrintResult r = print(RECEIPT, "job-4");
        assertEquals(PrintResult.Outcome.REFUSED, r.outcome());
        assertEquals(DeviceError.COVER_OPEN, r.error());
        assertEquals(0, rig.printBytesSent());
        sim.closeCover();
        assertTrue(print(RECEIPT, "job-4").printed());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aCutterJamRefusesTheJob(Transport t) throws Exception {
        ReceiptPrinterSimulator sim = start(t, PrinterProfile.MM80, PrinterRig.fastSettings());
        sim.cutterJam();
        PrintResult r = print(RECEIPT, "job-5");
        assertEquals(DeviceError.CUTTER_ERROR, r.error());
        assertEquals(0, rig.printBytesSent());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aStalledPrinterIsATimeoutAndTheJobIsRefused(Transport t) throws Exception {
        ReceiptPrinterSimulator sim = start(t, PrinterProfile.MM80, PrinterRig.fastSettings().withStatusTimeout(Duration.ofMillis(200)));
        sim.stall(Duration.ofSeconds(30));
        ExecutionException e = assertThrows(ExecutionException.class, () -> printer.status().get(10, TimeUnit.SECONDS));
        DeviceException cause = (DeviceException) e.getCause();
        assertEquals(DeviceError.TIMEOUT, cause.error());
        assertTrue(cause.getMessage().contains("no reply to DLE EOT 1"), cause.getMessage());

        PrintResult r = print(RECEIPT, "job-6");
        assertEquals(PrintResult.Outcome.REFUSED, r.outcome());
        assertEquals(DeviceError.TIMEOUT, r.error());
        assertEquals(0, rig.printBytesSent());
    }
}
