package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The QR codes citizens and licence holders can show at a kiosk, kept as hashes with the subject each stands for. */
public final class QrCodes {
    private final Jdbi jdbi;
    private final Clock clock;

    public QrCodes(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records that the code with hash {@code codeHash} stands for {@code subject}; a code already known is left as it is. */
    public void register(String codeHash, Subject subject) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbi.useTransaction(h -> {
            boolean known = h.createQuery("SELECT 1 FROM qr_codes WHERE code_hash = ?").bind(0, codeHash)
                    .mapTo(Integer.class).findOne().isPresent();
            if (!known) {
                h.createUpdate("INSERT INTO qr_codes (code_hash, subject_kind, subject_ref, created_at) VALUES (?, ?, ?, ?)")
                        .bind(0, codeHash).bind(1, subject.kind().wireName()).bind(2, subject.ref())
                        .bind(3, Sql.timestamp(now)).execute();
            }
        });
    }

    /** The subject the code with hash {@code codeHash} stands for, if any. */
    public Optional<Subject> find(String codeHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT subject_kind, subject_ref FROM qr_codes WHERE code_hash = ?")
                .bind(0, codeHash)
                .map((rs, ctx) -> new Subject(SubjectKind.fromWire(rs.getString("subject_kind")), rs.getString("subject_ref")))
                .findOne());
    }
}
