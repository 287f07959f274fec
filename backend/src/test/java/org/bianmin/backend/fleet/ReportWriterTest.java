package org.bianmin.backend.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.LayerReport;
import org.bianmin.backend.store.ReportStatus;
import org.bianmin.backend.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group commit of config reports on a real database: a report's future completes only once it is stored, and a
 * report that cannot be stored fails alone without taking the others of its batch with it.
 */
class ReportWriterTest {
    static final int KIOSKS = 200;

    Store store;
    ReportWriter writer;

    @BeforeEach
    void open() {
        store = Store.open("jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Clock.systemUTC());
        for (int i = 0; i < KIOSKS; i++) {
            store.kiosks().add(new Kiosk(id(i), "便民服务中心 " + i), String.format(Locale.ROOT, "%064x", i));
        }
        writer = new ReportWriter(store.configs(), Runnable::run, changed -> { });
    }

    @AfterEach
    void close() {
        writer.close();
        store.close();
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "kiosk-%03d", i);
    }

    static List<LayerReport> applied(long version) {
        return List.of(new LayerReport("fleet", version, version, ReportStatus.APPLIED, null, Instant.parse("2026-03-02T01:30:00Z")));
    }

    @Test
    void aBurstOfReportsIsStoredWholeByTheTimeEachFutureCompletes() {
        List<CompletableFuture<Void>> stored = new ArrayList<>();
        for (int i = 0; i < KIOSKS; i++) {
            stored.add(writer.submit(id(i), applied(3)));
        }
        CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();

        var reports = store.configs().reports();
        assertEquals(KIOSKS, reports.size());
        reports.values().forEach(r -> assertEquals(3L, r.get("fleet").runs()));
    }

    @Test
    void aReportThatCannotBeStoredFailsAloneAndTheOthersOfItsBatchAreStored() {
        List<CompletableFuture<Void>> good = new ArrayList<>();
        for (int i = 0; i < KIOSKS / 2; i++) {
            good.add(writer.submit(id(i), applied(2)));
        }
        // no such kiosk: the database refuses the row (foreign key), and with it the transaction it shares with others
        CompletableFuture<Void> bad = writer.submit("never-registered", applied(2));
        for (int i = KIOSKS / 2; i < KIOSKS; i++) {
            good.add(writer.submit(id(i), applied(2)));
        }

        assertThrows(ExecutionException.class, bad::get);
        CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).join();

        assertEquals(KIOSKS, store.configs().reports().size());
        assertTrue(store.configs().reports().keySet().stream().allMatch(k -> k.startsWith("kiosk-")));
    }
}
