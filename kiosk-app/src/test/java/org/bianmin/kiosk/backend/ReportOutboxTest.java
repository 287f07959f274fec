package org.bianmin.kiosk.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bianmin.kiosk.backend.ReportOutbox.Entry;
import org.bianmin.kiosk.backend.ReportOutbox.EvaluationReport;
import org.bianmin.kiosk.backend.ReportOutbox.PrintReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutboxTest {
    @TempDir
    Path dir;

    final PrintReport failed = new PrintReport("job-00000001", "doc-1", PrintState.FAILED, "paper out");
    final Evaluation evaluation = new Evaluation("BM20260101-ABCDEFGHJK", Grade.DISSATISFIED, 3, List.of("TOO_SLOW"),
            Optional.of("张三说太慢了"));

    @Test
    void pendingReportsSurviveAReopenInOrderWithWhetherTheyWereTried() throws IOException {
        ReportOutbox outbox = ReportOutbox.open(dir);
        Entry first = outbox.add(failed);
        outbox.add(new EvaluationReport(evaluation));
        outbox.markTried(first.seq());

        List<Entry> reopened = ReportOutbox.open(dir).entries();

        assertEquals(2, reopened.size());
        assertEquals(failed, reopened.get(0).report());
        assertTrue(reopened.get(0).tried());
        Evaluation back = ((EvaluationReport) reopened.get(1).report()).evaluation();
        assertEquals(new Evaluation(evaluation.caseNumber(), evaluation.grade(), 3, List.of("TOO_SLOW"), Optional.empty()), back);
        assertFalse(reopened.get(1).tried());
    }

    @Test
    void theFileNeverHoldsAnEvaluationsFreeTextComment() throws IOException {
        ReportOutbox outbox = ReportOutbox.open(dir);
        outbox.add(new EvaluationReport(evaluation));

        String file = Files.readString(outbox.file(), StandardCharsets.UTF_8);

        assertTrue(file.contains("BM20260101-ABCDEFGHJK"), file);
        assertFalse(file.contains("张三"), file);
        assertTrue(((EvaluationReport) outbox.head().orElseThrow().report()).evaluation().comment().isPresent());
    }

    @Test
    void aDeliveredReportLeavesTheFileWithoutItAndNoTemporaryFileBehind() throws IOException {
        ReportOutbox outbox = ReportOutbox.open(dir);
        Entry e = outbox.add(failed);

        outbox.remove(e.seq());

        assertEquals(0, ReportOutbox.open(dir).size());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(ReportOutbox.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anUnreadableFileIsMovedAsideAndTheOutboxStartsEmpty() throws IOException {
        Files.writeString(dir.resolve(ReportOutbox.FILE_NAME), "{\"items\":[{\"kind\":\"telegram\"}]}");

        ReportOutbox outbox = ReportOutbox.open(dir);

        assertEquals(0, outbox.size());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(ReportOutbox.FILE_NAME + ".unreadable-")));
        }
        outbox.add(failed);
        assertEquals(1, ReportOutbox.open(dir).size());
    }
}
