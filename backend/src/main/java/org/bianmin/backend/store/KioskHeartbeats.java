package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What the kiosks report: each kiosk's latest heartbeat whole, and a bounded history of heartbeat summaries.
 *
 * <p>The store holds the JSON it is given; the fleet layer validates and shapes it. The history keeps
 * {@link #KEEP_FOR} and at most {@link #KEEP_ROWS} rows per kiosk (unless told otherwise), whichever is fewer.
 */
public final class KioskHeartbeats {
    public static final Duration KEEP_FOR = Duration.ofDays(7);
    public static final int KEEP_ROWS = 2_000;
    /** The longest heartbeat (UTF-16 units of its JSON) and summary the tables take. */
    public static final int MAX_HEARTBEAT = 65_536;
    public static final int MAX_SUMMARY = 16_384;

    /** A kiosk's latest heartbeat as received. */
    public record Latest(String kioskId, Instant receivedAt, int intervalSeconds, String heartbeatJson) {
    }

    /** One line of a kiosk's history. */
    public record Entry(Instant receivedAt, String summaryJson) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final int keepRows;
    private final Duration keepFor;

    public KioskHeartbeats(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, KEEP_ROWS, KEEP_FOR);
    }

    /** With other bounds on the history: at most {@code keepRows} per kiosk, none older than {@code keepFor}. */
    public KioskHeartbeats(Jdbi jdbi, Clock clock, int keepRows, Duration keepFor) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.keepRows = keepRows;
        this.keepFor = keepFor;
    }

    /** Stores a heartbeat of {@code kioskId} received now as its latest state, appends its summary, and trims the history. */
    public Instant record(String kioskId, int intervalSeconds, String heartbeatJson, String summaryJson) {
        Checks.maxLength("heartbeat", heartbeatJson, MAX_HEARTBEAT);
        Checks.maxLength("heartbeat", summaryJson, MAX_SUMMARY);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            jdbi.useTransaction(h -> store(h, kioskId, intervalSeconds, heartbeatJson, summaryJson, now));
        } catch (UnableToExecuteStatementException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // the kiosk's first two heartbeats crossed: the other one inserted the state row, so this one updates it
            jdbi.useTransaction(h -> store(h, kioskId, intervalSeconds, heartbeatJson, summaryJson, now));
        }
        return now;
    }

    private void store(Handle h, String kioskId, int interval, String heartbeat, String summary, Instant now) {
        int updated = h.createUpdate("UPDATE kiosk_states SET received_at = ?, interval_seconds = ?, heartbeat = ? WHERE kiosk_id = ?")
                .bind(0, Sql.timestamp(now)).bind(1, interval).bind(2, heartbeat).bind(3, kioskId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO kiosk_states (kiosk_id, received_at, interval_seconds, heartbeat) VALUES (?, ?, ?, ?)")
                    .bind(0, kioskId).bind(1, Sql.timestamp(now)).bind(2, interval).bind(3, heartbeat).execute();
        }
        h.createUpdate("INSERT INTO kiosk_heartbeats (kiosk_id, received_at, summary) VALUES (?, ?, ?)")
                .bind(0, kioskId).bind(1, Sql.timestamp(now)).bind(2, summary).execute();
        h.createUpdate("DELETE FROM kiosk_heartbeats WHERE kiosk_id = ? AND received_at < ?")
                .bind(0, kioskId).bind(1, Sql.timestamp(now.minus(keepFor))).execute();
        h.createUpdate("DELETE FROM kiosk_heartbeats WHERE kiosk_id = ? AND id <= (SELECT id FROM kiosk_heartbeats "
                        + "WHERE kiosk_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)")
                .bind(0, kioskId).bind(1, kioskId).bind(2, keepRows).execute();
    }

    /** The latest heartbeat of every kiosk that has sent one. */
    public List<Latest> latest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT kiosk_id, received_at, interval_seconds, heartbeat FROM kiosk_states")
                .map((rs, ctx) -> new Latest(rs.getString("kiosk_id"), Sql.instant(rs, "received_at"),
                        rs.getInt("interval_seconds"), rs.getString("heartbeat")))
                .list());
    }

    public Optional<Latest> latest(String kioskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT kiosk_id, received_at, interval_seconds, heartbeat FROM kiosk_states "
                        + "WHERE kiosk_id = ?")
                .bind(0, kioskId)
                .map((rs, ctx) -> new Latest(rs.getString("kiosk_id"), Sql.instant(rs, "received_at"),
                        rs.getInt("interval_seconds"), rs.getString("heartbeat")))
                .findOne());
    }

    /** The newest {@code limit} history entries of {@code kioskId}, newest first. */
    public List<Entry> history(String kioskId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT received_at, summary FROM kiosk_heartbeats WHERE kiosk_id = ? "
                        + "ORDER BY id DESC LIMIT ?")
                .bind(0, kioskId).bind(1, limit)
                .map((rs, ctx) -> new Entry(Sql.instant(rs, "received_at"), rs.getString("summary")))
                .list());
    }
}
