package org.bianmin.backend.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The desired side of the fleet's configuration: every signed layer pushed (the history of each target), the version
 * each target's kiosks get, staged rollouts, and the kiosks' reports that move rollouts on.
 *
 * <p>Every change locks the config generation row and raises it, so changes are serial across backend instances and
 * an instance knows its view is current when its generation is. The store holds envelopes as bytes and does not read
 * them: the fleet layer checks them before they get here.
 *
 * <p>Staged rollouts release a group's or the fleet's kiosks in waves of {@code ceil(members × percent / 100)}, in the
 * order of the SHA-256 of {@code target/version/kioskId}: reproducible, spread over townships, and a different order for
 * every rollout so no kiosk is always first. The next wave goes out when every released kiosk has reported the version
 * applied or failed; enough failures halt it.
 */
public final class DesiredConfigs {

    /** A push as the store records it. */
    public record Push(String target, long version, byte[] envelope, String keyId, String sha256, String admin,
                       Long revertOf, Integer stagePercent, int stopOnFailures) {
    }

    /** A push recorded, with its rollout when staged, and the generation after it. */
    public record Pushed(PushedLayer layer, Optional<Rollout> rollout, long generation) {
    }

    /** A rollout that may give some kiosks a version above their target's: its kiosks released so far. */
    public record OpenRollout(long id, String target, long version, RolloutState state, Set<String> released) {
    }

    /**
     * Everything that decides which layers each kiosk gets, read in one go.
     *
     * @param removed kiosks removed from the fleet: they get nothing
     */
    public record Snapshot(long generation, Map<String, Long> versions, List<OpenRollout> rollouts,
                           Map<String, List<String>> groupsByKiosk, Set<String> removed) {
    }

    /** A kiosk removed from the fleet: the groups it left, and the generation after it. */
    public record RemovedKiosk(Kiosk kiosk, List<String> groups, Instant removedAt, long generation) {
    }

    /** A target's layer withdrawn: the version no kiosk gets any more, and the generation after it. */
    public record Cleared(String target, long version, Instant clearedAt, long generation) {
    }

    /** A failing kiosk of a rollout and what it said. */
    public record Failure(String kioskId, ReportStatus status, String reason) {
    }

    private static final String APPLIED_FOR = "(rep.version >= :v AND rep.status = 'applied' OR rep.running >= :v)";
    private static final String FAILED_FOR = "(rep.version >= :v AND rep.status IN ('failed', 'reverted', 'rejected') "
            + "AND NOT " + APPLIED_FOR + ")";

    private static final RowMapper<PushedLayer> PUSHED = (rs, ctx) -> new PushedLayer(rs.getString("target"),
            rs.getLong("version"), rs.getString("key_id").trim(), rs.getString("sha256").trim(), rs.getString("pushed_by"),
            Sql.instant(rs, "pushed_at"), rs.getObject("revert_of") == null ? null : rs.getLong("revert_of"));

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public DesiredConfigs(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a push: the envelope joins the target's history; unstaged it becomes what every kiosk of the target
     * gets (and a rollout still open on the target is superseded); staged it starts a rollout and releases its first wave.
     *
     * @throws ConflictException if the version is not above the target's latest, or a staged push meets an open rollout
     */
    public Pushed push(Push p) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            long generation = ConfigGeneration.raise(h);
            long latest = latest(h, p.target());
            if (p.version() <= latest) {
                throw new ConflictException(p.target() + " is at version " + latest + " already; a push must carry a higher "
                        + "version (" + (latest + 1) + "): kiosks refuse lower ones");
            }
            Optional<Rollout> open = open(h, p.target());
            if (p.stagePercent() != null && open.isPresent()) {
                Rollout r = open.get();
                throw new ConflictException("the rollout of " + p.target() + " version " + r.version() + " is "
                        + r.state().wireName() + "; abort it first, or push without stages (which replaces it)");
            }
            h.createUpdate("INSERT INTO config_envelopes (target, version, envelope, key_id, sha256, pushed_by, pushed_at, revert_of) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, p.target()).bind(1, p.version()).bind(2, p.envelope()).bind(3, p.keyId()).bind(4, p.sha256())
                    .bind(5, p.admin()).bind(6, Sql.timestamp(now)).bind(7, p.revertOf()).execute();
            Optional<Rollout> rollout = Optional.empty();
            if (p.stagePercent() == null) {
                setVersion(h, p.target(), p.version());
                open.ifPresent(r -> end(h, r.id(), RolloutState.SUPERSEDED, "replaced by version " + p.version(), now));
            } else {
                long id = h.createUpdate("INSERT INTO config_rollouts (target, version, stage_percent, stop_on_failures, "
                                + "failures_accepted, state, waves, started_by, started_at, updated_at) VALUES (?, ?, ?, ?, 0, 'running', 0, ?, ?, ?)")
                        .bind(0, p.target()).bind(1, p.version()).bind(2, p.stagePercent()).bind(3, p.stopOnFailures())
                        .bind(4, p.admin()).bind(5, Sql.timestamp(now)).bind(6, Sql.timestamp(now))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                releaseNextWave(h, find(h, id), now);
                rollout = Optional.of(find(h, id));
            }
            String what = p.revertOf() == null ? "config.pushed" : "config.reverted";
            audit.record(h, new AuditEvent(now, kioskOf(p.target()), what, p.target() + " version " + p.version(),
                    (p.revertOf() == null ? "" : "content of version " + p.revertOf() + ", ") + "by admin " + p.admin()
                            + ", key " + p.keyId() + ", sha256 " + p.sha256()
                            + (p.stagePercent() == null ? "" : ", staged " + p.stagePercent() + "% stop on " + p.stopOnFailures())));
            PushedLayer layer = new PushedLayer(p.target(), p.version(), p.keyId(), p.sha256(), p.admin(), now, p.revertOf());
            return new Pushed(layer, rollout, generation);
        });
    }

    /** The latest version pushed to {@code target}, 0 when none. */
    public long latest(String target) {
        return jdbi.withHandle(h -> latest(h, target));
    }

    private static long latest(Handle h, String target) {
        return h.createQuery("SELECT COALESCE(MAX(version), 0) FROM config_envelopes WHERE target = ?").bind(0, target)
                .mapTo(Long.class).one();
    }

    /** The envelope of {@code target} version {@code version}, as pushed. */
    public Optional<byte[]> envelope(String target, long version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT envelope FROM config_envelopes WHERE target = ? AND version = ?")
                .bind(0, target).bind(1, version).mapTo(byte[].class).findOne());
    }

    /** The push of {@code target} version {@code version}, if there was one. */
    public Optional<PushedLayer> pushed(String target, long version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT target, version, key_id, sha256, pushed_by, pushed_at, revert_of "
                        + "FROM config_envelopes WHERE target = ? AND version = ?")
                .bind(0, target).bind(1, version).map(PUSHED).findOne());
    }

    /** The newest {@code limit} pushes, newest first: of {@code targets} only, or of all targets when it is empty. */
    public List<PushedLayer> history(Set<String> targets, int limit) {
        return jdbi.withHandle(h -> {
            String where = targets.isEmpty() ? "" : " WHERE target IN (<targets>)";
            var q = h.createQuery("SELECT target, version, key_id, sha256, pushed_by, pushed_at, revert_of FROM config_envelopes"
                    + where + " ORDER BY pushed_at DESC, version DESC LIMIT :limit").bind("limit", limit);
            if (!targets.isEmpty()) {
                q.bindList("targets", List.copyOf(targets));
            }
            return q.map(PUSHED).list();
        });
    }

    /** The rollouts of {@code targets} (all when empty), newest first. */
    public List<Rollout> rollouts(Set<String> targets, int limit) {
        return jdbi.withHandle(h -> {
            String where = targets.isEmpty() ? "" : " WHERE target IN (<targets>)";
            var q = h.createQuery("SELECT id FROM config_rollouts" + where + " ORDER BY id DESC LIMIT :limit").bind("limit", limit);
            if (!targets.isEmpty()) {
                q.bindList("targets", List.copyOf(targets));
            }
            return q.mapTo(Long.class).list().stream().map(id -> find(h, id)).toList();
        });
    }

    /** The released kiosks of a rollout that report the version failed, reverted or rejected, by kiosk id. */
    public List<Failure> failures(long rolloutId) {
        return jdbi.withHandle(h -> failures(h, find(h, rolloutId)));
    }

    /**
     * Resumes the halted rollout of {@code target}: the failures so far are accepted, and the threshold counts anew.
     *
     * @throws NotFoundException if no rollout of the target is halted
     */
    public Rollout resume(String target, String admin) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            ConfigGeneration.raise(h);
            Rollout r = open(h, target).filter(o -> o.state() == RolloutState.HALTED).orElseThrow(() -> new NotFoundException(
                    "no rollout of " + target + " is halted" + open(h, target).map(o -> " (version " + o.version() + " is "
                            + o.state().wireName() + ")").orElse("")));
            h.createUpdate("UPDATE config_rollouts SET state = 'running', failures_accepted = ?, note = NULL, updated_at = ? WHERE id = ?")
                    .bind(0, r.failed()).bind(1, Sql.timestamp(now)).bind(2, r.id()).execute();
            audit.record(h, new AuditEvent(now, null, "config.rollout-resumed", target + " version " + r.version(),
                    r.failed() + " failures accepted, by admin " + admin));
            evaluate(h, r.id(), now);
            return find(h, r.id());
        });
    }

    /**
     * Aborts the running or halted rollout of {@code target}: no more kiosks are released; released ones keep the version.
     *
     * @throws NotFoundException if no rollout of the target is running or halted
     */
    public Rollout abort(String target, String admin) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            ConfigGeneration.raise(h);
            Rollout r = open(h, target).orElseThrow(() -> new NotFoundException("no rollout of " + target + " is running or halted"));
            end(h, r.id(), RolloutState.ABORTED, "aborted by admin " + admin + " after " + r.released() + " kiosks", now);
            audit.record(h, new AuditEvent(now, null, "config.rollout-aborted", target + " version " + r.version(),
                    r.released() + " kiosks released, by admin " + admin));
            return find(h, r.id());
        });
    }

    /**
     * Replaces what {@code kioskId} reports, and moves on the running rollouts it was released in.
     *
     * @return true when that changed which layers some kiosk gets (a wave was released, a rollout completed or halted)
     */
    public boolean report(String kioskId, List<LayerReport> layers) {
        return report(List.of(Map.entry(kioskId, layers)));
    }

    /**
     * Replaces what each of several kiosks reports, in order (a later report of the same kiosk wins), in one
     * transaction, and moves on the running rollouts they were released in.
     *
     * @return true when that changed which layers some kiosk gets
     */
    public boolean report(List<Map.Entry<String, List<LayerReport>>> reports) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            var delete = h.prepareBatch("DELETE FROM kiosk_config_reports WHERE kiosk_id = ?");
            reports.forEach(r -> delete.bind(0, r.getKey()).add());
            delete.execute();
            Map<String, Map<String, LayerReport>> last = new LinkedHashMap<>();
            reports.forEach(r -> {
                Map<String, LayerReport> byTarget = new LinkedHashMap<>();
                r.getValue().forEach(l -> byTarget.put(l.target(), l));
                last.put(r.getKey(), byTarget);
            });
            var insert = h.prepareBatch("INSERT INTO kiosk_config_reports (kiosk_id, target, version, running, status, reason, "
                    + "reported_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            boolean any = false;
            for (Map.Entry<String, Map<String, LayerReport>> k : last.entrySet()) {
                for (LayerReport l : k.getValue().values()) {
                    insert.bind(0, k.getKey()).bind(1, l.target()).bind(2, l.version()).bind(3, l.runs()).bind(4, l.status().wireName())
                            .bind(5, l.reason()).bind(6, Sql.timestamp(l.at())).bind(7, Sql.timestamp(now)).add();
                    any = true;
                }
            }
            if (any) {
                insert.execute();
            }
            List<Long> running = h.createQuery("SELECT DISTINCT r.id FROM config_rollouts r JOIN config_rollout_kiosks rk "
                            + "ON rk.rollout_id = r.id WHERE rk.kiosk_id IN (<kiosks>) AND r.state = 'running' ORDER BY r.id")
                    .bindList("kiosks", List.copyOf(last.keySet())).mapTo(Long.class).list();
            if (running.isEmpty()) {
                return false;
            }
            // the lock orders this evaluation after every other one: the last report of a wave sees all the others
            ConfigGeneration.lock(h);
            boolean changed = false;
            for (long id : running) {
                changed |= evaluate(h, id, now);
            }
            if (changed) {
                ConfigGeneration.raise(h);
            }
            return changed;
        });
    }

    /**
     * Removes kiosk {@code kioskId} from the fleet: it leaves its groups and the open rollouts that released it (which
     * move on if they waited only for it), gets no layers, and is in no list or count; its history stays. Audited.
     *
     * @throws NotFoundException if the kiosk is not in the fleet (never registered, or removed already)
     */
    public RemovedKiosk removeKiosk(String kioskId, String admin) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            long generation = ConfigGeneration.raise(h);
            Kiosk kiosk = h.createQuery("SELECT id, name FROM kiosks WHERE id = ? AND removed_at IS NULL").bind(0, kioskId)
                    .map((rs, ctx) -> new Kiosk(rs.getString("id"), rs.getString("name"))).findOne()
                    .orElseThrow(() -> new NotFoundException(KioskRegistry.absence(h, kioskId,
                            "no kiosk " + kioskId + " is registered; ./kiosk admin kiosks lists them")));
            List<String> groups = KioskGroups.of(h, kioskId);
            KioskRegistry.markRemoved(h, kioskId, now);
            h.createUpdate("DELETE FROM kiosk_group_members WHERE kiosk_id = ?").bind(0, kioskId).execute();
            leave(h, kioskId, null, now);
            audit.record(h, new AuditEvent(now, kioskId, "kiosk.removed", "kiosk:" + kioskId, "left "
                    + (groups.isEmpty() ? "no group" : "groups " + String.join(", ", groups)) + "; history kept; by admin " + admin));
            return new RemovedKiosk(kiosk, groups, now, generation);
        });
    }

    /**
     * Withdraws the layer of group target {@code target}, which no kiosk may be in: no kiosk gets it any more, an open
     * rollout of it is superseded, and its history stays. A later push sets it again. Audited.
     *
     * @throws InvalidInputException for a fleet or kiosk target (kiosks keep a layer until a newer one replaces it)
     * @throws NotFoundException     if the group does not exist or its layer is not set
     * @throws ConflictException     while kiosks are in the group, since they would keep running the layer
     */
    public Cleared clearLayer(String target, String admin) {
        if (!target.startsWith("group:")) {
            throw new InvalidInputException("target", "only a group's layer can be withdrawn (before the group is removed): a kiosk "
                    + "keeps a fleet or kiosk layer until a newer one replaces it, so push a new version to change what kiosks run");
        }
        String group = target.substring("group:".length());
        Instant now = now();
        return jdbi.inTransaction(h -> {
            long generation = ConfigGeneration.raise(h);
            if (!KioskGroups.exists(h, group)) {
                throw new NotFoundException("no group " + group + " exists; ./kiosk admin group list lists them");
            }
            List<String> members = h.createQuery("SELECT kiosk_id FROM kiosk_group_members WHERE group_name = ? ORDER BY kiosk_id")
                    .bind(0, group).mapTo(String.class).list();
            if (!members.isEmpty()) {
                throw new ConflictException("group " + group + " has " + KioskGroups.count(members) + ", which keep running its layer "
                        + "(a kiosk drops a group's layer only when it leaves the group); move them out first: ./kiosk admin kiosk move "
                        + members.getFirst() + " --from " + group + " --to OTHER-GROUP");
            }
            Optional<Long> set = h.createQuery("SELECT version FROM config_targets WHERE target = ? AND cleared_at IS NULL")
                    .bind(0, target).mapTo(Long.class).findOne();
            Optional<Rollout> open = open(h, target);
            if (set.isEmpty() && open.isEmpty()) {
                throw new NotFoundException(target + " has no layer set; nothing to withdraw");
            }
            long latest = latest(h, target);
            int updated = h.createUpdate("UPDATE config_targets SET version = ?, cleared_at = ? WHERE target = ?")
                    .bind(0, latest).bind(1, Sql.timestamp(now)).bind(2, target).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO config_targets (target, version, cleared_at) VALUES (?, ?, ?)")
                        .bind(0, target).bind(1, latest).bind(2, Sql.timestamp(now)).execute();
            }
            open.ifPresent(r -> end(h, r.id(), RolloutState.SUPERSEDED, "layer withdrawn by admin " + admin, now));
            long version = open.map(Rollout::version).orElse(set.orElse(latest));
            audit.record(h, new AuditEvent(now, null, "config.layer-cleared", target + " version " + version,
                    "no kiosk gets it any more; history kept; by admin " + admin));
            return new Cleared(target, version, now, generation);
        });
    }

    /**
     * Takes {@code kioskId} out of the open rollouts of {@code targets} (all targets when null) that released it, and
     * moves on those still running: a kiosk that left a group, or the fleet, is no longer waited for.
     */
    void leave(Handle h, String kioskId, Collection<String> targets, Instant now) {
        if (targets != null && targets.isEmpty()) {
            return;
        }
        String of = targets == null ? "" : " AND r.target IN (<targets>)";
        var running = h.createQuery("SELECT r.id FROM config_rollouts r JOIN config_rollout_kiosks rk ON rk.rollout_id = r.id "
                + "WHERE rk.kiosk_id = :kiosk AND r.state = 'running'" + of + " ORDER BY r.id").bind("kiosk", kioskId);
        var delete = h.createUpdate("DELETE FROM config_rollout_kiosks WHERE kiosk_id = :kiosk AND rollout_id IN "
                + "(SELECT r.id FROM config_rollouts r WHERE r.state IN ('running', 'halted')" + of + ")").bind("kiosk", kioskId);
        if (targets != null) {
            running.bindList("targets", List.copyOf(targets));
            delete.bindList("targets", List.copyOf(targets));
        }
        List<Long> ids = running.mapTo(Long.class).list();
        delete.execute();
        for (long id : ids) {
            evaluate(h, id, now);
        }
    }

    /** What each kiosk reported, by kiosk id, each kiosk's layers by target. */
    public Map<String, Map<String, LayerReport>> reports() {
        return jdbi.withHandle(h -> {
            Map<String, Map<String, LayerReport>> all = new HashMap<>();
            h.createQuery("SELECT kiosk_id, target, version, running, status, reason, reported_at FROM kiosk_config_reports")
                    .map((rs, ctx) -> Map.entry(rs.getString("kiosk_id"), new LayerReport(rs.getString("target"), rs.getLong("version"),
                            rs.getObject("running") == null ? null : rs.getLong("running"), ReportStatus.of(rs.getString("status")),
                            rs.getString("reason"), Sql.instant(rs, "reported_at"))))
                    .forEach(e -> all.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(e.getValue().target(), e.getValue()));
            return all;
        });
    }

    /** Reads what decides each kiosk's layers: target versions, open rollouts and their released kiosks, groups. */
    public Snapshot snapshot() {
        return jdbi.inTransaction(h -> {
            long generation = ConfigGeneration.current(h);
            Map<String, Long> versions = new HashMap<>();
            h.createQuery("SELECT target, version FROM config_targets WHERE cleared_at IS NULL")
                    .map((rs, ctx) -> Map.entry(rs.getString("target"), rs.getLong("version")))
                    .forEach(e -> versions.put(e.getKey(), e.getValue()));
            Map<Long, OpenRollout> open = new LinkedHashMap<>();
            h.createQuery("SELECT r.id, r.target, r.version, r.state FROM config_rollouts r LEFT JOIN config_targets t "
                            + "ON t.target = r.target WHERE (t.version IS NULL OR r.version > t.version) AND r.state <> 'superseded' ORDER BY r.id")
                    .map((rs, ctx) -> new OpenRollout(rs.getLong("id"), rs.getString("target"), rs.getLong("version"),
                            RolloutState.of(rs.getString("state")), new HashSet<>()))
                    .forEach(r -> open.put(r.id(), r));
            if (!open.isEmpty()) {
                h.createQuery("SELECT rollout_id, kiosk_id FROM config_rollout_kiosks WHERE rollout_id IN (<ids>)")
                        .bindList("ids", List.copyOf(open.keySet()))
                        .map((rs, ctx) -> Map.entry(rs.getLong("rollout_id"), rs.getString("kiosk_id")))
                        .forEach(e -> open.get(e.getKey()).released().add(e.getValue()));
            }
            Map<String, List<String>> groups = new HashMap<>();
            h.createQuery("SELECT kiosk_id, group_name FROM kiosk_group_members ORDER BY kiosk_id, position")
                    .map((rs, ctx) -> Map.entry(rs.getString("kiosk_id"), rs.getString("group_name")))
                    .forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            List<OpenRollout> rollouts = open.values().stream()
                    .map(r -> new OpenRollout(r.id(), r.target(), r.version(), r.state(), Set.copyOf(r.released()))).toList();
            Map<String, List<String>> frozen = new HashMap<>();
            groups.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            Set<String> removed = Set.copyOf(h.createQuery("SELECT id FROM kiosks WHERE removed_at IS NOT NULL").mapTo(String.class).list());
            return new Snapshot(generation, Map.copyOf(versions), rollouts, Map.copyOf(frozen), removed);
        });
    }

    /** The config generation: raised by every change of which layers kiosks get. */
    public long generation() {
        return jdbi.withHandle(ConfigGeneration::current);
    }

    private boolean evaluate(Handle h, long rolloutId, Instant now) {
        Rollout r = find(h, rolloutId);
        if (r.state() != RolloutState.RUNNING) {
            return false;
        }
        if (r.failed() - r.failuresAccepted() >= r.stopOnFailures()) {
            List<Failure> failures = failures(h, r);
            String which = failures.stream().limit(3).map(f -> f.kioskId() + " " + f.status().wireName() + ": " + f.reason())
                    .collect(Collectors.joining("; "));
            String note = r.failed() + " of " + r.released() + " released kiosks failed (stop at " + r.stopOnFailures()
                    + (r.failuresAccepted() > 0 ? " after " + r.failuresAccepted() + " accepted" : "") + "): " + which;
            h.createUpdate("UPDATE config_rollouts SET state = 'halted', note = ?, updated_at = ? WHERE id = ?")
                    .bind(0, note.length() > 500 ? note.substring(0, 497) + "..." : note).bind(1, Sql.timestamp(now)).bind(2, r.id()).execute();
            audit.record(h, new AuditEvent(now, null, "config.rollout-halted", r.target() + " version " + r.version(),
                    r.failed() + " of " + r.released() + " released kiosks failed"));
            return true;
        }
        if (r.waiting() > 0) {
            return false;
        }
        releaseNextWave(h, r, now);
        return true;
    }

    private void releaseNextWave(Handle h, Rollout r, Instant now) {
        List<String> members = members(h, r.target());
        Set<String> released = new HashSet<>(h.createQuery("SELECT kiosk_id FROM config_rollout_kiosks WHERE rollout_id = ?")
                .bind(0, r.id()).mapTo(String.class).list());
        List<String> remaining = members.stream().filter(k -> !released.contains(k))
                .sorted(Comparator.comparing((String k) -> waveKey(r.target(), r.version(), k))).toList();
        if (remaining.isEmpty()) {
            setVersion(h, r.target(), r.version());
            end(h, r.id(), RolloutState.COMPLETED, "all " + released.size() + " kiosks released", now);
            audit.record(h, new AuditEvent(now, null, "config.rollout-completed", r.target() + " version " + r.version(),
                    released.size() + " kiosks in " + r.waves() + " waves"));
            return;
        }
        int size = (int) Math.max(1, Math.ceil(members.size() * r.stagePercent() / 100.0));
        int wave = r.waves() + 1;
        var batch = h.prepareBatch("INSERT INTO config_rollout_kiosks (rollout_id, kiosk_id, wave, released_at) VALUES (?, ?, ?, ?)");
        for (String kiosk : remaining.subList(0, Math.min(size, remaining.size()))) {
            batch.bind(0, r.id()).bind(1, kiosk).bind(2, wave).bind(3, Sql.timestamp(now)).add();
        }
        batch.execute();
        h.createUpdate("UPDATE config_rollouts SET waves = ?, updated_at = ? WHERE id = ?")
                .bind(0, wave).bind(1, Sql.timestamp(now)).bind(2, r.id()).execute();
    }

    /** The order of a rollout's waves: SHA-256 of target/version/kioskId, in hex. */
    static String waveKey(String target, long version, String kioskId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((target + "/" + version + "/" + kioskId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static List<String> members(Handle h, String target) {
        if (target.equals("fleet")) {
            return h.createQuery("SELECT id FROM kiosks WHERE removed_at IS NULL").mapTo(String.class).list();
        }
        if (target.startsWith("group:")) {
            return h.createQuery("SELECT kiosk_id FROM kiosk_group_members WHERE group_name = ?")
                    .bind(0, target.substring("group:".length())).mapTo(String.class).list();
        }
        return List.of(target.substring("kiosk:".length()));
    }

    private static void setVersion(Handle h, String target, long version) {
        int updated = h.createUpdate("UPDATE config_targets SET version = ?, cleared_at = NULL WHERE target = ?")
                .bind(0, version).bind(1, target).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO config_targets (target, version) VALUES (?, ?)").bind(0, target).bind(1, version).execute();
        }
    }

    private static void end(Handle h, long id, RolloutState state, String note, Instant now) {
        h.createUpdate("UPDATE config_rollouts SET state = ?, note = ?, updated_at = ? WHERE id = ?")
                .bind(0, state.wireName()).bind(1, note).bind(2, Sql.timestamp(now)).bind(3, id).execute();
    }

    private static Optional<Rollout> open(Handle h, String target) {
        return h.createQuery("SELECT id FROM config_rollouts WHERE target = ? AND state IN ('running', 'halted')")
                .bind(0, target).mapTo(Long.class).findOne().map(id -> find(h, id));
    }

    private static Rollout find(Handle h, long id) {
        return h.createQuery("SELECT r.*, (SELECT COUNT(*) FROM config_rollout_kiosks rk WHERE rk.rollout_id = r.id) AS released, "
                        + "(SELECT COUNT(*) FROM config_rollout_kiosks rk JOIN kiosk_config_reports rep ON rep.kiosk_id = rk.kiosk_id "
                        + "AND rep.target = r.target WHERE rk.rollout_id = r.id AND " + APPLIED_FOR.replace(":v", "r.version") + ") AS applied, "
                        + "(SELECT COUNT(*) FROM config_rollout_kiosks rk JOIN kiosk_config_reports rep ON rep.kiosk_id = rk.kiosk_id "
                        + "AND rep.target = r.target WHERE rk.rollout_id = r.id AND " + FAILED_FOR.replace(":v", "r.version") + ") AS failed "
                        + "FROM config_rollouts r WHERE r.id = ?")
                .bind(0, id)
                .map((rs, ctx) -> new Rollout(rs.getLong("id"), rs.getString("target"), rs.getLong("version"), rs.getInt("stage_percent"),
                        rs.getInt("stop_on_failures"), rs.getInt("failures_accepted"), RolloutState.of(rs.getString("state")),
                        rs.getInt("waves"), rs.getInt("released"), rs.getInt("applied"), rs.getInt("failed"), rs.getString("note"),
                        rs.getString("started_by"), Sql.instant(rs, "started_at"), Sql.instant(rs, "updated_at")))
                .one();
    }

    private static List<Failure> failures(Handle h, Rollout r) {
        return h.createQuery("SELECT rep.kiosk_id, rep.status, rep.reason FROM config_rollout_kiosks rk JOIN kiosk_config_reports rep "
                        + "ON rep.kiosk_id = rk.kiosk_id AND rep.target = ? WHERE rk.rollout_id = ? AND "
                        + FAILED_FOR.replace(":v", "?") + " ORDER BY rep.kiosk_id")
                .bind(0, r.target()).bind(1, r.id()).bind(2, r.version()).bind(3, r.version()).bind(4, r.version())
                .map((rs, ctx) -> new Failure(rs.getString("kiosk_id"), ReportStatus.of(rs.getString("status")), rs.getString("reason")))
                .list();
    }

    private static String kioskOf(String target) {
        return target.startsWith("kiosk:") ? target.substring("kiosk:".length()) : null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
