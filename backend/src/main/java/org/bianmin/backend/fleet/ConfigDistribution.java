package org.bianmin.backend.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.bianmin.backend.store.AuditEvent;
import org.bianmin.backend.store.Database;
import org.bianmin.backend.store.DesiredConfigs;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.KioskGroups;
import org.bianmin.backend.store.LayerReport;
import org.bianmin.backend.store.NotFoundException;
import org.bianmin.backend.store.Rollout;
import org.bianmin.backend.store.Store;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.Rejection;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.SigningException;
import org.bianmin.config.signing.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each kiosk the signed layers it should run and takes what it reports: checks pushed envelopes against the
 * registered admin keys, records pushes and rollouts, keeps the desired state of every kiosk in memory (reloaded when
 * the config generation moves, announced across instances through the {@link ChangeFeed}), and answers long-polling
 * kiosks as soon as their set changes.
 *
 * <p>The backend checks the signature so it never stores or hands out what no registered admin signed; it cannot sign
 * anything itself. Schema checks are the admin tool's (before signing) and the kiosk's (before applying): the binder
 * reads files, such as trust anchors, that exist only on kiosks.
 */
public final class ConfigDistribution implements AutoCloseable {
    /** The longest a kiosk may wait for a change in one request. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ConfigDistribution.class);
    // a missed notification (a dropped LISTEN connection) costs at most this much delay
    private static final long CHECK_SECONDS = 5;
    private static final int CACHED = 512;

    /**
     * A push as recorded: the layer, its rollout when staged, and what the admin should know of it (see
     * {@link UnofferedServices}).
     */
    public record Pushed(String target, long version, String sha256, String keyId, Optional<Rollout> rollout, List<String> warnings) {
    }

    private final Store store;
    private final ChangeFeed feed;
    private final Clock clock;
    // one virtual thread per answer: each writes one response, thousands at once after a fleet push
    private final ExecutorService answering = Executors.newVirtualThreadPerTaskExecutor();
    private final LongPolls polls = new LongPolls(answering);
    private final ExecutorService waker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("config-wake").factory());
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("config-check").factory());
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final ReportWriter reports;
    private final Map<String, byte[]> envelopes = lru();
    private final Map<String, byte[]> bodies = lru();
    private volatile DesiredState state;

    public ConfigDistribution(Store store, ChangeFeed feed, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
        this.state = new DesiredState(store.configs().snapshot());
        this.reports = new ReportWriter(store.configs(), answering, this::reportsWritten);
        feed.listen(this::announced);
        checker.scheduleWithFixedDelay(this::checkGeneration, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** With the change feed the database calls for: LISTEN/NOTIFY on PostgreSQL, in-process on H2. */
    public static ConfigDistribution over(Store store, Clock clock) {
        ChangeFeed feed = store.database().engine() == Database.Engine.POSTGRESQL
                ? new PostgresChangeFeed(store.database()) : new InProcessChangeFeed();
        return new ConfigDistribution(store, feed, clock);
    }

    /** The layers {@code kioskId} should run now. */
    public Desired desired(String kioskId) {
        return state.of(kioskId);
    }

    /** The kiosk's desired set once it differs from {@code known}: at once if it does, else within {@code wait} or empty. */
    public CompletableFuture<Optional<Desired>> await(String kioskId, String known, Duration wait) {
        return polls.await(kioskId, known, wait, this::desired);
    }

    /** How many kiosks are waiting for a change on this instance. */
    public int waiting() {
        return polls.waiting();
    }

    /**
     * The answer to a kiosk: {@code {"etag":…,"groups":[…],"layers":[envelope, …]}} with each envelope as it was signed,
     * fleet first and the kiosk's own last.
     */
    public byte[] body(Desired d) {
        byte[] cached = bodies.get(d.etag());
        if (cached != null) {
            return cached;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        // etags and group names are hex and [a-z0-9-]: nothing in them needs escaping
        b.writeBytes(("{\"etag\":\"" + d.etag() + "\",\"groups\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < d.groups().size(); i++) {
            b.writeBytes(((i > 0 ? "," : "") + "\"" + d.groups().get(i) + "\"").getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes("],\"layers\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < d.layers().size(); i++) {
            if (i > 0) {
                b.write(',');
            }
            b.writeBytes(envelope(d.layers().get(i).target(), d.layers().get(i).version()));
        }
        b.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        byte[] body = b.toByteArray();
        bodies.put(d.etag(), body);
        return body;
    }

    /** The envelope of {@code target} version {@code version} as pushed (canonical JSON). */
    public byte[] envelope(String target, long version) {
        String key = target + "#" + version;
        byte[] cached = envelopes.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = store.configs().envelope(target, version).orElseThrow(() -> new NotFoundException(
                "no version " + version + " of " + target + " was pushed; ./kiosk admin history --target " + target + " lists them"));
        envelopes.put(key, bytes);
        return bytes;
    }

    /** The configuration tree of {@code target} version {@code version}, exactly as signed. */
    public ObjectNode tree(String target, long version) {
        return SignedConfig.parse(envelope(target, version)).config();
    }

    /**
     * Checks and records a push.
     *
     * @param revertOf       the older version whose content this envelope carries again, or null
     * @param stagePercent   null to release to every kiosk of the target at once
     * @param stopOnFailures for a staged push, the failures that halt it (null: 1)
     * @throws EnvelopeRefusedException if it is malformed or not signed by a registered admin key
     * @throws org.bianmin.backend.store.ConflictException if its version is not above the target's latest
     */
    public Pushed push(byte[] envelopeJson, String admin, Long revertOf, Integer stagePercent, Integer stopOnFailures) {
        SignedConfig envelope;
        try {
            envelope = SignedConfig.parse(envelopeJson);
        } catch (SigningException e) {
            throw new EnvelopeRefusedException(Rejection.MALFORMED, e.getMessage());
        }
        ConfigTarget target = envelope.target();
        String t = target.toString();
        checkSignature(envelope);
        requireTarget(target);
        LayerRules.problem(envelope.config(), target).ifPresent(p -> {
            throw new InvalidInputException("envelope", p);
        });
        if (stagePercent != null) {
            if (target instanceof ConfigTarget.Kiosk) {
                throw new InvalidInputException("stagePercent", "a push to one kiosk has no stages; stage a push to a group or the fleet");
            }
            if (stagePercent < 1 || stagePercent > 100) {
                throw new InvalidInputException("stagePercent", "must be 1 to 100 (the share of the kiosks each wave releases)");
            }
        }
        if (stopOnFailures != null && (stagePercent == null || stopOnFailures < 1)) {
            throw new InvalidInputException("stopOnFailures", stagePercent == null
                    ? "only a staged push stops on failures; give stagePercent too" : "must be 1 or more");
        }
        if (revertOf != null) {
            if (revertOf < 1 || revertOf >= envelope.version()) {
                throw new InvalidInputException("revertOf", "must be an older version of " + t + " than " + envelope.version());
            }
            ObjectNode old = tree(t, revertOf);
            if (!old.equals(envelope.config())) {
                throw new InvalidInputException("revertOf", "version " + envelope.version() + " does not carry the config of version "
                        + revertOf + "; re-sign that version's config (./kiosk admin revert does)");
            }
        }
        List<String> warnings = warnings(envelope.config(), target);
        byte[] canonical = envelope.toJson();
        String sha256 = sha256(canonical);
        DesiredConfigs.Pushed pushed = store.configs().push(new DesiredConfigs.Push(t, envelope.version(), canonical,
                envelope.keyId(), sha256, admin, revertOf, stagePercent, stopOnFailures == null ? 1 : stopOnFailures));
        LOG.info("admin {} pushed {} version {} (key {}, sha256 {}){}", admin, t, envelope.version(), envelope.keyId(),
                sha256.substring(0, 12), pushed.rollout().map(r -> ", staged " + r.stagePercent() + "%: " + r.released()
                        + " kiosks released").orElse(""));
        if (!warnings.isEmpty()) {
            LOG.info("the push of {} version {} names services its kiosks do not offer: {}", t, envelope.version(), warnings);
        }
        changed(pushed.generation());
        return new Pushed(t, envelope.version(), sha256, envelope.keyId(), pushed.rollout(), warnings);
    }

    /** The warnings for the services {@code layer} names that are not offered at kiosks of {@code target}. */
    private List<String> warnings(ObjectNode layer, ConfigTarget target) {
        if (!UnofferedServices.namesAny(layer)) {
            return List.of();
        }
        List<String> kiosks;
        Map<String, List<String>> offered;
        if (target instanceof ConfigTarget.Kiosk k) {
            kiosks = List.of(k.id());
            offered = Map.of(k.id(), store.services().codesOfferedAt(k.id()));
        } else {
            kiosks = target instanceof ConfigTarget.Group g ? store.groups().members(g.name())
                    : store.kiosks().all().stream().map(Kiosk::id).toList();
            offered = store.services().codesOffered();
        }
        return UnofferedServices.warnings(layer, target, kiosks, offered, store.services().codes());
    }

    private void checkSignature(SignedConfig envelope) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        store.adminKeys().all().forEach(k -> keys.put(k.keyId(), AdminKeyPair.parsePublicKey("admin key " + k.keyId(), k.publicKey())));
        String what = "The config for " + envelope.target() + ", version " + envelope.version() + ",";
        if (!envelope.isSigned()) {
            throw new EnvelopeRefusedException(Rejection.UNSIGNED, what + " is not signed; sign it with your admin key "
                    + "(./kiosk admin push signs what it pushes)");
        }
        if (!keys.containsKey(envelope.keyId())) {
            String registered = keys.isEmpty() ? "none is registered yet" : "registered: " + String.join(", ", new TreeSet<>(keys.keySet()));
            throw new EnvelopeRefusedException(Rejection.UNKNOWN_KEY, what + " is signed with key "
                    + (envelope.keyId().isEmpty() ? "(none named)" : envelope.keyId()) + ", which is not registered here ("
                    + registered + "); register its public key with ./kiosk admin key add FILE.pub, and provision the kiosks with it");
        }
        // the verifier checks target and version too; a kiosk of the envelope's own target, at version 0, passes those
        ConfigTarget target = envelope.target();
        String kioskId = target instanceof ConfigTarget.Kiosk k ? k.id() : "backend-check";
        Set<String> groups = target instanceof ConfigTarget.Group g ? Set.of(g.name()) : Set.of();
        Verdict verdict = new ConfigVerifier(List.of(keys.get(envelope.keyId())), kioskId, groups).verify(envelope, x -> 0);
        if (verdict instanceof Verdict.Rejected r) {
            throw new EnvelopeRefusedException(r.reason(), r.reason() == Rejection.BAD_SIGNATURE
                    ? what + " does not match its signature: it was changed after signing, or signed with another key than it "
                    + "names; push the file as the admin tool signed it"
                    : r.message());
        }
    }

    private void requireTarget(ConfigTarget target) {
        if (target instanceof ConfigTarget.Kiosk k && store.kiosks().find(k.id()).isEmpty()) {
            throw new NotFoundException(store.kiosks().absence(k.id(),
                    "no kiosk " + k.id() + " is registered; ./kiosk admin kiosk add " + k.id() + " --name NAME adds it"));
        }
        if (target instanceof ConfigTarget.Group g && !store.groups().exists(g.name())) {
            throw new NotFoundException("no group " + g.name() + " exists; ./kiosk admin group add " + g.name() + " adds it");
        }
    }

    /**
     * Takes what {@code kioskId} reports it runs, and moves on the rollouts it was released in; the future completes
     * once the report is stored (reports are written in batches).
     *
     * @throws InvalidInputException for a layer the kiosk cannot have (another kiosk's, a group that does not exist) or
     *                               a target named twice
     */
    public CompletableFuture<Void> report(String kioskId, List<LayerReport> layers) {
        if (layers.size() > KioskGroups.MAX_PER_KIOSK + 2) {
            throw new InvalidInputException("layers", "a kiosk has at most " + (KioskGroups.MAX_PER_KIOSK + 2) + " layers (fleet, "
                    + KioskGroups.MAX_PER_KIOSK + " groups, its own); this report has " + layers.size());
        }
        Set<String> seen = new HashSet<>();
        List<String> groups = desired(kioskId).groups();
        for (int i = 0; i < layers.size(); i++) {
            String t = layers.get(i).target();
            String field = "layers[" + i + "].target";
            if (!seen.add(t)) {
                throw new InvalidInputException(field, t + " is reported twice; report each layer once");
            }
            if (t.startsWith("kiosk:") && !t.equals("kiosk:" + kioskId)) {
                throw new InvalidInputException(field, t + " is another kiosk's layer; a kiosk reports its own (kiosk:" + kioskId + ")");
            }
            String group = t.startsWith("group:") ? t.substring("group:".length()) : null;
            // a group the kiosk is in needs no look-up; one it just left still exists
            if (group != null && !groups.contains(group) && !store.groups().exists(group)) {
                throw new InvalidInputException(field, "no " + t + " exists; report the layers the backend gave");
            }
        }
        return reports.submit(kioskId, layers);
    }

    private void reportsWritten(boolean changed) {
        if (changed) {
            changed(store.configs().generation());
        }
    }

    /** Resumes the halted rollout of {@code target}. */
    public Rollout resume(ConfigTarget target, String admin) {
        Rollout r = store.configs().resume(target.toString(), admin);
        LOG.info("admin {} resumed the rollout of {} version {}", admin, target, r.version());
        changed(store.configs().generation());
        return r;
    }

    /** Aborts the running or halted rollout of {@code target}. */
    public Rollout abort(ConfigTarget target, String admin) {
        Rollout r = store.configs().abort(target.toString(), admin);
        LOG.info("admin {} aborted the rollout of {} version {}", admin, target, r.version());
        changed(store.configs().generation());
        return r;
    }

    /**
     * Registers {@code kiosk} in {@code groups} (in order) and returns its token, shown once. A kiosk new to the backend
     * offers every service of the catalog, so its Home is not empty; its config's {@code services} picks and orders them.
     * A kiosk registered again keeps what it offered.
     */
    public String addKiosk(Kiosk kiosk, List<String> groups, String admin, Function<Kiosk, String> register) {
        for (String g : groups) {
            KioskGroups.checkName(g);
            if (!store.groups().exists(g)) {
                throw new NotFoundException("no group " + g + " exists; ./kiosk admin group add " + g + " adds it");
            }
        }
        Optional<Instant> removed = store.kiosks().removedAt(kiosk.id());
        String token = register.apply(kiosk);
        if (store.services().offeredAt(kiosk.id()).isEmpty()) {
            store.services().offer(kiosk.id(), store.services().codes());
        }
        store.audit().record(new AuditEvent(clock.instant().truncatedTo(ChronoUnit.MILLIS), kiosk.id(), "kiosk.added",
                "kiosk:" + kiosk.id(), removed.map(at -> "again (removed " + at + "), ").orElse("") + "by admin " + admin));
        setGroups(kiosk.id(), groups, admin);
        return token;
    }

    /** Puts {@code kioskId} in exactly {@code groups}, in order. */
    public void setGroups(String kioskId, List<String> groups, String admin) {
        long generation = store.groups().set(kioskId, groups, admin);
        LOG.info("admin {} put kiosk {} in groups {}", admin, kioskId, groups);
        changed(generation);
    }

    /**
     * Moves {@code kioskId} from group {@code from} (null: its only group, if any) to group {@code to}; a connected
     * kiosk gets its new layers at once.
     */
    public KioskGroups.Membership moveKiosk(String kioskId, String from, String to, String admin) {
        KioskGroups.Membership moved = store.groups().move(kioskId, from, to, admin);
        LOG.info("admin {} moved kiosk {} to group {}; its groups now {}", admin, kioskId, to, moved.groups());
        changed(moved.generation());
        return moved;
    }

    /**
     * Removes {@code kioskId} from the fleet (see {@link DesiredConfigs#removeKiosk}); its token is refused from now on,
     * and a request of it still waiting here or on another instance ends.
     */
    public DesiredConfigs.RemovedKiosk removeKiosk(String kioskId, String admin) {
        DesiredConfigs.RemovedKiosk removed = store.configs().removeKiosk(kioskId, admin);
        LOG.info("admin {} removed kiosk {} from the fleet (it left groups {})", admin, kioskId, removed.groups());
        changed(removed.generation());
        return removed;
    }

    /** Ends the waiting requests of {@code kioskId} on this instance: they were made with a token that was just replaced. */
    public void disconnect(String kioskId) {
        polls.end(kioskId);
    }

    /** Removes group {@code name}, which must be empty and have no layer set. */
    public KioskGroups.Removed removeGroup(String name, String admin) {
        KioskGroups.Removed removed = store.groups().remove(name, admin);
        LOG.info("admin {} removed group {}", admin, name);
        changed(removed.generation());
        return removed;
    }

    /** Withdraws the layer of an empty group (see {@link DesiredConfigs#clearLayer}). */
    public DesiredConfigs.Cleared clearLayer(ConfigTarget target, String admin) {
        DesiredConfigs.Cleared cleared = store.configs().clearLayer(target.toString(), admin);
        LOG.info("admin {} withdrew the layer of {} (version {})", admin, target, cleared.version());
        changed(cleared.generation());
        return cleared;
    }

    /** The current in-memory view, for status pages. */
    public DesiredState state() {
        return state;
    }

    /** After a change made here: reload at once, so this instance answers from it, and tell the others. */
    private void changed(long generation) {
        reload();
        try {
            feed.announce(generation);
        } catch (RuntimeException e) {
            LOG.warn("could not announce config generation {} to other backend instances ({}); they notice within {} s",
                    generation, e.getMessage(), CHECK_SECONDS);
        }
    }

    private void announced(long generation) {
        if (generation == ChangeFeed.RESYNC || generation > state.generation()) {
            queueReload();
        }
    }

    private void checkGeneration() {
        try {
            if (store.configs().generation() != state.generation()) {
                queueReload();
            }
        } catch (RuntimeException e) {
            LOG.warn("could not check the config generation ({})", e.getMessage());
        }
    }

    private void queueReload() {
        if (reloadQueued.compareAndSet(false, true)) {
            waker.execute(() -> {
                reloadQueued.set(false);
                try {
                    reload();
                } catch (RuntimeException e) {
                    LOG.warn("could not reload the desired config state ({}); trying again within {} s", e.getMessage(), CHECK_SECONDS);
                }
            });
        }
    }

    private synchronized void reload() {
        DesiredConfigs.Snapshot snapshot = store.configs().snapshot();
        if (snapshot.generation() < state.generation()) {
            return;
        }
        state = new DesiredState(snapshot);
        waker.execute(() -> polls.wake(this::desired, k -> state.removed(k)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHED;
            }
        });
    }

    @Override
    public void close() {
        reports.close();
        feed.close();
        checker.shutdownNow();
        waker.shutdownNow();
        answering.shutdownNow();
    }
}
