package org.bianmin.backend.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Kiosk groups and each kiosk's groups in order (a later group's layer lies over an earlier one's). Every change is
 * audited and raises the config generation, since it changes which layers a kiosk gets.
 */
public final class KioskGroups {
    /** As kiosk ids and config targets: 3 to 64 lower-case letters, digits and hyphens. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    /** More groups than a kiosk can sensibly be in; the layers a kiosk gets are fleet, these, and its own. */
    public static final int MAX_PER_KIOSK = 16;

    /** A group and its kiosks. */
    public record Group(String name, Instant createdAt, List<String> kiosks) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public KioskGroups(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a group name from a request or the command line. */
    public static String checkName(String name) {
        return Checks.matches("group", name, NAME, "must be 3 to 64 lower-case letters, digits or hyphens, starting with a "
                + "letter or digit, e.g. xiaoshan-east");
    }

    /**
     * Adds group {@code name}.
     *
     * @throws ConflictException if it exists
     */
    public Group add(String name, String admin) {
        checkName(name);
        Instant now = now();
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("INSERT INTO kiosk_groups (name, created_at) VALUES (?, ?)").bind(0, name).bind(1, Sql.timestamp(now)).execute();
                audit.record(h, new AuditEvent(now, null, "config.group-added", "group:" + name, "by admin " + admin));
            });
        } catch (UnableToExecuteStatementException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("group " + name + " exists already");
            }
            throw e;
        }
        return new Group(name, now, List.of());
    }

    public boolean exists(String name) {
        return jdbi.withHandle(h -> exists(h, name));
    }

    static boolean exists(Handle h, String name) {
        return h.createQuery("SELECT COUNT(*) FROM kiosk_groups WHERE name = ?").bind(0, name).mapTo(Integer.class).one() > 0;
    }

    /** Every group with its kiosks, by name. */
    public List<Group> all() {
        return jdbi.withHandle(h -> {
            Map<String, Group> groups = new LinkedHashMap<>();
            h.createQuery("SELECT name, created_at FROM kiosk_groups ORDER BY name")
                    .map((rs, ctx) -> new Group(rs.getString("name"), Sql.instant(rs, "created_at"), new ArrayList<>()))
                    .forEach(g -> groups.put(g.name(), g));
            h.createQuery("SELECT group_name, kiosk_id FROM kiosk_group_members ORDER BY kiosk_id")
                    .map((rs, ctx) -> Map.entry(rs.getString("group_name"), rs.getString("kiosk_id")))
                    .forEach(e -> groups.get(e.getKey()).kiosks().add(e.getValue()));
            return groups.values().stream().map(g -> new Group(g.name(), g.createdAt(), List.copyOf(g.kiosks()))).toList();
        });
    }

    /** The groups of {@code kioskId} in order. */
    public List<String> of(String kioskId) {
        return jdbi.withHandle(h -> of(h, kioskId));
    }

    static List<String> of(Handle h, String kioskId) {
        return h.createQuery("SELECT group_name FROM kiosk_group_members WHERE kiosk_id = ? ORDER BY position")
                .bind(0, kioskId).mapTo(String.class).list();
    }

    /**
     * Puts {@code kioskId} in exactly {@code groups}, in that order.
     *
     * @throws InvalidInputException for a malformed name, a group given twice or too many groups
     * @throws NotFoundException naming the first group that does not exist
     * @return the config generation after the change
     */
    public long set(String kioskId, List<String> groups, String admin) {
        check(groups);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            long generation = ConfigGeneration.raise(h);
            set(h, kioskId, groups);
            audit.record(h, new AuditEvent(now, kioskId, "config.groups-set", "kiosk:" + kioskId,
                    "groups " + (groups.isEmpty() ? "none" : String.join(", ", groups)) + ", by admin " + admin));
            return generation;
        });
    }

    /**
     * Checks a kiosk's list of groups: well-formed names, none twice, not too many.
     *
     * @throws InvalidInputException naming what is wrong
     */
    public static void check(List<String> groups) {
        if (groups.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("groups", "has a null entry; give group names");
        }
        if (groups.size() > MAX_PER_KIOSK) {
            throw new InvalidInputException("groups", "a kiosk is in at most " + MAX_PER_KIOSK + " groups; this names " + groups.size());
        }
        groups.forEach(KioskGroups::checkName);
        if (new LinkedHashSet<>(groups).size() != groups.size()) {
            throw new InvalidInputException("groups", "names a group twice; name each once, in the order their layers apply");
        }
    }

    static void set(Handle h, String kioskId, List<String> groups) {
        for (String g : groups) {
            if (!exists(h, g)) {
                throw new NotFoundException("no group " + g + " exists; add it first (./kiosk admin group add " + g + ")");
            }
        }
        h.createUpdate("DELETE FROM kiosk_group_members WHERE kiosk_id = ?").bind(0, kioskId).execute();
        for (int i = 0; i < groups.size(); i++) {
            h.createUpdate("INSERT INTO kiosk_group_members (kiosk_id, group_name, position) VALUES (?, ?, ?)")
                    .bind(0, kioskId).bind(1, groups.get(i)).bind(2, i).execute();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
