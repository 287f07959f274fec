package org.bianmin.backend.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The audit table: every printed or failed document and every evaluation, appended in the same transaction. */
public final class AuditLog {
    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void record(AuditEvent event) {
        jdbi.useHandle(h -> record(h, event));
    }

    /** Appends within the caller's transaction, so the event exists exactly when the change it describes does. */
    void record(Handle h, AuditEvent event) {
        h.createUpdate("INSERT INTO audit_events (occurred_at, kiosk_id, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .bind(0, Sql.timestamp(event.at())).bind(1, event.kioskId()).bind(2, event.action())
                .bind(3, event.target()).bind(4, event.detail()).execute();
    }

    /** The newest {@code limit} events, newest first. */
    public List<AuditEvent> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT occurred_at, kiosk_id, action, target, detail FROM audit_events "
                        + "ORDER BY id DESC LIMIT ?")
                .bind(0, limit)
                .map((rs, ctx) -> new AuditEvent(Sql.instant(rs, "occurred_at"), rs.getString("kiosk_id"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail")))
                .list());
    }
}
