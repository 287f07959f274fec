package org.bianmin.device.printer.sim;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.EscPosEncoder;
import org.bianmin.device.printer.EscPosProbe;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.QrErrorLevel;
import org.bianmin.device.printer.Receipt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptPrinterSimulatorTest {
    private static final SerialSettings LINE = SerialSettings.of(115200);

    @TempDir
    Path dir;

    private final MemoryLink.Pair pair = MemoryLink.pair("sim");
    private ReceiptPrinterSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        pair.host().close();
    }

    private ReceiptPrinterSimulator start(PrinterProfile p) {
        sim = new ReceiptPrinterSimulator(pair.device(), LINE, p).tearOffAfter(Duration.ofMillis(100));
        return sim;
    }

    private void send(PrinterProfile p, Receipt r) throws Exception {
        pair.host().write(new EscPosEncoder(p).encode(r));
    }

    private PrintedReceipt awaitReceipt(int n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.receipts().size() >= n);
        return sim.receipts().get(n - 1);
    }

    @Test
    void eachReceiptIsWrittenAsTextAndPngNumberedOnFromFilesAlreadyThere() throws Exception {
        Files.writeString(dir.resolve("receipt-007.txt"), "an earlier run");
        start(PrinterProfile.MM80).writeReceiptsTo(dir).start();
        send(PrinterProfile.MM80, Receipt.builder().centre().line("便民服务").cut().build());
        awaitReceipt(1);
        assertEquals("                    便民服务\n", Files.readString(dir.resolve("receipt-008.txt"), StandardCharsets.UTF_8));
        BufferedImage png = ImageIO.read(dir.resolve("receipt-008.png").toFile());
        assertEquals(576, png.getWidth());
    }

    @Test
    void aSimulatorKeepsOnlyTheLastReceiptsInMemoryAndEveryFile() throws Exception {
        start(PrinterProfile.MM80).keepLast(2).writeReceiptsTo(dir).start();
        for (String line : new String[] {"第一张", "第二张", "第三张"}) {
            send(PrinterProfile.MM80, Receipt.builder().line(line).cut().build());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.receipts().size() == 2 && sim.receipts().get(1).number() == 3);
        assertEquals(2, sim.receipts().get(0).number(), "the oldest receipt was forgotten");
        assertTrue(sim.receipts().get(0).text().contains("第二张"));
        assertTrue(Files.exists(dir.resolve("receipt-001.txt")), "files written stay");
    }

    @Test
    void theNativeQrCodeInThePngScansBackToItsChinesePayload() throws Exception {
        start(PrinterProfile.MM80).start();
        String payload = "社保参保证明 核验码 110105-2025";
        send(PrinterProfile.MM80, Receipt.builder().centre().qr(payload, 5, QrErrorLevel.M).cut().build());
        PrintedReceipt r = awaitReceipt(1);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(r.png()));
        assertEquals(payload, ReceiptRenderer.decodeQr(png).orElseThrow());
    }

    @Test
    void aTearBarPrinterIgnoresCutsAndTheReceiptIsTornOffAfterSilence() throws Exception {
        start(PrinterProfile.MM58).start();
        send(PrinterProfile.MM58, Receipt.builder().line("A").cut().build());
        pair.host().write(EscPos.cut(true));
        PrintedReceipt r = awaitReceipt(1);
        assertEquals(EscPosInterpreter.Ending.TORN, r.ending());
        assertEquals(0, sim.statistics().get(ReceiptPrinterSimulator.CUTS));
        assertEquals(1, sim.statistics().get(ReceiptPrinterSimulator.RECEIPTS));
    }

    @Test
    void aTearBarReceiptIsTornOffAfterSilenceEvenWhileTheDriverKeepsPollingItsStatus() throws Exception {
        start(PrinterProfile.MM58).start();
        send(PrinterProfile.MM58, Receipt.builder().line("A").build());
        ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor();
        try {
            // polls closer together than the tear-off pause, as EscPosReceiptPrinter's status poll is
            poll.scheduleWithFixedDelay(() -> {
                try {
                    pair.host().write(EscPos.statusRequest(1));
                } catch (LinkException e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 30, TimeUnit.MILLISECONDS);
            assertEquals(EscPosInterpreter.Ending.TORN, awaitReceipt(1).ending());
        } finally {
            poll.shutdownNow();
        }
    }

    @Test
    void escAtAfterContentEndsTheReceiptAndStartsTheNext() throws Exception {
        start(PrinterProfile.MM80).start();
        send(PrinterProfile.MM80, Receipt.builder().line("一").build());
        send(PrinterProfile.MM80, Receipt.builder().line("二").cut().build());
        PrintedReceipt first = awaitReceipt(1);
        PrintedReceipt second = awaitReceipt(2);
        assertEquals(EscPosInterpreter.Ending.INIT, first.ending());
        assertEquals("1B 40 1C 26 D2 BB 0A", Hex.of(first.raw()));
        assertEquals("1B 40 1C 26 B6 FE 0A 1D 56 42 03", Hex.of(second.raw()));
        assertTrue(second.cut());
        assertEquals(1, sim.statistics().get(ReceiptPrinterSimulator.CUTS));
    }

    @Test
    void boldAndDoubleSizeAreDrawnBiggerAndDarker() throws Exception {
        start(PrinterProfile.MM80).start();
        // no cuts, so no cut edge is drawn: each receipt ends at the next ESC @, the last is torn off
        send(PrinterProfile.MM80, Receipt.builder().line("便民服务").build());
        send(PrinterProfile.MM80, Receipt.builder().bold(true).line("便民服务").build());
        send(PrinterProfile.MM80, Receipt.builder().doubleSize().line("便民服务").build());
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(awaitReceipt(1).png()));
        BufferedImage bold = ImageIO.read(new ByteArrayInputStream(awaitReceipt(2).png()));
        BufferedImage big = ImageIO.read(new ByteArrayInputStream(awaitReceipt(3).png()));
        assertEquals(plain.getHeight(), bold.getHeight());
        assertEquals(plain.getHeight() + 30, big.getHeight(), "a double-height line is 30 dots taller");
        assertTrue(darkDots(bold) > darkDots(plain) * 1.2, "bold is darker");
        assertTrue(darkDots(big) > darkDots(plain) * 3, "2×2 is about four times the ink");
    }

    @Test
    void garbageDoesNotStopTheSimulator() throws Exception {
        start(PrinterProfile.MM80).start();
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        pair.host().write(noise);
        // a real-time request is honoured even inside whatever command the noise started
        assertTrue(EscPosProbe.answers(pair.host(), Duration.ofSeconds(5)));
        assertEquals(20_003, awaitBytes(20_003));
    }

    @Test
    void aHangLastsUntilThePowerIsCycledAndThePrinterBootsWithItsPaperAsItWas() throws Exception {
        start(PrinterProfile.MM80).start();
        sim.paperNearEnd();
        sim.stall();
        assertFalse(EscPosProbe.answers(pair.host(), Duration.ofMillis(300)), "a hung printer answers no status request");
        assertTrue(sim.stalled());

        sim.powerOff();
        assertFalse(EscPosProbe.answers(pair.host(), Duration.ofMillis(300)), "an unpowered printer answers nothing");
        sim.powerOn();

        assertTrue(EscPosProbe.answers(pair.host(), Duration.ofSeconds(5)), "powered again, it answers");
        assertFalse(sim.stalled());
        assertTrue((sim.statusBytes()[3] & 0x0C) != 0, "paper near end is kept over the power cycle");
    }

    @Test
    void whatIsSentToAnUnpoweredPrinterIsLost() throws Exception {
        start(PrinterProfile.MM80).start();
        sim.powerOff();
        byte[] lost = new EscPosEncoder(PrinterProfile.MM80).encode(Receipt.builder().line("无电时").cut().build());
        pair.host().write(lost);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.statistics().get(ReceiptPrinterSimulator.BYTES_LOST) >= lost.length);
        sim.powerOn();
        send(PrinterProfile.MM80, Receipt.builder().line("来电后").cut().build());

        PrintedReceipt first = awaitReceipt(1);
        assertTrue(first.text().contains("来电后"), first.text());
        assertFalse(sim.receipts().stream().anyMatch(r -> r.text().contains("无电时")), "nothing of what came while unpowered");
    }

    @Test
    void anUnstalledPrinterAnswersWhatItWasAskedMeanwhile() throws Exception {
        start(PrinterProfile.MM80).start();
        sim.stall();
        assertFalse(EscPosProbe.answers(pair.host(), Duration.ofMillis(300)));
        sim.unstall();
        assertTrue(EscPosProbe.answers(pair.host(), Duration.ofSeconds(5)));
    }

    private long awaitBytes(long n) {
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.statistics().get(ReceiptPrinterSimulator.BYTES) >= n);
        return sim.statistics().get(ReceiptPrinterSimulator.BYTES);
    }

    @Test
    void aMissingFontGivesOneLineNamingTheDebianPackage() {
        ReceiptRenderer r = new ReceiptRenderer(PrinterProfile.MM58, dir.resolve("no-such-font.ttc"));
        String problem = r.fontProblem().orElseThrow();
        assertTrue(problem.contains("fonts-wqy-zenhei"), problem);
        assertEquals(1, problem.lines().count());
    }

    @Test
    void theInstalledFontIsFound() {
        assertEquals(java.util.Optional.empty(), new ReceiptRenderer(PrinterProfile.MM58).fontProblem(),
                "install fonts-wqy-zenhei (./kiosk test does) to render Chinese receipts");
    }

    private static int darkDots(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    n++;
                }
            }
        }
        return n;
    }
}
