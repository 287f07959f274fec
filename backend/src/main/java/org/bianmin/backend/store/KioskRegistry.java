package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The kiosks table: each kiosk with the SHA-256 hash of its bearer token. */
public final class KioskRegistry {

    /** A kiosk and the stored hash of its token, for the authenticator to compare. */
    public record Credential(Kiosk kiosk, String tokenHash) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public KioskRegistry(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Adds a kiosk with the hash of its token.
     *
     * @throws ConflictException if a kiosk with that id, or a kiosk with the same token, exists
     */
    public void add(Kiosk kiosk, String tokenHash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO kiosks (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
                    .bind(0, kiosk.id()).bind(1, kiosk.name()).bind(2, tokenHash).bind(3, Sql.timestamp(now))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("kiosk " + kiosk.id() + " is already registered (or its token is in use)");
            }
            throw e;
        }
    }

    public Optional<Kiosk> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM kiosks WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> new Kiosk(rs.getString("id"), rs.getString("name"))).findOne());
    }

    /** Every registered kiosk, by id. */
    public List<Kiosk> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM kiosks ORDER BY id")
                .map((rs, ctx) -> new Kiosk(rs.getString("id"), rs.getString("name"))).list());
    }

    public Optional<Credential> byTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, token_hash FROM kiosks WHERE token_hash = ?")
                .bind(0, tokenHash)
                .map((rs, ctx) -> new Credential(new Kiosk(rs.getString("id"), rs.getString("name")),
                        rs.getString("token_hash").trim()))
                .findOne());
    }
}
