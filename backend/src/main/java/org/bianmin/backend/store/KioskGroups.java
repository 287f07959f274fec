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
import java.util.Optional;
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

    /** A kiosk's groups after a change, and the config generation after it. */
    public record Membership(String kioskId, List<String> groups, long generation) {
    }

    /** A group removed, and the config generation after it. */
    public record Removed(String name, Instant removedAt, long generation) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final DesiredConfigs configs;

    /** @param configs moves on the rollouts a kiosk leaves with a group */
    public KioskGroups(Jdbi jdbi, AuditLog audit, Clock clock, DesiredConfigs configs) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.configs = configs;
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

    /** The kiosks in group {@code name}, by id; empty for a group that does not exist. */
    public List<String> members(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT kiosk_id FROM kiosk_group_members WHERE group_name = ? ORDER BY kiosk_id")
                .bind(0, name).mapTo(String.class).list());
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
            List<String> before = of(h, kioskId);
            set(h, kioskId, groups);
            left(h, kioskId, before, groups, now);
            audit.record(h, new AuditEvent(now, kioskId, "config.groups-set", "kiosk:" + kioskId,
                    "groups " + (groups.isEmpty() ? "none" : String.join(", ", groups)) + ", by admin " + admin));
            return generation;
        });
    }

    /**
     * Moves {@code kioskId} from group {@code from} to group {@code to}, in the place {@code from} had among its groups.
     * Without {@code from}, a kiosk in no group joins {@code to} and a kiosk in one group leaves it for {@code to}.
     *
     * @throws NotFoundException if the kiosk is not in the fleet or {@code to} does not exist
     * @throws ConflictException if the kiosk is not in {@code from}, is in {@code to} already, or is in several groups and
     *                           {@code from} is not given
     */
    public Membership move(String kioskId, String from, String to, String admin) {
        checkName(to);
        if (from != null) {
            checkName(from);
        }
        Instant now = now();
        return jdbi.inTransaction(h -> {
            long generation = ConfigGeneration.raise(h);
            if (h.createQuery("SELECT COUNT(*) FROM kiosks WHERE id = ? AND removed_at IS NULL").bind(0, kioskId).mapTo(Integer.class).one() == 0) {
                throw new NotFoundException(KioskRegistry.absence(h, kioskId, "no kiosk " + kioskId + " is registered; ./kiosk admin kiosks lists them"));
            }
            List<String> before = of(h, kioskId);
            String in = before.isEmpty() ? "no group" : String.join(", ", before);
            if (from != null && !before.contains(from)) {
                throw new ConflictException("kiosk " + kioskId + " is not in group " + from + "; it is in " + in);
            }
            if (before.contains(to)) {
                throw new ConflictException("kiosk " + kioskId + " is in group " + to + " already (its groups: " + in + ")");
            }
            if (from == null && before.size() > 1) {
                throw new ConflictException("kiosk " + kioskId + " is in " + before.size() + " groups (" + in + "); say which it leaves "
                        + "with --from GROUP, or set them all: ./kiosk admin kiosk groups " + kioskId + " --group G ...");
            }
            String leaving = from != null ? from : before.isEmpty() ? null : before.getFirst();
            List<String> after = new ArrayList<>(before);
            if (leaving == null) {
                after.add(to);
            } else {
                after.set(after.indexOf(leaving), to);
            }
            set(h, kioskId, after);
            left(h, kioskId, before, after, now);
            audit.record(h, new AuditEvent(now, kioskId, "config.kiosk-moved", "kiosk:" + kioskId,
                    (leaving == null ? "into group " + to : "from group " + leaving + " to " + to) + ", now in "
                            + String.join(", ", after) + ", by admin " + admin));
            return new Membership(kioskId, List.copyOf(after), generation);
        });
    }

    /**
     * Removes group {@code name}, which must have no kiosks and no layer set (its pushes' history stays). Audited.
     *
     * @throws NotFoundException if it does not exist
     * @throws ConflictException naming how many kiosks are in it and how to move them, or the layer and how to clear it
     */
    public Removed remove(String name, String admin) {
        checkName(name);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            long generation = ConfigGeneration.raise(h);
            if (!exists(h, name)) {
                throw new NotFoundException("no group " + name + " exists; ./kiosk admin group list lists them");
            }
            List<String> members = h.createQuery("SELECT kiosk_id FROM kiosk_group_members WHERE group_name = ? ORDER BY kiosk_id")
                    .bind(0, name).mapTo(String.class).list();
            if (!members.isEmpty()) {
                throw new ConflictException("group " + name + " still has " + count(members) + "; move each out first: "
                        + "./kiosk admin kiosk move " + members.getFirst() + " --from " + name + " --to OTHER-GROUP (or ./kiosk admin "
                        + "kiosk remove ID for a kiosk taken out of service)");
            }
            String target = "group:" + name;
            Optional<Long> layer = h.createQuery("SELECT version FROM config_targets WHERE target = ? AND cleared_at IS NULL")
                    .bind(0, target).mapTo(Long.class).findOne()
                    .or(() -> h.createQuery("SELECT version FROM config_rollouts WHERE target = ? AND state IN ('running', 'halted')")
                            .bind(0, target).mapTo(Long.class).findOne());
            if (layer.isPresent()) {
                throw new ConflictException("group " + name + " still has a layer set (version " + layer.get() + "), which a group "
                        + "added again under this name would hand to its kiosks; withdraw it first: ./kiosk admin config clear --target "
                        + target + " (its history stays)");
            }
            h.createUpdate("DELETE FROM kiosk_groups WHERE name = ?").bind(0, name).execute();
            audit.record(h, new AuditEvent(now, null, "config.group-removed", target, "pushes' history kept; by admin " + admin));
            return new Removed(name, now, generation);
        });
    }

    /** "3 kiosks (a-01, a-02, a-03)", naming at most three. */
    static String count(List<String> kiosks) {
        String names = String.join(", ", kiosks.subList(0, Math.min(3, kiosks.size()))) + (kiosks.size() > 3 ? ", …" : "");
        return kiosks.size() + (kiosks.size() == 1 ? " kiosk" : " kiosks") + " (" + names + ")";
    }

    private void left(Handle h, String kioskId, List<String> before, List<String> after, Instant now) {
        List<String> gone = before.stream().filter(g -> !after.contains(g)).map(g -> "group:" + g).toList();
        configs.leave(h, kioskId, gone, now);
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
