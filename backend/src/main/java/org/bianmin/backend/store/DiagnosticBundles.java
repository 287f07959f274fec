package org.bianmin.backend.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Diagnostic bundles kiosks upload (zip bytes in the database), the newest {@link #KEEP_PER_KIOSK} per kiosk. */
public final class DiagnosticBundles {
    public static final int KEEP_PER_KIOSK = 10;
    private static final String COLUMNS = "id, kiosk_id, received_at, size_bytes, sha256";

    /** A bundle's record without its bytes. */
    public record Bundle(String id, String kioskId, Instant receivedAt, int size, String sha256) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public DiagnosticBundles(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores {@code zip} from {@code kioskId}, drops that kiosk's bundles beyond the newest ten, and audits the upload. */
    public Bundle save(String kioskId, byte[] zip, String sha256) {
        Bundle bundle = new Bundle(UUID.randomUUID().toString(), kioskId, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                zip.length, sha256);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO diagnostic_bundles (id, kiosk_id, received_at, size_bytes, sha256, content) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, bundle.id()).bind(1, kioskId).bind(2, Sql.timestamp(bundle.receivedAt())).bind(3, zip.length)
                    .bind(4, sha256).bind(5, zip).execute();
            List<String> old = h.createQuery("SELECT id FROM diagnostic_bundles WHERE kiosk_id = ? "
                            + "ORDER BY received_at DESC, id DESC OFFSET ?")
                    .bind(0, kioskId).bind(1, KEEP_PER_KIOSK).mapTo(String.class).list();
            for (String id : old) {
                h.createUpdate("DELETE FROM diagnostic_bundles WHERE id = ?").bind(0, id).execute();
            }
            audit.record(h, new AuditEvent(bundle.receivedAt(), kioskId, "diagnostics.uploaded", bundle.id(),
                    zip.length + " bytes, sha256 " + sha256));
        });
        return bundle;
    }

    /** The bundles of {@code kioskId}, newest first. */
    public List<Bundle> list(String kioskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM diagnostic_bundles WHERE kiosk_id = ? "
                        + "ORDER BY received_at DESC, id DESC")
                .bind(0, kioskId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    public Optional<Bundle> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM diagnostic_bundles WHERE id = ?")
                .bind(0, id)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    /** The zip bytes of bundle {@code id}, audited as downloaded by {@code admin}. */
    public Optional<byte[]> download(String id, String admin) {
        return jdbi.inTransaction(h -> {
            Optional<Bundle> bundle = h.createQuery("SELECT " + COLUMNS + " FROM diagnostic_bundles WHERE id = ?")
                    .bind(0, id)
                    .map((rs, ctx) -> read(rs))
                    .findOne();
            if (bundle.isEmpty()) {
                return Optional.empty();
            }
            byte[] content = h.createQuery("SELECT content FROM diagnostic_bundles WHERE id = ?").bind(0, id)
                    .map((rs, ctx) -> rs.getBytes("content")).one();
            audit.record(h, new AuditEvent(clock.instant(), bundle.get().kioskId(), "diagnostics.downloaded", id,
                    "by admin " + admin));
            return Optional.of(content);
        });
    }

    private static Bundle read(ResultSet rs) throws SQLException {
        return new Bundle(rs.getString("id"), rs.getString("kiosk_id"), Sql.instant(rs, "received_at"), rs.getInt("size_bytes"),
                rs.getString("sha256").trim());
    }
}
