package org.bianmin.kiosk.print;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.device.DeviceError;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.document.sim.SpoolDocumentPrinter;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.EscPosSettings;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.bianmin.kiosk.backend.PrintState;
import org.bianmin.kiosk.print.PrintProgress.Phase;
import org.bianmin.kiosk.print.RecordingBackend.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order printed on the A4 simulator and the ESC/POS receipt printer simulator over an in-memory
 * cable: what comes out, what the backend is told, and what a retry does.
 */
class LedgerPrintingTest {
    static final int BAUD = 115200;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T02:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    SpoolDocumentPrinter a4;
    ReceiptPrinterSimulator receiptSimulator;
    EscPosReceiptPrinter receiptPrinter;
    RecordingBackend backend = new RecordingBackend();
    LedgerPrinting printing;
    List<PrintProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void devices() throws Exception {
        a4 = new SpoolDocumentPrinter("a4-printer", dir.resolve("a4"));
        a4.open();
        a4.enable();
        MemoryLink.Pair cable = MemoryLink.pair("receipt-printer");
        receiptSimulator = new ReceiptPrinterSimulator(cable.device(), SerialSettings.of(BAUD), PrinterProfile.MM80).start();
        receiptPrinter = new EscPosReceiptPrinter("receipt-printer", cable.host(), PrinterProfile.MM80,
                EscPosSettings.DEFAULTS.withLineBaud(BAUD), PrintLedger.inMemory(), Statistics.inMemory(), new Listeners());
        receiptPrinter.open();
        receiptPrinter.enable();
        printing = new LedgerPrinting(a4, receiptPrinter, backend, "城关镇便民服务中心 1号机", CLOCK);
    }

    @AfterEach
    void close() {
        printing.close();
        receiptPrinter.close();
        receiptSimulator.close();
        a4.close();
    }

    PrintOutcome print(PrintOrder order) throws Exception {
        return printing.print(order, progress::add).get();
    }

    long receiptsOnPaper() {
        return receiptSimulator.statistics().get(ReceiptPrinterSimulator.RECEIPTS);
    }

    List<Phase> phases(PrintPart part) {
        return progress.stream().filter(p -> p.part() == part).map(PrintProgress::phase).toList();
    }

    @Test
    void anOrderPrintsTheDocumentThenAReceiptWithTheCaseNumberVerificationCodeAndQr() throws Exception {
        PrintOrder order = Orders.order(Locale.SIMPLIFIED_CHINESE);
        PrintOutcome outcome = print(order);

        assertTrue(outcome.documentPrinted() && outcome.receiptPrinted(), outcome.toString());
        assertEquals(1, a4.printed().size());
        assertArrayEquals(order.document().pdf(), Files.readAllBytes(a4.printed().get(0)));
        await().until(() -> receiptSimulator.receipts().size() == 1);
        PrintedReceipt receipt = receiptSimulator.receipts().get(0);
        assertTrue(receipt.text().contains(Orders.CASE_NUMBER) && receipt.text().contains(Orders.VERIFICATION_CODE), receipt.text());
        assertTrue(receipt.text().contains("办件编号") && receipt.text().contains("社保参保证明打印"), receipt.text());
        assertTrue(receipt.text().contains("张*三"), receipt.text());
        assertEquals(List.of(Orders.VERIFY_URL), receipt.qrPayloads());
        assertTrue(receipt.cut());

        String a4Key = order.idempotencyKey() + "-a4";
        assertEquals(List.of(new Report(a4Key, "doc-0001", PrintState.QUEUED, null), new Report(a4Key, "doc-0001", PrintState.PRINTED, null)),
                backend.reports);
        assertEquals(List.of(Phase.WAITING, Phase.CHECKING, Phase.PRINTING, Phase.DONE), phases(PrintPart.DOCUMENT));
        assertEquals(List.of(Phase.WAITING, Phase.CHECKING, Phase.PRINTING, Phase.DONE), phases(PrintPart.RECEIPT));
    }

    @Test
    void anEnglishOrderGetsAnEnglishReceipt() throws Exception {
        assertTrue(print(Orders.order(Locale.ENGLISH)).receiptPrinted());
        await().until(() -> receiptSimulator.receipts().size() == 1);
        String text = receiptSimulator.receipts().get(0).text();
        assertTrue(text.contains("Case No.") && text.contains("Verification code") && text.contains(Orders.CASE_NUMBER), text);
    }

    @Test
    void paperOutOnTheA4PrinterFailsTheDocumentAsPaperOutAndNothingIsPrinted() throws Exception {
        a4.paperOut();
        PrintOrder order = Orders.order(Locale.SIMPLIFIED_CHINESE);
        PrintOutcome outcome = print(order);

        assertEquals(Phase.FAILED, outcome.document().phase());
        assertEquals(Optional.of(DeviceError.PAPER_OUT), outcome.documentError());
        assertEquals(Phase.SKIPPED, outcome.receipt().phase());
        assertEquals(List.of(), a4.printed());
        assertEquals(0, receiptsOnPaper());
        String a4Key = order.idempotencyKey() + "-a4";
        assertEquals(List.of(new Report(a4Key, "doc-0001", PrintState.QUEUED, null),
                new Report(a4Key, "doc-0001", PrintState.FAILED, "PRN-01 PAPER_OUT")), backend.reports);
        assertEquals(List.of(Phase.WAITING, Phase.CHECKING, Phase.FAILED), phases(PrintPart.DOCUMENT));
    }

    @Test
    void paperOutOnTheReceiptPrinterLeavesTheDocumentDoneAndFailsOnlyTheReceipt() throws Exception {
        receiptSimulator.paperOut();
        PrintOrder order = Orders.order(Locale.SIMPLIFIED_CHINESE);
        PrintOutcome outcome = print(order);

        assertTrue(outcome.documentPrinted(), outcome.toString());
        assertEquals(PrintProgress.failed(PrintPart.RECEIPT, DeviceError.PAPER_OUT), outcome.receipt());
        assertEquals(1, a4.printed().size());
        assertEquals(0, receiptsOnPaper());
        assertEquals(PrintState.PRINTED, backend.reports.get(backend.reports.size() - 1).state());
    }

    @Test
    void printingTheSameOrderAgainPrintsNothingAndReportsNothingAgain() throws Exception {
        PrintOrder order = Orders.order(Locale.SIMPLIFIED_CHINESE);
        print(order);
        assertEquals(1, receiptsOnPaper());
        List<Report> reported = List.copyOf(backend.reports);

        PrintOutcome again = print(order);
        assertTrue(again.documentPrinted() && again.receiptPrinted(), again.toString());
        assertEquals(1, a4.printed().size());
        assertEquals(1, receiptsOnPaper());
        assertEquals(reported, backend.reports);
    }

    @Test
    void aFreshPrintingOverTheSameDevicesStillPrintsNothingTwiceForTheirLedgersRemember() throws Exception {
        PrintOrder order = Orders.order(Locale.SIMPLIFIED_CHINESE);
        print(order);
        printing.close();
        printing = new LedgerPrinting(a4, receiptPrinter, backend, "城关镇便民服务中心 1号机", CLOCK);

        PrintOutcome again = print(order);
        assertTrue(again.documentPrinted() && again.receiptPrinted(), again.toString());
        assertEquals(1, a4.printed().size());
        assertEquals(1, receiptsOnPaper());
        assertEquals(1, backend.reports.stream().filter(r -> r.state() == PrintState.PRINTED).count(),
                "a repeated print is not reported as a new one");
    }

    @Test
    void aReceiptThatFailedIsPrintedWhenTheSameOrderIsRetriedAndTheDocumentIsNot() throws Exception {
        receiptSimulator.paperOut();
        PrintOrder order = Orders.order(Locale.SIMPLIFIED_CHINESE);
        assertEquals(Phase.FAILED, print(order).receipt().phase());
        receiptSimulator.loadPaper();

        PrintOutcome again = print(order);
        assertTrue(again.documentPrinted() && again.receiptPrinted(), again.toString());
        assertEquals(1, a4.printed().size());
        assertEquals(1, receiptsOnPaper());
    }

    @Test
    void anUnreachableBackendDoesNotFailThePrint() throws Exception {
        backend.unreachable = true;
        PrintOutcome outcome = print(Orders.order(Locale.SIMPLIFIED_CHINESE));
        assertTrue(outcome.documentPrinted() && outcome.receiptPrinted(), outcome.toString());
        assertEquals(1, a4.printed().size());
        assertEquals(1, receiptsOnPaper());
    }

    @Test
    void aProgressListenerThatThrowsDoesNotStopThePrint() throws Exception {
        PrintOutcome outcome = printing.print(Orders.order(Locale.SIMPLIFIED_CHINESE), p -> {
            throw new IllegalStateException("a broken screen");
        }).get();
        assertTrue(outcome.documentPrinted() && outcome.receiptPrinted(), outcome.toString());
    }

    @Test
    void aDocumentWipedBeforeItPrintedFailsTheOrderInsteadOfTheFuture() throws Exception {
        PrintOrder order = Orders.order(Locale.SIMPLIFIED_CHINESE);
        order.document().wipe();
        PrintOutcome outcome = print(order);
        assertEquals(Optional.of(DeviceError.INTERNAL), outcome.documentError());
        assertEquals(List.of(), a4.printed());
    }

    @Test
    void anOrderKeyTheBackendCannotTakeIsRefusedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> printing.print(Orders.order("short", "张*三", Locale.SIMPLIFIED_CHINESE), p -> { }));
        assertTrue(e.getMessage().contains("8 to 61"), e.getMessage());
    }
}
