package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The kiosks table: each kiosk with the SHA-256 hash of its bearer token, and when an admin removed it from the fleet.
 * A removed kiosk keeps its row (its heartbeats, documents and audit rows name it) but is in no list and opens nothing.
 */
public final class KioskRegistry {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    /**
     * A kiosk and the stored hash of its token, for the authenticator to compare.
     *
     * @param removedAt when an admin removed the kiosk from the fleet, or null while it is in it
     */
    public record Credential(Kiosk kiosk, String tokenHash, Instant removedAt) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public KioskRegistry(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a kiosk with the hash of its token; a kiosk removed earlier under the same id comes back with the new name
     * and token (its history was kept).
     *
     * @throws ConflictException if a kiosk with that id is in the fleet, or a kiosk has the same token
     */
    public void add(Kiosk kiosk, String tokenHash) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            jdbi.useTransaction(h -> {
                int back = h.createUpdate("UPDATE kiosks SET name = ?, token_hash = ?, removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL")
                        .bind(0, kiosk.name()).bind(1, tokenHash).bind(2, kiosk.id()).execute();
                if (back == 0) {
                    h.createUpdate("INSERT INTO kiosks (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
                            .bind(0, kiosk.id()).bind(1, kiosk.name()).bind(2, tokenHash).bind(3, Sql.timestamp(now))
                            .execute();
                }
            });
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("kiosk " + kiosk.id() + " is already registered (or its token is in use)");
            }
            throw e;
        }
    }

    /** The kiosk {@code id}, if it is in the fleet (registered and not removed). */
    public Optional<Kiosk> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM kiosks WHERE id = ? AND removed_at IS NULL").bind(0, id)
                .map((rs, ctx) -> new Kiosk(rs.getString("id"), rs.getString("name"))).findOne());
    }

    /** Every kiosk in the fleet, by id; removed kiosks are not. */
    public List<Kiosk> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM kiosks WHERE removed_at IS NULL ORDER BY id")
                .map((rs, ctx) -> new Kiosk(rs.getString("id"), rs.getString("name"))).list());
    }

    /** Whether kiosk {@code id} was ever registered: in the fleet now, or removed from it with its history kept. */
    public boolean known(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM kiosks WHERE id = ?").bind(0, id).mapTo(Integer.class).one() > 0);
    }

    /** When kiosk {@code id} was removed from the fleet; empty if it is in the fleet or was never registered. */
    public Optional<Instant> removedAt(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT removed_at FROM kiosks WHERE id = ? AND removed_at IS NOT NULL").bind(0, id)
                .map((rs, ctx) -> Sql.instant(rs, "removed_at")).findOne());
    }

    /**
     * Why {@code id} names no kiosk of the fleet, for a "not found" answer: {@code otherwise} for an id never
     * registered, or when it was removed and how to bring it back.
     */
    public String absence(String id, String otherwise) {
        return jdbi.withHandle(h -> absence(h, id, otherwise));
    }

    static String removedMessage(String id, Instant at) {
        return "kiosk " + id + " was removed from the fleet on " + SHOWN.format(at) + " (Beijing time); ./kiosk admin kiosk add "
                + id + " --name NAME registers it again, with a new token";
    }

    public Optional<Credential> byTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, token_hash, removed_at FROM kiosks WHERE token_hash = ?")
                .bind(0, tokenHash)
                .map((rs, ctx) -> new Credential(new Kiosk(rs.getString("id"), rs.getString("name")),
                        rs.getString("token_hash").trim(), Sql.instant(rs, "removed_at")))
                .findOne());
    }

    /**
     * Gives kiosk {@code id} a new token hash: the old token stops working at its next request. Audited.
     *
     * @throws NotFoundException if the kiosk is not in the fleet
     */
    public void rotateToken(String id, String tokenHash, String admin) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        jdbi.useTransaction(h -> {
            int changed = h.createUpdate("UPDATE kiosks SET token_hash = ? WHERE id = ? AND removed_at IS NULL")
                    .bind(0, tokenHash).bind(1, id).execute();
            if (changed == 0) {
                throw new NotFoundException(absence(h, id, "no kiosk " + id + " is registered; ./kiosk admin kiosks lists them"));
            }
            audit.record(h, new AuditEvent(now, id, "kiosk.token-rotated", "kiosk:" + id,
                    "new token issued, the old one refused from now on; by admin " + admin));
        });
    }

    /** Marks kiosk {@code id} removed at {@code at}, within the caller's transaction; false if it is not in the fleet. */
    static boolean markRemoved(Handle h, String id, Instant at) {
        return h.createUpdate("UPDATE kiosks SET removed_at = ? WHERE id = ? AND removed_at IS NULL")
                .bind(0, Sql.timestamp(at)).bind(1, id).execute() == 1;
    }

    static String absence(Handle h, String id, String otherwise) {
        return h.createQuery("SELECT removed_at FROM kiosks WHERE id = ? AND removed_at IS NOT NULL").bind(0, id)
                .map((rs, ctx) -> Sql.instant(rs, "removed_at")).findOne().map(at -> removedMessage(id, at)).orElse(otherwise);
    }
}
