package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintLedgerTest {
    private static final Instant AT = Instant.parse("2025-03-01T02:03:04Z");

    @TempDir
    Path dir;

    @Test
    void entriesSurviveAReload() throws Exception {
        Path file = dir.resolve("ledger.tsv");
        PrintLedger l = PrintLedger.load(file);
        l.record(new PrintLedger.Entry("txn-1", PrintLedger.State.DONE, null, "printed", 812, AT));
        l.record(new PrintLedger.Entry("txn-2", PrintLedger.State.FAILED, DeviceError.PAPER_OUT, "paper\tran\nout", 300, AT));
        List<PrintLedger.Entry> back = PrintLedger.load(file).entries();
        assertEquals(List.of(
                new PrintLedger.Entry("txn-1", PrintLedger.State.DONE, null, "printed", 812, AT),
                new PrintLedger.Entry("txn-2", PrintLedger.State.FAILED, DeviceError.PAPER_OUT, "paper ran out", 300, AT)), back);
    }

    @Test
    void aNewerRecordOfAKeyReplacesTheOlder() throws Exception {
        PrintLedger l = PrintLedger.inMemory();
        l.record(new PrintLedger.Entry("k", PrintLedger.State.QUEUED, null, "queued", 0, AT));
        l.record(new PrintLedger.Entry("k", PrintLedger.State.DONE, null, "printed", 10, AT));
        assertEquals(PrintLedger.State.DONE, l.find("k").orElseThrow().state());
        assertEquals(1, l.entries().size());
    }

    @Test
    void unreadableLinesAreSkippedAndTheRestIsKept() throws Exception {
        Path file = dir.resolve("ledger.tsv");
        Files.writeString(file, "garbage\nk\tDONE\t-\t10\t" + AT + "\tprinted\nk2\tNOPE\t-\t1\t" + AT + "\tx\n", StandardCharsets.UTF_8);
        assertEquals(List.of("k"), PrintLedger.load(file).entries().stream().map(PrintLedger.Entry::key).toList());
    }

    @Test
    void theOldestEntriesGoWhenTheLedgerIsFull() throws Exception {
        PrintLedger l = PrintLedger.load(dir.resolve("small.tsv"), 2);
        for (String k : List.of("a", "b", "c")) {
            l.record(new PrintLedger.Entry(k, PrintLedger.State.DONE, null, "printed", 1, AT));
        }
        assertEquals(List.of("b", "c"), l.entries().stream().map(PrintLedger.Entry::key).toList());
    }

    @Test
    void keysAreCheckedWithAMessageSayingWhatToUse() {
        assertEquals("idempotency key is missing; give each receipt a unique key, e.g. the transaction number",
                assertThrows(IllegalArgumentException.class, () -> PrintLedger.checkKey(null)).getMessage());
        assertEquals("idempotency key is 201 characters; use at most 200",
                assertThrows(IllegalArgumentException.class, () -> PrintLedger.checkKey("k".repeat(201))).getMessage());
        PrintLedger.checkKey("交易-2025-0001");
    }

    @Test
    void aLedgerFileThatCannotBeWrittenIsATypedError() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        PrintLedger l = PrintLedger.load(plain.resolve("ledger.tsv"));
        DeviceException e = assertThrows(DeviceException.class,
                () -> l.record(new PrintLedger.Entry("k", PrintLedger.State.QUEUED, null, "queued", 0, AT)));
        assertEquals(DeviceError.INTERNAL, e.error());
    }
}
