package org.bianmin.backend.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Web console sessions by the hash of the session id: which admin, since when, until when.
 *
 * <p>A session ends after {@code idle} without a request, and at the latest {@code maxAge} after it began.
 */
public final class ConsoleSessions {
    private final Jdbi jdbi;

    public ConsoleSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores a session for {@code admin} begun {@code now} and forgets the expired ones. */
    public void create(String idHash, String admin, Instant now, Duration idle) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM console_sessions WHERE expires_at <= ?").bind(0, Sql.timestamp(now)).execute();
            h.createUpdate("INSERT INTO console_sessions (id_hash, admin_name, created_at, expires_at) VALUES (?, ?, ?, ?)")
                    .bind(0, idHash).bind(1, admin).bind(2, Sql.timestamp(now.truncatedTo(ChronoUnit.MILLIS)))
                    .bind(3, Sql.timestamp(now.plus(idle).truncatedTo(ChronoUnit.MILLIS))).execute();
        });
    }

    /** The admin of the session if it is live at {@code now}; its expiry moves to {@code now + idle}, capped at its maximum age. */
    public Optional<String> use(String idHash, Instant now, Duration idle, Duration maxAge) {
        return jdbi.inTransaction(h -> {
            record Live(String admin, Instant createdAt) {
            }
            Optional<Live> live = h.createQuery("SELECT admin_name, created_at FROM console_sessions WHERE id_hash = ? AND expires_at > ?")
                    .bind(0, idHash).bind(1, Sql.timestamp(now))
                    .map((rs, ctx) -> new Live(rs.getString("admin_name"), Sql.instant(rs, "created_at"))).findOne();
            if (live.isEmpty()) {
                return Optional.empty();
            }
            Instant end = live.get().createdAt().plus(maxAge);
            if (!now.isBefore(end)) {
                h.createUpdate("DELETE FROM console_sessions WHERE id_hash = ?").bind(0, idHash).execute();
                return Optional.empty();
            }
            Instant extended = now.plus(idle);
            h.createUpdate("UPDATE console_sessions SET expires_at = ? WHERE id_hash = ?")
                    .bind(0, Sql.timestamp((extended.isBefore(end) ? extended : end).truncatedTo(ChronoUnit.MILLIS)))
                    .bind(1, idHash).execute();
            return Optional.of(live.get().admin());
        });
    }

    public void delete(String idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM console_sessions WHERE id_hash = ?").bind(0, idHash).execute());
    }
}
