package org.bianmin.device.printer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.printer.sim.PaperItem;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status read after a job on a serial line whose writes return before the bytes have left,
 * as a real port's do: the reply waits behind the last burst and behind replies to DLE EOT
 * sequences inside the job's data.
 */
class StatusDuringAJobTest {
    private static final SerialSettings LINE = SerialSettings.of(19200);
    /** Less than the wire time of a full burst at 19200 baud (1024 B ≈ 530 ms), one try only. */
    private static final EscPosSettings SETTINGS = EscPosSettings.DEFAULTS.withAfterJobWait(Duration.ZERO)
            .withPollInterval(Duration.ZERO).withLineBaud(LINE.baud()).withStatusTimeout(Duration.ofMillis(300)).withStatusAttempts(1);

    private ReceiptPrinterSimulator simulator;
    private EscPosReceiptPrinter printer;

    @BeforeEach
    void connect() throws Exception {
        MemoryLink.Pair pair = MemoryLink.pair("printer");
        simulator = new ReceiptPrinterSimulator(pair.device(), LINE, PrinterProfile.MM80).tearOffAfter(Duration.ofMillis(200)).start();
        printer = new EscPosReceiptPrinter("receipt-printer", new TransmitQueueLink(pair.host(), LINE), PrinterProfile.MM80, SETTINGS,
                PrintLedger.inMemory(), Statistics.inMemory(), new Listeners());
        printer.open();
        printer.enable();
    }

    @AfterEach
    void disconnect() {
        printer.close();
        simulator.close();
    }

    private static Receipt picture(int bytesPerRow, int rows, byte[] data) {
        return Receipt.builder().line("受理回执").image(RasterImage.ofBytes(bytesPerRow, rows, data).toImage(), Dither.THRESHOLD).cut().build();
    }

    private PrintedReceipt onlyReceipt() {
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.receipts().size() >= 1);
        assertEquals(1, simulator.receipts().size());
        return simulator.receipts().get(0);
    }

    @Test
    void theStatusAfterAJobWaitsForTheLastBurstStillOnTheWire() throws Exception {
        byte[] black = new byte[72 * 13];
        Arrays.fill(black, (byte) 0xFF);
        Receipt receipt = picture(72, 13, black);
        int jobBytes = new EscPosEncoder(PrinterProfile.MM80).encode(receipt).length;
        assertTrue(jobBytes > 900 && jobBytes <= SETTINGS.burstBytes(), "one burst of about a second's worth at 9600 baud: " + jobBytes);

        PrintResult result = printer.print(receipt, "txn-burst").get(30, TimeUnit.SECONDS);

        assertEquals(PrintResult.Outcome.PRINTED, result.outcome(), result.toString());
        assertTrue(onlyReceipt().items().stream().anyMatch(i -> i instanceof PaperItem.Raster));
    }

    @Test
    void repliesToDleEotInsideRasterDataAreNotTakenForTheStatus() throws Exception {
        // near end: DLE EOT 4 answers 0x1E, which read as the reply to DLE EOT 1 would mean offline
        simulator.paperNearEnd();
        byte[] row = {0x10, 0x04, 0x04, 0x10, 0x04, 0x03, 0x10, 0x04, 0x02, 0x10, 0x04, 0x01};

        PrintResult result = printer.print(picture(row.length, 1, row), "txn-raster").get(30, TimeUnit.SECONDS);

        assertEquals(PrintResult.Outcome.PRINTED, result.outcome(), result.toString());
        PaperItem.Raster raster = (PaperItem.Raster) onlyReceipt().items().stream()
                .filter(i -> i instanceof PaperItem.Raster).findFirst().orElseThrow();
        assertArrayEquals(row, raster.image().rows(0, 1));
    }
}
