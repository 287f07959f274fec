package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Technician codes by the hash of the code: which kiosk, which technician, who issued it, until when, how often used. */
public final class TechnicianCodes {
    /** How long an expired code stays on record (so a late scan is told "expired", not "unknown"). */
    static final Duration KEEP_EXPIRED = Duration.ofDays(30);

    /**
     * One issued code.
     *
     * @param uses how often the code was verified at its kiosk
     */
    public record TechnicianCode(String codeHash, String kioskId, String technician, String issuedBy, Instant issuedAt,
                                 Instant expiresAt, int uses) {
        public TechnicianCode {
            Kiosk.checkId(kioskId);
            Checks.text("technician", technician, 50);
            Checks.text("issuedBy", issuedBy, 64);
            Checks.present("issuedAt", issuedAt);
            Checks.present("expiresAt", expiresAt);
        }
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public TechnicianCodes(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores a new code, forgets codes long expired, and audits the issue, in one transaction. */
    public void issue(TechnicianCode code) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM technician_codes WHERE expires_at < ?")
                    .bind(0, Sql.timestamp(clock.instant().minus(KEEP_EXPIRED))).execute();
            h.createUpdate("INSERT INTO technician_codes (code_hash, kiosk_id, technician, issued_by, issued_at, expires_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, code.codeHash()).bind(1, code.kioskId()).bind(2, code.technician()).bind(3, code.issuedBy())
                    .bind(4, Sql.timestamp(code.issuedAt().truncatedTo(ChronoUnit.MILLIS)))
                    .bind(5, Sql.timestamp(code.expiresAt().truncatedTo(ChronoUnit.MILLIS))).execute();
            audit.record(h, new AuditEvent(code.issuedAt(), code.kioskId(), "technician-code.issued", code.kioskId(),
                    "admin " + code.issuedBy() + " for " + code.technician() + " until " + code.expiresAt()));
        });
    }

    public Optional<TechnicianCode> find(String codeHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT code_hash, kiosk_id, technician, issued_by, issued_at, expires_at, uses "
                        + "FROM technician_codes WHERE code_hash = ?")
                .bind(0, codeHash)
                .map((rs, ctx) -> new TechnicianCode(rs.getString("code_hash").trim(), rs.getString("kiosk_id"),
                        rs.getString("technician"), rs.getString("issued_by"), Sql.instant(rs, "issued_at"),
                        Sql.instant(rs, "expires_at"), rs.getInt("uses")))
                .findOne());
    }

    /** Counts a successful verification of the code and audits it, in one transaction. */
    public void recordUse(TechnicianCode code, Instant at) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE technician_codes SET uses = uses + 1, last_used_at = ? WHERE code_hash = ?")
                    .bind(0, Sql.timestamp(at.truncatedTo(ChronoUnit.MILLIS))).bind(1, code.codeHash()).execute();
            audit.record(h, new AuditEvent(at, code.kioskId(), "technician-code.accepted", code.kioskId(),
                    code.technician() + ", use " + (code.uses() + 1) + ", issued by admin " + code.issuedBy()));
        });
    }

    /** Audits a code {@code kioskId} scanned and the backend refused, with the reason. */
    public void recordRefusal(String kioskId, String reason, Instant at) {
        audit.record(new AuditEvent(at, kioskId, "technician-code.refused", kioskId, reason));
    }
}
