package org.bianmin.device.printer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.MemoryLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's own duties: ledger, events, counters, health, lifecycle; against the in-memory simulator or a scripted device. */
class EscPosReceiptPrinterTest {
    private static final Receipt SHORT = Receipt.builder().centre().line("受理回执").line("No. 2025-0001").cut().build();

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private PrinterRig rig(PrinterProfile p) {
        PrinterRig r = PrinterRig.memory(p);
        toClose.add(r);
        return r;
    }

    private EscPosReceiptPrinter printer(PrinterRig r, PrinterProfile p, EscPosSettings s, PrintLedger l, Statistics st) throws Exception {
        EscPosReceiptPrinter printer = r.printer(p, s, l, st);
        toClose.add(printer);
        return printer;
    }

    private static PrintResult print(EscPosReceiptPrinter p, Receipt r, String key) throws Exception {
        return p.print(r, key).get(30, TimeUnit.SECONDS);
    }

    @Test
    void xonAndXoffInFrontOfAReplyAreSkipped() throws Exception {
        MemoryLink.Pair pair = MemoryLink.pair("xon");
        Thread device = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    pair.device().readExactly(3, Duration.ofSeconds(30));
                    pair.device().write(new byte[] {EscPos.XON, EscPos.XOFF, 0x12});
                }
            } catch (LinkException e) {
                // the host closed the link: the scripted device is done
            }
        });
        EscPosReceiptPrinter p = new EscPosReceiptPrinter("receipt-printer", pair.host(), PrinterProfile.MM80, PrinterRig.fastSettings(),
                PrintLedger.inMemory(), Statistics.inMemory(), new Listeners());
        p.open();
        assertEquals(PrinterStatus.ALL_CLEAR, p.status().get(5, TimeUnit.SECONDS));
        p.close();
        device.join(Duration.ofSeconds(5));
        assertFalse(device.isAlive());
    }

    @Test
    void aNoisyReplyIsAnUnexpectedReplyAndTheNextRequestIsAnsweredRight() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings().withStatusAttempts(1), PrintLedger.inMemory(), Statistics.inMemory());
        r.simulator.garbage();
        ExecutionException e = assertThrows(ExecutionException.class, () -> p.status().get(5, TimeUnit.SECONDS));
        assertEquals(DeviceError.UNEXPECTED_REPLY, ((DeviceException) e.getCause()).error());
        assertEquals(PrinterStatus.ALL_CLEAR, p.status().get(5, TimeUnit.SECONDS));
        assertEquals(1, p.statistics().get(Statistics.ERRORS));
    }

    @Test
    void withTwoAttemptsANoisyReplyIsRetriedAndNeverSeen() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.inMemory(), Statistics.inMemory());
        r.simulator.garbage();
        assertEquals(PrinterStatus.ALL_CLEAR, p.status().get(5, TimeUnit.SECONDS));
    }

    @Test
    void eventsReportPaperAndCoverAsTheyComeAndGo() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings().withPollInterval(Duration.ofMillis(30)),
                PrintLedger.inMemory(), Statistics.inMemory());
        List<String> seen = new CopyOnWriteArrayList<>();
        p.addListener(e -> seen.add(describe(e)));

        r.simulator.paperNearEnd();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.equals(List.of("PaperLow")));
        r.simulator.paperOut();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.equals(List.of("PaperLow", "PaperOut")));
        r.simulator.loadPaper();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 4);
        assertEquals(List.of("PaperLow", "PaperOut", "Cleared PAPER_LOW", "Cleared PAPER_OUT"), seen);
        r.simulator.openCover();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 5);
        r.simulator.closeCover();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 6);
        assertEquals(List.of("CoverOpen", "Cleared COVER_OPEN"), seen.subList(4, 6));
        assertTrue(p.lastStatus().orElseThrow().ready());
    }

    private static String describe(DeviceEvent e) {
        return e instanceof PrinterEvent.Cleared c ? "Cleared " + c.condition() : e.getClass().getSimpleName();
    }

    @Test
    void theLedgerFileKeepsAPrintedKeyFromPrintingAgainAfterARestart() throws Exception {
        Path ledger = dir.resolve("ledger.tsv");
        PrinterRig first = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter before = printer(first, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.load(ledger), Statistics.inMemory());
        assertTrue(print(before, SHORT, "txn-2025-0001").printed());
        before.close();

        PrinterRig second = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter after = printer(second, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.load(ledger), Statistics.inMemory());
        PrintResult again = print(after, SHORT, "txn-2025-0001");
        assertEquals(PrintResult.Outcome.PRINTED, again.outcome());
        assertTrue(again.repeated());
        assertEquals(DeviceError.ALREADY_PRINTED, again.error());
        assertEquals(0, second.printBytesSent());
    }

    @Test
    void aJobCutShortByACrashIsNeverSentAgain() throws Exception {
        Path file = dir.resolve("ledger.tsv");
        PrintLedger.load(file).record(new PrintLedger.Entry("txn-7", PrintLedger.State.SENT, null, "sending", 0, Instant.parse("2025-03-01T02:00:00Z")));
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.load(file), Statistics.inMemory());
        PrintResult result = print(p, SHORT, "txn-7");
        assertEquals(PrintResult.Outcome.UNKNOWN, result.outcome());
        assertFalse(result.mayRetryWithSameKey());
        assertTrue(result.detail().contains("new key"), result.detail());
        assertEquals(0, r.printBytesSent());
    }

    @Test
    void statisticsCountReceiptsCutsBytesAndErrorsAndSurviveARestart() throws Exception {
        Path file = dir.resolve("printer.properties");
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.inMemory(), Statistics.load(file));
        assertTrue(print(p, SHORT, "a").printed());
        assertTrue(print(p, SHORT, "b").printed());
        r.simulator.paperOut();
        assertEquals(PrintResult.Outcome.REFUSED, print(p, SHORT, "c").outcome());
        p.close();

        Statistics reloaded = Statistics.load(file);
        int jobBytes = new EscPosEncoder(PrinterProfile.MM80).encode(SHORT).length;
        assertEquals(2, reloaded.get(EscPosReceiptPrinter.RECEIPTS));
        assertEquals(2, reloaded.get(EscPosReceiptPrinter.CUTS));
        assertEquals(2L * jobBytes, reloaded.get(EscPosReceiptPrinter.BYTES));
        assertEquals(1, reloaded.get(Statistics.ERRORS));
    }

    @Test
    void aPrinterWithoutACutterCountsNoCuts() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM58);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM58, PrinterRig.fastSettings(), PrintLedger.inMemory(), Statistics.inMemory());
        assertTrue(print(p, SHORT, "a").printed());
        assertEquals(1, p.statistics().get(EscPosReceiptPrinter.RECEIPTS));
        assertEquals(0, p.statistics().get(EscPosReceiptPrinter.CUTS));
    }

    @Test
    void internalHealthIsTheStatusAndExternalPrintsTheTestReceipt() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.inMemory(), Statistics.inMemory());
        HealthReport ok = p.checkHealth(HealthLevel.INTERNAL);
        assertTrue(ok.healthy(), ok.toString());
        assertEquals("online, paper OK [12 12 12 12]", ok.detail());

        r.simulator.paperOut();
        HealthReport out = p.checkHealth(HealthLevel.INTERNAL);
        assertFalse(out.healthy());
        assertEquals(DeviceError.PAPER_OUT, out.error());
        r.simulator.loadPaper();

        HealthReport printed = p.checkHealth(HealthLevel.EXTERNAL);
        assertTrue(printed.healthy(), printed.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> r.receipts().size() == 1);
        assertTrue(r.receipts().get(0).text().contains(TestReceipts.TITLE));
    }

    @Test
    void aPrinterNotEnabledRefusesJobsAndSaysWhatToCall() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = new EscPosReceiptPrinter("receipt-printer", r.host, PrinterProfile.MM80);
        toClose.add(p);
        p.open();
        PrintResult result = print(p, SHORT, "a");
        assertEquals(PrintResult.Outcome.REFUSED, result.outcome());
        assertEquals(DeviceError.PRINTER_OFFLINE, result.error());
        assertEquals("receipt-printer is OPEN, not enabled; call open() and enable() first", result.detail());
        assertEquals(0, r.printBytesSent());
    }

    @Test
    void aBadIdempotencyKeyIsRefusedWithWhatToUseInstead() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.inMemory(), Statistics.inMemory());
        assertEquals("idempotency key is missing; give each receipt a unique key, e.g. the transaction number",
                assertThrows(IllegalArgumentException.class, () -> p.print(SHORT, " ")).getMessage());
        assertEquals("idempotency key contains a control character (tab, newline…); use letters, digits and - _ . : only",
                assertThrows(IllegalArgumentException.class, () -> p.print(SHORT, "a\tb")).getMessage());
    }

    @Test
    void aClosedPrinterCannotBeOpenedAgainAndSaysWhatToDo() throws Exception {
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings(), PrintLedger.inMemory(), Statistics.inMemory());
        p.close();
        DeviceException e = assertThrows(DeviceException.class, p::open);
        assertEquals("receipt-printer was closed and has let go of mem:printer/host; build a new EscPosReceiptPrinter to use it again", e.getMessage());
        assertEquals(PrintResult.Outcome.REFUSED, print(p, SHORT, "late").outcome());
    }

    @Test
    void openingWhenNothingAnswersIsATimeoutThatNamesTheLink() {
        MemoryLink.Pair pair = MemoryLink.pair("silent");
        EscPosReceiptPrinter p = new EscPosReceiptPrinter("receipt-printer", pair.host(), PrinterProfile.MM80,
                PrinterRig.fastSettings().withStatusTimeout(Duration.ofMillis(50)), PrintLedger.inMemory(), Statistics.inMemory(), new Listeners());
        toClose.add(p);
        DeviceException e = assertThrows(DeviceException.class, p::open);
        assertEquals(DeviceError.TIMEOUT, e.error());
        assertTrue(e.getMessage().startsWith("mem:silent/host: no reply to DLE EOT 1 within 50 ms"), e.getMessage());
    }

    @Test
    void aLedgerThatCannotBeWrittenRefusesTheJobBeforeAnyByte() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        PrinterRig r = rig(PrinterProfile.MM80);
        EscPosReceiptPrinter p = printer(r, PrinterProfile.MM80, PrinterRig.fastSettings(),
                PrintLedger.load(notADirectory.resolve("ledger.tsv")), Statistics.inMemory());
        PrintResult result = print(p, SHORT, "a");
        assertEquals(PrintResult.Outcome.REFUSED, result.outcome());
        assertEquals(DeviceError.INTERNAL, result.error());
        assertTrue(result.detail().contains("could print twice"), result.detail());
        assertEquals(0, r.printBytesSent());
    }
}
