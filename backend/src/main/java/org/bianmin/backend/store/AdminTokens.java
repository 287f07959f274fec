package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The admins of the fleet, each with the SHA-256 hash of their bearer token (the token itself is never stored). */
public final class AdminTokens {
    /** Letters (any script), digits, dots, underscores, at signs and hyphens: {@code ops-li}, {@code 李工}. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,64}");

    /** An admin and the stored hash of their token, for the authenticator to compare. */
    public record Credential(String name, String tokenHash) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public AdminTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Checks an admin's name from the command line. */
    public static String checkName(String name) {
        return Checks.matches("name", name, NAME, "must be 2 to 64 letters, digits, dots, underscores, @ or hyphens, e.g. ops-li");
    }

    /**
     * Adds admin {@code name} with the hash of their token.
     *
     * @throws ConflictException if the name, or the token, is taken
     */
    public void add(String name, String tokenHash) {
        checkName(name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO admin_tokens (name, token_hash, created_at) VALUES (?, ?, ?)")
                    .bind(0, name).bind(1, tokenHash).bind(2, Sql.timestamp(now)).execute());
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("admin " + name + " already has a token (or the token is in use)");
            }
            throw e;
        }
    }

    /** Removes admin {@code name} and their console sessions; false if there was no such admin. */
    public boolean remove(String name) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM admin_tokens WHERE name = ?").bind(0, name).execute()) > 0;
    }

    public Optional<Credential> byTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, token_hash FROM admin_tokens WHERE token_hash = ?")
                .bind(0, tokenHash)
                .map((rs, ctx) -> new Credential(rs.getString("name"), rs.getString("token_hash").trim()))
                .findOne());
    }

    public boolean exists(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_tokens WHERE name = ?").bind(0, name)
                .mapTo(Integer.class).one()) > 0;
    }

    /** Every admin's name, sorted. */
    public List<String> names() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM admin_tokens ORDER BY name").mapTo(String.class).list());
    }
}
