package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Short-lived subject tokens: each stands for one identified subject at one kiosk until it expires. */
public final class SubjectTokens {
    private final Jdbi jdbi;
    private final Clock clock;

    public SubjectTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores the hash of a new token for {@code subject} at {@code kioskId}, expiring at {@code expiresAt}. */
    public void issue(String tokenHash, String kioskId, Subject subject, Instant expiresAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM subject_tokens WHERE expires_at <= ?").bind(0, Sql.timestamp(now)).execute();
            h.createUpdate("INSERT INTO subject_tokens (token_hash, kiosk_id, subject_kind, subject_ref, created_at, expires_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, tokenHash).bind(1, kioskId).bind(2, subject.kind().wireName()).bind(3, subject.ref())
                    .bind(4, Sql.timestamp(now)).bind(5, Sql.timestamp(expiresAt.truncatedTo(ChronoUnit.MILLIS))).execute();
        });
    }

    /** The subject of the token with hash {@code tokenHash} if it was issued to {@code kioskId} and has not expired. */
    public Optional<Subject> find(String tokenHash, String kioskId) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("SELECT subject_kind, subject_ref FROM subject_tokens "
                        + "WHERE token_hash = ? AND kiosk_id = ? AND expires_at > ?")
                .bind(0, tokenHash).bind(1, kioskId).bind(2, Sql.timestamp(now))
                .map((rs, ctx) -> new Subject(SubjectKind.fromWire(rs.getString("subject_kind")), rs.getString("subject_ref")))
                .findOne());
    }
}
