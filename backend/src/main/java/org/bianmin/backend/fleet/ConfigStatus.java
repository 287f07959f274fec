package org.bianmin.backend.fleet;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bianmin.backend.store.DesiredConfigs;
import org.bianmin.backend.store.LayerReport;
import org.bianmin.backend.store.NotFoundException;
import org.bianmin.backend.store.ReportStatus;
import org.bianmin.backend.store.Rollout;
import org.bianmin.backend.store.RolloutState;
import org.bianmin.backend.store.Store;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.MergedTree;
import org.bianmin.config.Origin;

/**
 * Desired against reported, as admins read it: per kiosk, each layer's desired and running version with the kiosk's
 * status and reason, the differences between the merged configs it runs and should run, and the rollouts under way;
 * and a kiosk's merged desired config with the origin of every value.
 */
public final class ConfigStatus {
    private static final String DEFAULTS = "default";

    /** How far a kiosk (or one of its layers) is from what it should run. */
    public enum State {
        IN_SYNC("in-sync"), PENDING("pending"), FAILED("failed");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    /**
     * One layer of one kiosk.
     *
     * @param desired  the version it should run, 0 when the layer is to be gone
     * @param running  the version it runs, 0 when none
     * @param status   applied when it runs the desired version; else the kiosk's word on the desired version (failed,
     *                 reverted, rejected), or pending
     * @param reported the version the kiosk's last word on this layer was about, or null when it said nothing yet
     * @param reason   the kiosk's reason for a failure
     * @param at       when the kiosk reached that status
     */
    public record LayerStatus(String target, long desired, long running, String status, Long reported, String reason, Instant at) {
    }

    /** A value that differs between the merged config the kiosk runs and the one it should run; null where absent. */
    public record Difference(String path, JsonNode running, JsonNode desired) {
    }

    /** One kiosk: its connection, groups, layers and the differences. */
    public record KioskView(String kioskId, String name, KioskStatus connection, List<String> groups, State state,
                            List<LayerStatus> layers, List<Difference> differences) {
    }

    /** A rollout with the kiosks that failed it. */
    public record RolloutView(String target, long version, RolloutState state, int stagePercent, int stopOnFailures,
                              int failuresAccepted, int waves, int released, int members, int applied, int failed, int waiting,
                              String note, String startedBy, Instant startedAt, Instant updatedAt,
                              List<DesiredConfigs.Failure> failures) {
    }

    /** Everything {@code ./kiosk admin status} shows. */
    public record View(Instant asOf, List<RolloutView> rollouts, List<KioskView> kiosks) {
    }

    /** One value of a merged config and where it came from: {@code fleet version 3}, {@code default (… line 31)}. */
    public record Value(String path, JsonNode value, String origin) {
    }

    /** A kiosk's merged desired config over the defaults. */
    public record Merged(String kioskId, List<String> groups, List<Desired.Layer> layers, List<Value> values) {
    }

    /**
     * One value of a kiosk's merged config, as it should run it and as it runs it, each with where it came from.
     *
     * @param desired null when the desired config lacks the value
     * @param running null when the config the kiosk runs lacks it
     */
    public record Compared(String path, JsonNode desired, String desiredOrigin, JsonNode running, String runningOrigin) {
        public boolean differs() {
            return !Objects.equals(desired, running);
        }
    }

    private final Store store;
    private final Fleet fleet;
    private final ConfigDistribution distribution;

    public ConfigStatus(Store store, Fleet fleet, ConfigDistribution distribution) {
        this.store = store;
        this.fleet = fleet;
        this.distribution = distribution;
    }

    /** Every kiosk (or only {@code kioskId}) and the open or recent rollouts. */
    public View status(Optional<String> kioskId) {
        return status(kioskId, true);
    }

    /**
     * As {@link #status(Optional)}; without differences when {@code withDifferences} is false (a fleet table needs only
     * versions and statuses, and merging every kiosk's layers costs time).
     */
    public View status(Optional<String> kioskId, boolean withDifferences) {
        Instant asOf = fleet.now();
        Map<String, Map<String, LayerReport>> reports = store.configs().reports();
        DesiredState state = distribution.state();
        List<KioskView> kiosks = new ArrayList<>();
        Map<String, KioskSummary> summaries = new LinkedHashMap<>();
        fleet.kiosks().forEach(k -> summaries.put(k.kioskId(), k));
        if (kioskId.isPresent() && !summaries.containsKey(kioskId.get())) {
            throw new NotFoundException(store.kiosks().absence(kioskId.get(),
                    "no kiosk " + kioskId.get() + " is registered; ./kiosk admin kiosks lists them"));
        }
        for (KioskSummary k : summaries.values()) {
            if (kioskId.isEmpty() || kioskId.get().equals(k.kioskId())) {
                kiosks.add(kiosk(k, state.of(k.kioskId()), reports.getOrDefault(k.kioskId(), Map.of()), withDifferences));
            }
        }
        Set<String> targets = kioskId.isEmpty() ? Set.of() : targetsOf(state.of(kioskId.get()), kioskId.get());
        List<RolloutView> rollouts = store.configs().rollouts(targets, 20).stream()
                .filter(r -> r.state() == RolloutState.RUNNING || r.state() == RolloutState.HALTED
                        || r.updatedAt().isAfter(asOf.minusSeconds(24 * 3600)))
                .map(this::rollout).toList();
        return new View(asOf, rollouts, kiosks);
    }

    /** The targets whose layers a kiosk could get: fleet, its groups, its own. */
    static Set<String> targetsOf(Desired d, String kioskId) {
        Set<String> targets = new LinkedHashSet<>();
        targets.add("fleet");
        d.groups().forEach(g -> targets.add("group:" + g));
        targets.add("kiosk:" + kioskId);
        return targets;
    }

    /** A rollout with its member count and failures. */
    public RolloutView rollout(Rollout r) {
        int members = members(r.target());
        return new RolloutView(r.target(), r.version(), r.state(), r.stagePercent(), r.stopOnFailures(), r.failuresAccepted(),
                r.waves(), r.released(), members, r.applied(), r.failed(), r.waiting(), r.note(), r.startedBy(), r.startedAt(),
                r.updatedAt(), r.failed() == 0 ? List.of() : store.configs().failures(r.id()));
    }

    private int members(String target) {
        if (target.equals("fleet")) {
            return store.kiosks().all().size();
        }
        String group = target.substring("group:".length());
        return store.groups().all().stream().filter(g -> g.name().equals(group)).mapToInt(g -> g.kiosks().size()).sum();
    }

    private KioskView kiosk(KioskSummary k, Desired desired, Map<String, LayerReport> reported, boolean withDifferences) {
        Set<String> targets = new LinkedHashSet<>();
        desired.layers().forEach(l -> targets.add(l.target()));
        reported.keySet().forEach(targets::add);
        List<LayerStatus> layers = new ArrayList<>();
        List<Desired.Layer> running = new ArrayList<>();
        State worst = State.IN_SYNC;
        for (String t : order(targets, desired, k.kioskId())) {
            long want = desired.version(t);
            LayerReport r = reported.get(t);
            long runs = r == null ? 0 : r.runs();
            if (runs > 0) {
                running.add(new Desired.Layer(t, runs));
            }
            String status;
            if (runs == want) {
                status = ReportStatus.APPLIED.wireName();
            } else if (r != null && r.version() == want && r.status() != ReportStatus.APPLIED) {
                status = r.status().wireName();
            } else {
                status = ReportStatus.PENDING.wireName();
            }
            State layerState = status.equals("applied") ? State.IN_SYNC : status.equals("pending") ? State.PENDING : State.FAILED;
            worst = layerState.ordinal() > worst.ordinal() ? layerState : worst;
            layers.add(new LayerStatus(t, want, runs, status, r == null ? null : r.version(), r == null ? null : r.reason(),
                    r == null ? null : r.at()));
        }
        List<Difference> differences = worst == State.IN_SYNC || !withDifferences ? List.of() : differences(running, desired.layers());
        return new KioskView(k.kioskId(), k.name(), k.status(), desired.groups(), worst, layers, differences);
    }

    /** Fleet, the groups in the kiosk's order, its own; layers it reports but no longer should run come last. */
    private static List<String> order(Set<String> targets, Desired d, String kioskId) {
        List<String> ordered = new ArrayList<>();
        for (String t : targetsOf(d, kioskId)) {
            if (targets.contains(t)) {
                ordered.add(t);
            }
        }
        targets.stream().filter(t -> !ordered.contains(t)).sorted().forEach(ordered::add);
        return ordered;
    }

    private List<Difference> differences(List<Desired.Layer> running, List<Desired.Layer> desired) {
        Map<String, JsonNode> was = leaves(merge(running).tree());
        Map<String, JsonNode> will = leaves(merge(desired).tree());
        Set<String> paths = new LinkedHashSet<>(was.keySet());
        paths.addAll(will.keySet());
        return paths.stream().filter(p -> !Objects.equals(was.get(p), will.get(p)) && !emptyBesideItsValues(p, was, will))
                .map(p -> new Difference(p, was.get(p), will.get(p))).toList();
    }

    /**
     * Whether {@code path} is an empty mapping on one side (e.g. {@code guides: {}}) and absent on the other because that
     * side sets values below it: those values are the differences, not the mapping.
     */
    private static boolean emptyBesideItsValues(String path, Map<String, JsonNode> was, Map<String, JsonNode> will) {
        JsonNode a = was.get(path);
        JsonNode b = will.get(path);
        return a == null && b != null && b.isObject() && b.isEmpty() || b == null && a != null && a.isObject() && a.isEmpty();
    }

    /**
     * Every value of the kiosk's merged config over the defaults, desired against running, with origins: the values of
     * the desired config in its order, then those only the running config has.
     */
    public List<Compared> compare(KioskView kiosk) {
        List<Desired.Layer> running = kiosk.layers().stream().filter(l -> l.running() > 0)
                .map(l -> new Desired.Layer(l.target(), l.running())).toList();
        List<Desired.Layer> desired = kiosk.layers().stream().filter(l -> l.desired() > 0)
                .map(l -> new Desired.Layer(l.target(), l.desired())).toList();
        MergedTree was = merge(running);
        MergedTree will = merge(desired);
        Map<String, JsonNode> wasLeaves = leaves(was.tree());
        Map<String, JsonNode> willLeaves = leaves(will.tree());
        Set<String> paths = new LinkedHashSet<>(willLeaves.keySet());
        paths.addAll(wasLeaves.keySet());
        return paths.stream().filter(p -> !emptyBesideItsValues(p, wasLeaves, willLeaves)).map(p -> new Compared(p, willLeaves.get(p), willLeaves.containsKey(p) ? origin(will.origin(p)) : null,
                wasLeaves.get(p), wasLeaves.containsKey(p) ? origin(was.origin(p)) : null)).toList();
    }

    /** The merged desired config of {@code kioskId} over the defaults, with origins. */
    public Merged merged(String kioskId) {
        if (store.kiosks().find(kioskId).isEmpty()) {
            throw new NotFoundException(store.kiosks().absence(kioskId, "no kiosk " + kioskId + " is registered; ./kiosk admin kiosks lists them"));
        }
        Desired d = distribution.desired(kioskId);
        MergedTree merged = merge(d.layers());
        Map<String, JsonNode> leaves = leaves(merged.tree());
        List<Value> values = leaves.entrySet().stream()
                .map(e -> new Value(e.getKey(), e.getValue(), origin(merged.origin(e.getKey()))))
                .toList();
        return new Merged(kioskId, d.groups(), d.layers(), values);
    }

    private static String origin(Optional<Origin> origin) {
        return origin.map(o -> o.source().equals(KioskConfigLoader.DEFAULTS_SOURCE)
                ? DEFAULTS + (o.line() > 0 ? " (config/kiosk.yaml line " + o.line() + ")" : "") : o.source()).orElse(DEFAULTS);
    }

    private MergedTree merge(List<Desired.Layer> layers) {
        KioskConfigLoader loader = KioskConfigLoader.overDefaults();
        Function<Desired.Layer, ObjectNode> tree = l -> distribution.tree(l.target(), l.version());
        for (Desired.Layer l : layers) {
            loader = loader.layer(new ConfigLayer(l.target() + " version " + l.version(), Path.of(""), tree.apply(l), Map.of(), List.of()));
        }
        return loader.merged();
    }

    /** Every value that is not a mapping, by dotted path; a list is one value (a layer replaces it whole). */
    static Map<String, JsonNode> leaves(ObjectNode tree) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect(tree, "", leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
        if (node.isObject() && (!node.isEmpty() || path.isEmpty())) {
            node.properties().forEach(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), leaves));
        } else {
            leaves.put(path, node);
        }
    }

    /** The differences in one line each, {@code path: running → desired}, for messages and the console. */
    public static List<String> describe(List<Difference> differences) {
        return differences.stream().map(d -> d.path() + ": " + shown(d.running()) + " → " + shown(d.desired()))
                .collect(Collectors.toList());
    }

    static String shown(JsonNode value) {
        if (value == null) {
            return "(absent)";
        }
        String text = value.isTextual() ? value.textValue() : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
