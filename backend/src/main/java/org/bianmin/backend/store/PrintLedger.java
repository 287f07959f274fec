package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The print ledger: one record per idempotency key, so a kiosk that retries never counts a job twice.
 *
 * <p>Rules: the first report creates the record; repeating the current report changes nothing and returns the same
 * record; {@code queued} may move on to {@code printed} or {@code failed}; anything else for the same key (another
 * document, another kiosk, a final state changed) is a {@link ConflictException}. Final states are audited.
 */
public final class PrintLedger {
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public PrintLedger(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks an idempotency key from a request path. */
    public static String checkKey(String key) {
        return Checks.matches("idempotencyKey", key, KEY, "must be 8 to 64 letters, digits, underscores or hyphens (a UUID fits)");
    }

    /**
     * Records {@code report} under {@code key} for {@code kioskId} and returns the ledger's record.
     *
     * @throws ConflictException if the key already stands for something the report contradicts
     */
    public PrintRecord record(String kioskId, String key, PrintReport report) {
        checkKey(key);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            return jdbi.inTransaction(h -> {
                Optional<PrintRecord> existing = find(h, key, true);
                if (existing.isEmpty()) {
                    h.createUpdate("INSERT INTO print_jobs (idempotency_key, kiosk_id, document_id, state, reason, created_at, "
                                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                            .bind(0, key).bind(1, kioskId).bind(2, report.documentId()).bind(3, report.state().wireName())
                            .bind(4, report.reason()).bind(5, Sql.timestamp(now)).bind(6, Sql.timestamp(now)).execute();
                    auditIfFinal(h, kioskId, key, report, now);
                    return new PrintRecord(key, kioskId, report, now, now);
                }
                return update(h, existing.get(), kioskId, report, now);
            });
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                // another request inserted the same key between our read and our insert: judge against what it wrote
                return jdbi.inTransaction(h -> update(h, find(h, key, true).orElseThrow(), kioskId, report, now));
            }
            throw e;
        }
    }

    private PrintRecord update(Handle h, PrintRecord current, String kioskId, PrintReport report, Instant now) {
        String key = current.idempotencyKey();
        if (!current.kioskId().equals(kioskId)) {
            throw new ConflictException("idempotency key " + key + " belongs to another kiosk's print job");
        }
        PrintReport was = current.report();
        if (!was.documentId().equals(report.documentId())) {
            throw new ConflictException("idempotency key " + key + " was used for document " + was.documentId()
                    + ", not " + report.documentId());
        }
        if (was.state() == report.state() && Objects.equals(was.reason(), report.reason())) {
            return current;
        }
        if (was.state().isFinal()) {
            throw new ConflictException("print job " + key + " is already " + was.state().wireName()
                    + "; a final state cannot change to " + report.state().wireName());
        }
        if (report.state() == PrintState.QUEUED) {
            throw new ConflictException("print job " + key + " is already queued");
        }
        h.createUpdate("UPDATE print_jobs SET state = ?, reason = ?, updated_at = ? WHERE idempotency_key = ?")
                .bind(0, report.state().wireName()).bind(1, report.reason()).bind(2, Sql.timestamp(now)).bind(3, key)
                .execute();
        auditIfFinal(h, kioskId, key, report, now);
        return new PrintRecord(key, kioskId, report, current.createdAt(), now);
    }

    private void auditIfFinal(Handle h, String kioskId, String key, PrintReport report, Instant now) {
        if (report.state().isFinal()) {
            String detail = "job " + key + (report.reason() == null ? "" : ": " + report.reason());
            audit.record(h, new AuditEvent(now, kioskId, "document." + report.state().wireName(), report.documentId(), detail));
        }
    }

    /** The record for {@code key}, if any. */
    public Optional<PrintRecord> find(String key) {
        return jdbi.withHandle(h -> find(h, key, false));
    }

    private static Optional<PrintRecord> find(Handle h, String key, boolean lock) {
        return h.createQuery("SELECT idempotency_key, kiosk_id, document_id, state, reason, created_at, updated_at "
                        + "FROM print_jobs WHERE idempotency_key = ?" + (lock ? " FOR UPDATE" : ""))
                .bind(0, key)
                .map((rs, ctx) -> new PrintRecord(rs.getString("idempotency_key"), rs.getString("kiosk_id"),
                        new PrintReport(rs.getString("document_id"), PrintState.fromWire(rs.getString("state")),
                                rs.getString("reason")),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")))
                .findOne();
    }
}
