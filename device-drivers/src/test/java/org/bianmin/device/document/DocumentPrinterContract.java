package org.bianmin.device.document;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bianmin.device.DeviceError;
import org.bianmin.device.printer.PrintResult;
import org.junit.jupiter.api.Test;

/**
 * What every A4 printer does, run against the simulator and against a real CUPS queue: a job comes
 * out with its text, a key prints once, and a printer that cannot print refuses without sending.
 */
abstract class DocumentPrinterContract {

    /** The printer under test, open and enabled. */
    protected abstract DocumentPrinter printer();

    /** Every PDF that has come out so far, oldest first. */
    protected abstract List<Path> outputs() throws Exception;

    protected abstract void takeOffline() throws Exception;

    protected abstract void bringOnline() throws Exception;

    protected Duration outputWait() {
        return Duration.ofSeconds(30);
    }

    static String key() {
        return "test-" + UUID.randomUUID();
    }

    private Path awaitNewOutput(int before) throws Exception {
        await().atMost(outputWait()).until(() -> outputs().size() > before);
        List<Path> all = outputs();
        assertEquals(before + 1, all.size(), "one job, one PDF out: " + all);
        return all.get(all.size() - 1);
    }

    @Test
    void aPrintedDocumentComesOutWithItsText() throws Exception {
        String marker = "BIANMIN-" + UUID.randomUUID();
        int before = outputs().size();
        PrintResult r = printer().print(TestPdfs.withMarker(marker, 1), "社会保险参保证明", key()).get();
        assertTrue(r.printed(), r.toString());
        assertTrue(!r.repeated() && r.bytesSent() > 0, r.toString());
        assertTrue(Poppler.pdftotext(awaitNewOutput(before)).contains(marker));
    }

    @Test
    void aSecondPrintWithTheSameKeyPrintsNothing() throws Exception {
        String key = key();
        int before = outputs().size();
        assertTrue(printer().print(TestPdfs.withMarker("first", 1), "证明", key).get().printed());
        awaitNewOutput(before);
        PrintResult again = printer().print(TestPdfs.withMarker("second", 1), "证明", key).get();
        assertTrue(again.repeated(), again.toString());
        assertEquals(PrintResult.Outcome.PRINTED, again.outcome());
        assertEquals(DeviceError.ALREADY_PRINTED, again.error());
        assertEquals(before + 1, outputs().size(), "the repeated key sent nothing");
    }

    @Test
    void anOfflinePrinterRefusesTheJobWithoutSendingItAndTheSameKeyPrintsOnceItIsBack() throws Exception {
        String key = key();
        int before = outputs().size();
        takeOffline();
        try {
            assertEquals(DeviceError.PRINTER_OFFLINE, printer().status().get().problem().orElseThrow());
            PrintResult r = printer().print(TestPdfs.withMarker("offline", 1), "证明", key).get();
            assertEquals(PrintResult.Outcome.REFUSED, r.outcome(), r.toString());
            assertEquals(DeviceError.PRINTER_OFFLINE, r.error());
            assertEquals(0, r.bytesSent());
            assertEquals(0, printer().status().get().queuedJobs(), "no job left waiting to print later");
        } finally {
            bringOnline();
        }
        assertTrue(printer().status().get().ready());
        assertTrue(printer().print(TestPdfs.withMarker("back", 1), "证明", key).get().printed());
        awaitNewOutput(before);
    }

    @Test
    void pagesAndJobsAreCounted() throws Exception {
        long jobs = printer().statistics().get(CupsDocumentPrinter.JOBS);
        long pages = printer().statistics().get(CupsDocumentPrinter.PAGES);
        int before = outputs().size();
        assertTrue(printer().print(TestPdfs.withMarker("two pages", 2), "证明", key()).get().printed());
        awaitNewOutput(before);
        assertEquals(jobs + 1, printer().statistics().get(CupsDocumentPrinter.JOBS));
        assertEquals(pages + 2, printer().statistics().get(CupsDocumentPrinter.PAGES));
    }
}
