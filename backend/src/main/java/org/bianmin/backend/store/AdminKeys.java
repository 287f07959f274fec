package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The admin public keys the backend checks pushed envelopes against, each with the admin who registered it. */
public final class AdminKeys {

    /**
     * @param keyId     first 16 hex digits of the SHA-256 of the key's X.509 encoding
     * @param admin     who registered it
     * @param publicKey X.509 PEM
     */
    public record Registered(String keyId, String admin, String publicKey, Instant addedAt) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public AdminKeys(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a public key for {@code admin}.
     *
     * @throws ConflictException if the key is registered already
     */
    public Registered add(String keyId, String admin, String publicKeyPem) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO admin_keys (key_id, admin_name, public_key, added_at) VALUES (?, ?, ?, ?)")
                        .bind(0, keyId).bind(1, admin).bind(2, publicKeyPem).bind(3, Sql.timestamp(now)).execute();
                audit.record(h, new AuditEvent(now, null, "config.key-added", "key " + keyId, "by admin " + admin));
            });
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("admin key " + keyId + " is registered already");
            }
            throw e;
        }
        return new Registered(keyId, admin, publicKeyPem, now);
    }

    /**
     * Removes a key (lost, leaked, or its admin gone): pushes signed with it are refused from now on; versions it signed
     * stay in the history.
     *
     * @throws NotFoundException if no such key is registered
     */
    public Registered remove(String keyId, String admin) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return jdbi.inTransaction(h -> {
            Registered key = h.createQuery("SELECT key_id, admin_name, public_key, added_at FROM admin_keys WHERE key_id = ?")
                    .bind(0, keyId)
                    .map((rs, ctx) -> new Registered(rs.getString("key_id").trim(), rs.getString("admin_name"),
                            rs.getString("public_key"), Sql.instant(rs, "added_at")))
                    .findOne()
                    .orElseThrow(() -> new NotFoundException("no admin key " + keyId + " is registered; ./kiosk admin key list lists them"));
            h.createUpdate("DELETE FROM admin_keys WHERE key_id = ?").bind(0, keyId).execute();
            audit.record(h, new AuditEvent(now, null, "config.key-removed", "key " + keyId,
                    "registered by " + key.admin() + ", removed by admin " + admin));
            return key;
        });
    }

    /** Every registered key, oldest first. */
    public List<Registered> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT key_id, admin_name, public_key, added_at FROM admin_keys ORDER BY added_at, key_id")
                .map((rs, ctx) -> new Registered(rs.getString("key_id").trim(), rs.getString("admin_name"),
                        rs.getString("public_key"), Sql.instant(rs, "added_at")))
                .list());
    }
}
