package org.bianmin.device.document;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.Statistics;
import org.bianmin.device.document.sim.SpoolDocumentPrinter;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against the simulator, and what only a simulator can stage: paper out, a stall, a restart. */
class SpoolDocumentPrinterTest extends DocumentPrinterContract {
    @TempDir
    Path dir;

    SpoolDocumentPrinter printer;

    @BeforeEach
    void start() throws Exception {
        printer = started(new SpoolDocumentPrinter("a4-printer", dir.resolve("out")));
    }

    @AfterEach
    void stop() {
        printer.close();
    }

    private static SpoolDocumentPrinter started(SpoolDocumentPrinter p) throws Exception {
        p.open();
        p.enable();
        return p;
    }

    @Override
    protected DocumentPrinter printer() {
        return printer;
    }

    @Override
    protected List<Path> outputs() {
        return printer.printed();
    }

    @Override
    protected void takeOffline() {
        printer.offline();
    }

    @Override
    protected void bringOnline() {
        printer.online();
    }

    @Test
    void theFileIsNamedWithItsNumberAndTitle() throws Exception {
        printer.print(TestPdfs.withMarker("m", 1), "社会保险参保证明", key()).get();
        assertEquals("001-社会保险参保证明.pdf", printer.printed().get(0).getFileName().toString());
    }

    @Test
    void paperOutRefusesTheJobAsPaperOutAndNothingComesOut() throws Exception {
        List<DeviceEvent> events = new CopyOnWriteArrayList<>();
        printer.addListener(events::add);
        printer.paperOut();
        PrintResult r = printer.print(TestPdfs.withMarker("m", 1), "证明", key()).get();
        assertEquals(PrintResult.Outcome.REFUSED, r.outcome());
        assertEquals(DeviceError.PAPER_OUT, r.error());
        assertEquals(List.of(), printer.printed());
        assertTrue(events.stream().anyMatch(e -> e instanceof PrinterEvent.PaperOut), events.toString());
    }

    @Test
    void aJobThatDoesNotFinishInTimeIsCancelledAndNeverComesOutLater() throws Exception {
        printer.close();
        printer = started(new SpoolDocumentPrinter("a4-printer", dir.resolve("slow"),
                SpoolDocumentPrinter.SETTINGS.withJobTimeout(Duration.ofMillis(300)), PrintLedger.inMemory(), Statistics.inMemory()));
        printer.stall(Duration.ofHours(1));
        String key = key();
        PrintResult r = printer.print(TestPdfs.withMarker("slow", 1), "证明", key).get();
        assertEquals(PrintResult.Outcome.FAILED, r.outcome(), r.toString());
        assertEquals(DeviceError.TIMEOUT, r.error());
        assertTrue(r.bytesSent() > 0);

        assertTrue(printer.print(TestPdfs.withMarker("next", 1), "证明", key()).get().printed());
        assertEquals(1, printer.printed().size(), "only the next job came out: the late one was cancelled");
        PrintResult retry = printer.print(TestPdfs.withMarker("slow", 1), "证明", key).get();
        assertTrue(retry.repeated() && !retry.mayRetryWithSameKey(), retry.toString());
        assertEquals(1, printer.printed().size());
    }

    @Test
    void paperRunningOutWhileTheJobPrintsFailsItAsPaperOutAndItNeverComesOutLater() throws Exception {
        printer.close();
        printer = started(new SpoolDocumentPrinter("a4-printer", dir.resolve("empty"),
                SpoolDocumentPrinter.SETTINGS.withJobTimeout(Duration.ofMillis(500)), PrintLedger.inMemory(), Statistics.inMemory()));
        printer.stall(Duration.ofHours(1));
        var job = printer.print(TestPdfs.withMarker("m", 1), "证明", key());
        await().until(() -> printer.jobsWaiting() == 1);
        printer.paperOut();
        PrintResult r = job.get();
        assertEquals(PrintResult.Outcome.FAILED, r.outcome(), r.toString());
        assertEquals(DeviceError.PAPER_OUT, r.error());
        printer.paperIn();
        assertEquals(0, printer.jobsWaiting(), "the job was cancelled");
        assertTrue(printer.print(TestPdfs.withMarker("next", 1), "证明", key()).get().printed());
        assertEquals(1, printer.printed().size());
    }

    @Test
    void theLedgerInAFileKeepsAPrintedKeyFromPrintingAgainAfterARestart() throws Exception {
        Path ledger = dir.resolve("ledger.tsv");
        Path out = dir.resolve("kept");
        String key = key();
        try (SpoolDocumentPrinter first = started(new SpoolDocumentPrinter("a4-printer", out, SpoolDocumentPrinter.SETTINGS,
                PrintLedger.load(ledger), Statistics.inMemory()))) {
            assertTrue(first.print(TestPdfs.withMarker("m", 1), "证明", key).get().printed());
        }
        try (SpoolDocumentPrinter second = started(new SpoolDocumentPrinter("a4-printer", out, SpoolDocumentPrinter.SETTINGS,
                PrintLedger.load(ledger), Statistics.inMemory()))) {
            PrintResult r = second.print(TestPdfs.withMarker("m", 1), "证明", key).get();
            assertTrue(r.repeated(), r.toString());
            assertEquals(List.of(), second.printed());
        }
        try (var files = Files.list(out)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void bytesThatAreNotAPdfAreRefusedBeforeTheyReachThePrinter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> printer.print("hello".getBytes(), "证明", key()));
        assertTrue(e.getMessage().contains("not a PDF"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> printer.print("%PDF-1.7 broken".getBytes(), "证明", key()));
    }
}
