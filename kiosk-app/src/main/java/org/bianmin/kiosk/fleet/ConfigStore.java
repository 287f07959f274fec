package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.config.ConfigException;
import org.bianmin.config.ConfigProblem;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's configuration state on disk, in one directory: the signed layers it runs ({@value #CURRENT}), the last
 * known good ones ({@value #LAST_KNOWN_GOOD}), the ones being applied ({@value #PENDING}, present only during an apply)
 * and, per layer, the last version that was reverted ({@value #REVERTED}, so a failed version is not tried again).
 * Each of the first three holds a whole {@link SignedLayers}: fleet, group and kiosk layers change together or not at
 * all.
 *
 * <p>Every file is replaced whole: written to a temporary file in the same directory, forced to the disk, renamed over
 * the old one (an atomic rename) and the directory forced, so a reader sees the old file or the new one, never a
 * part. An apply stages the layers as pending, and its commit point is the rename of {@value #CURRENT}; the last
 * known good copy and the removal of the pending marker follow. {@link #open} recovers from a kill at any of these
 * instants: temporary files are removed, a pending apply that passed its commit point is finished, one that did not
 * is rolled back and recorded as reverted, and a current file that cannot be read, verified or bound gives way to
 * the last known good one, then to the provisioned configuration. Nothing in the directory can stop the kiosk from
 * starting.
 */
public final class ConfigStore {
    /** The signed layers the kiosk runs and starts with. */
    public static final String CURRENT = "current.json";
    /** The last layers that passed their health check; the same as current except while an apply fails. */
    public static final String LAST_KNOWN_GOOD = "last-known-good.json";
    /** The layers being applied; their presence at start means the kiosk stopped during an apply. */
    public static final String PENDING = "pending.json";
    /** Per layer, the report of the last version reverted, so that the same version is not applied again. */
    public static final String REVERTED = "reverted.json";
    static final String TEMPORARY_SUFFIX = ".tmp";
    /** The suffix of a file that could not be used, kept for the technician instead of deleted. */
    static final String UNUSABLE_SUFFIX = ".unusable";
    /** A state file holds at most a fleet, a kiosk and some group layers, each at most this big. */
    private static final long MAX_STATE_BYTES = 20L * SignedConfig.MAX_BYTES;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stored layers the kiosk can run: each signed by a trusted key, for this kiosk or its groups, and valid together. */
    private record Usable(SignedLayers layers, KioskConfig config, byte[] bytes) {
    }

    private final Path dir;
    private final Provisioning provisioning;
    private final Clock clock;
    private Optional<Usable> running = Optional.empty();
    private Map<String, ReportedConfig> reverted = new LinkedHashMap<>();
    private StartupConfig startup;

    private ConfigStore(Path dir, Provisioning provisioning, Clock clock) {
        this.dir = dir;
        this.provisioning = provisioning;
        this.clock = clock;
    }

    /**
     * Opens the store in {@code dir} (created if missing) and recovers what a kill or a broken disk left; {@link
     * #startup()} then says what the kiosk runs. Problems in the files are logged, never thrown.
     *
     * @throws IOException only when the directory cannot be created or listed
     */
    public static ConfigStore open(Path dir, Provisioning provisioning, Clock clock) throws IOException {
        Files.createDirectories(dir);
        ConfigStore store = new ConfigStore(dir, Objects.requireNonNull(provisioning, "provisioning"), Objects.requireNonNull(clock, "clock"));
        store.recover();
        return store;
    }

    public Path directory() {
        return dir;
    }

    /** The configuration the kiosk starts with, and what the fleet service must hear about the recovery. */
    public synchronized StartupConfig startup() {
        return startup;
    }

    /** The signed layers the kiosk runs; {@link SignedLayers#NONE} when it runs its provisioned configuration. */
    public synchronized SignedLayers running() {
        return running.map(Usable::layers).orElse(SignedLayers.NONE);
    }

    /** The configuration the kiosk runs. */
    public synchronized KioskConfig runningConfig() {
        return running.map(Usable::config).orElse(provisioning.provisioned());
    }

    /** The version of {@code target} the kiosk runs; 0 when it runs no layer for it. */
    public synchronized long runningVersion(String target) {
        return running().version(target);
    }

    /** The report of the last version of {@code target} that was reverted, if one was after the version running. */
    public synchronized Optional<ReportedConfig> lastReverted(String target) {
        return Optional.ofNullable(reverted.get(target));
    }

    /**
     * Marks {@code next} as being applied: if the kiosk stops before {@link #commit}, it starts with the running
     * layers and reports the new ones as reverted.
     */
    public synchronized void stage(SignedLayers next) throws IOException {
        writeAtomically(PENDING, next.toJson());
    }

    /**
     * Makes {@code next}, staged and healthy, the layers the kiosk runs and starts with.
     *
     * @throws IOException when the commit point (the rename of current) was not reached; the kiosk still starts with
     *     the layers it ran before
     */
    public synchronized void commit(SignedLayers next, KioskConfig config) throws IOException {
        byte[] bytes = next.toJson();
        writeAtomically(CURRENT, bytes);
        running = Optional.of(new Usable(next, config, bytes));
        reverted.values().removeIf(r -> r.version() <= next.version(r.target()));
        try {
            writeAtomically(LAST_KNOWN_GOOD, bytes);
            Files.deleteIfExists(dir.resolve(PENDING));
            forceDirectory();
        } catch (IOException e) {
            // past the commit point: the next start finds pending equal to current and finishes the commit
            LOG.warn("layers {} are committed, but {} could not be updated ({}); the next start finishes it", next, dir,
                    e.getMessage());
        }
    }

    /**
     * Ends a staged apply that failed: records {@code reports} (one per layer that was new) so their versions are not
     * applied again, and removes the pending marker. The running layers on disk were never replaced.
     */
    public synchronized void abandon(List<ReportedConfig> reports) throws IOException {
        Map<String, ReportedConfig> next = new LinkedHashMap<>(reverted);
        reports.forEach(r -> next.put(r.target(), r));
        writeAtomically(REVERTED, JSON.writeValueAsBytes(revertedJson(next.values())));
        reverted = next;
        Files.deleteIfExists(dir.resolve(PENDING));
        forceDirectory();
    }

    private void recover() throws IOException {
        List<ReportedConfig> reports = new ArrayList<>();
        removeTemporaryFiles();
        Optional<byte[]> pending = readBytes(PENDING);
        Optional<Usable> current = usable(CURRENT);
        Optional<Usable> chosen = current.isPresent() ? current : usable(LAST_KNOWN_GOOD);
        if (pending.isPresent()) {
            if (current.isPresent() && Arrays.equals(current.get().bytes(), pending.get())) {
                LOG.info("the kiosk stopped after committing layers {}; finishing the commit", current.get().layers());
                deleteQuietly(PENDING);
            } else {
                reports.addAll(rollBack(pending.get(), chosen.map(Usable::layers).orElse(SignedLayers.NONE)));
            }
        }
        running = chosen;
        if (current.isPresent()) {
            repairLastKnownGood(current.get());
        } else if (chosen.isPresent()) {
            LOG.warn("starting with the last known good layers {}", chosen.get().layers());
            writeQuietly(CURRENT, chosen.get().bytes());
        } else {
            LOG.info("no signed config is stored in {}; starting with the provisioned config", dir);
        }
        SignedLayers runs = running();
        reverted = new LinkedHashMap<>();
        readReverted().stream().filter(r -> r.version() > runs.version(r.target())).forEach(r -> reverted.put(r.target(), r));
        startup = new StartupConfig(runningConfig(), runs, reports);
    }

    /**
     * A pending apply that never reached its commit point: the running layers stay, and each pending layer newer than
     * the running one of its target is recorded as reverted.
     */
    private List<ReportedConfig> rollBack(byte[] pending, SignedLayers back) {
        // only verified layers may name a version refused from now on: a corrupt marker must not block later pushes
        List<SignedConfig> verified = verifiedLayers(pending);
        List<ReportedConfig> reports = new ArrayList<>();
        String runsText = back.isEmpty() ? "its provisioned config" : "the layers it ran before (" + back + ")";
        for (SignedConfig layer : verified) {
            String target = layer.target().toString();
            long runs = back.version(target);
            if (layer.version() > runs) {
                String reason = "version " + layer.version() + " was interrupted: the kiosk stopped (power cut or crash) before its "
                        + "health check passed; it started again with " + runsText + "; push it again as a new version to retry";
                reports.add(new ReportedConfig(target, layer.version(), ReportedConfig.Status.REVERTED, reason, runs, clock.instant()));
            }
        }
        if (reports.isEmpty()) {
            LOG.warn("an apply was interrupted; its marker names no layer this kiosk can verify, so nothing is recorded as reverted");
        }
        reports.forEach(r -> LOG.warn("{}: {}", r.target(), r.reason()));
        try {
            if (!reports.isEmpty()) {
                Map<String, ReportedConfig> all = new LinkedHashMap<>();
                readReverted().forEach(r -> all.put(r.target(), r));
                reports.forEach(r -> all.put(r.target(), r));
                writeAtomically(REVERTED, JSON.writeValueAsBytes(revertedJson(all.values())));
            }
            Files.deleteIfExists(dir.resolve(PENDING));
            forceDirectory();
        } catch (IOException e) {
            LOG.warn("cannot clear the interrupted apply in {} ({}); it is rolled back again at the next start", dir, e.getMessage());
        }
        return reports;
    }

    /** The layers of a state file that verify, or none when the file is not one. */
    private List<SignedConfig> verifiedLayers(byte[] bytes) {
        try {
            SignedLayers.Stored stored = SignedLayers.read(bytes);
            ConfigVerifier verifier = provisioning.verifier(stored.groups());
            List<SignedConfig> layers = new ArrayList<>();
            for (byte[] layer : stored.layers()) {
                if (verifier.verify(layer, target -> 0L) instanceof Verdict.Accepted a) {
                    layers.add(a.config());
                }
            }
            return layers;
        } catch (IOException e) {
            return List.of();
        }
    }

    private void repairLastKnownGood(Usable current) {
        Optional<byte[]> lkg = readBytes(LAST_KNOWN_GOOD);
        if (lkg.isEmpty() || !Arrays.equals(lkg.get(), current.bytes())) {
            writeQuietly(LAST_KNOWN_GOOD, current.bytes());
        }
    }

    /**
     * The layers in {@code name} if the kiosk can run them; a file that is there but cannot be run is logged with the
     * reason and moved aside.
     */
    private Optional<Usable> usable(String name) {
        Optional<byte[]> bytes = readBytes(name);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        String problem;
        try {
            SignedLayers.Stored stored = SignedLayers.read(bytes.get());
            ConfigVerifier verifier = provisioning.verifier(stored.groups());
            List<SignedConfig> layers = new ArrayList<>();
            problem = null;
            for (byte[] layer : stored.layers()) {
                Verdict v = verifier.verify(layer, target -> 0L);
                if (v instanceof Verdict.Rejected r) {
                    problem = r.message();
                    break;
                }
                layers.add(((Verdict.Accepted) v).config());
            }
            if (problem == null) {
                SignedLayers set = new SignedLayers(stored.groups(), layers);
                return Optional.of(new Usable(set, provisioning.bind(layers), bytes.get()));
            }
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            problem = "it is not a whole layer set (" + why + ")";
        } catch (ConfigException e) {
            problem = "it is not a valid config for this kiosk: " + String.join("; ", e.problems().stream().map(ConfigProblem::toString).toList());
        }
        LOG.warn("the stored config {} cannot be used ({}); moved it aside as {}", dir.resolve(name), problem, name + UNUSABLE_SUFFIX);
        try {
            Files.move(dir.resolve(name), dir.resolve(name + UNUSABLE_SUFFIX), StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            LOG.warn("cannot move {} aside ({})", dir.resolve(name), e.getMessage());
        }
        return Optional.empty();
    }

    private Optional<byte[]> readBytes(String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.size(file) > MAX_STATE_BYTES) {
                LOG.warn("{} is larger than the kiosk's layers can be; ignored", file);
                return Optional.of(new byte[0]);
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read {} ({}); it is treated as broken", file, e.getMessage());
            return Optional.of(new byte[0]);
        }
    }

    private List<ReportedConfig> readReverted() {
        Optional<byte[]> bytes = readBytes(REVERTED);
        if (bytes.isEmpty()) {
            return List.of();
        }
        try {
            List<ReportedConfig> reports = new ArrayList<>();
            for (JsonNode n : JSON.readTree(bytes.get()).get("layers")) {
                reports.add(new ReportedConfig(n.get("target").textValue(), n.get("version").longValue(),
                        ReportedConfig.Status.valueOf(n.get("status").textValue().toUpperCase(Locale.ROOT)), n.get("reason").textValue(),
                        n.get("runningVersion").longValue(), Instant.parse(n.get("at").textValue())));
            }
            return reports;
        } catch (IOException | RuntimeException e) {
            LOG.warn("the record of the versions reverted, {}, cannot be read; it is removed", dir.resolve(REVERTED));
            deleteQuietly(REVERTED);
            return List.of();
        }
    }

    private static ObjectNode revertedJson(Collection<ReportedConfig> reports) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode layers = root.putArray("layers");
        for (ReportedConfig r : reports) {
            ObjectNode n = layers.addObject();
            n.put("target", r.target());
            n.put("version", r.version());
            n.put("status", r.status().name().toLowerCase(Locale.ROOT));
            n.put("reason", r.reason());
            n.put("runningVersion", r.runningVersion());
            n.put("at", r.at().toString());
        }
        return root;
    }

    private void removeTemporaryFiles() throws IOException {
        boolean removed = false;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*" + TEMPORARY_SUFFIX)) {
            for (Path f : leftovers) {
                removed |= Files.deleteIfExists(f);
                LOG.info("removed {}, left by a write the kiosk did not finish", f.getFileName());
            }
        }
        if (removed) {
            forceDirectory();
        }
    }

    /** Temp file in the same directory, forced; renamed over the target; the directory forced so the rename lasts. */
    private void writeAtomically(String name, byte[] bytes) throws IOException {
        Path tmp = dir.resolve(name + TEMPORARY_SUFFIX);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /** fsync(2) of the directory, so that a rename or a removal survives a power cut (POSIX file systems). */
    private void forceDirectory() throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private void writeQuietly(String name, byte[] bytes) {
        try {
            writeAtomically(name, bytes);
        } catch (IOException e) {
            LOG.warn("cannot write {} ({}); the kiosk runs from memory and repairs it at the next start", dir.resolve(name), e.getMessage());
        }
    }

    private void deleteQuietly(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name));
            forceDirectory();
        } catch (IOException e) {
            LOG.warn("cannot remove {} ({})", dir.resolve(name), e.getMessage());
        }
    }
}
