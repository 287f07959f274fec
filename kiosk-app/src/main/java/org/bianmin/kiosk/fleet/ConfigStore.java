package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.config.ConfigException;
import org.bianmin.config.ConfigProblem;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's configuration state on disk, in one directory: the signed configuration it runs ({@value #CURRENT}),
 * the last known good one ({@value #LAST_KNOWN_GOOD}), the one being applied ({@value #PENDING}, present only during
 * an apply) and the last version that was reverted ({@value #REVERTED}, so a failed version is not tried again).
 *
 * <p>Every file is replaced whole: written to a temporary file in the same directory, forced to the disk, renamed over
 * the old one (an atomic rename) and the directory forced, so a reader sees the old file or the new one, never a
 * part. An apply stages the envelope as pending, and its commit point is the rename of {@value #CURRENT}; the last
 * known good copy and the removal of the pending marker follow. {@link #open} recovers from a kill at any of these
 * instants: temporary files are removed, a pending apply that passed its commit point is finished, one that did not
 * is rolled back and recorded as reverted, and a current file that cannot be read, verified or bound gives way to
 * the last known good one, then to the provisioned file. Nothing in the directory can stop the kiosk from starting.
 */
public final class ConfigStore {
    /** The signed configuration the kiosk runs and starts with. */
    public static final String CURRENT = "current.json";
    /** The last configuration that passed its health check; the same as current except while an apply fails. */
    public static final String LAST_KNOWN_GOOD = "last-known-good.json";
    /** The configuration being applied; its presence at start means the kiosk stopped during an apply. */
    public static final String PENDING = "pending.json";
    /** The report of the last version reverted, so that the same version is not applied again. */
    public static final String REVERTED = "reverted.json";
    static final String TEMPORARY_SUFFIX = ".tmp";
    /** The suffix of a file that could not be used, kept for the technician instead of deleted. */
    static final String UNUSABLE_SUFFIX = ".unusable";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored envelope the kiosk can run: signed by a trusted key, for this kiosk, and valid for it. */
    private record Usable(SignedConfig envelope, KioskConfig config, byte[] bytes) {
    }

    private final Path dir;
    private final Provisioning provisioning;
    private final Clock clock;
    private Optional<Usable> running = Optional.empty();
    private Optional<ReportedConfig> reverted = Optional.empty();
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

    /** The signed configuration the kiosk runs; empty when it runs its provisioned file. */
    public synchronized Optional<SignedConfig> runningEnvelope() {
        return running.map(Usable::envelope);
    }

    /** The configuration the kiosk runs. */
    public synchronized KioskConfig runningConfig() {
        return running.map(Usable::config).orElse(provisioning.provisioned());
    }

    /** The signed version the kiosk runs; 0 for its provisioned file. */
    public synchronized long runningVersion() {
        return running.map(u -> u.envelope().version()).orElse(0L);
    }

    /** The report of the last version that was reverted, if any was after the one running. */
    public synchronized Optional<ReportedConfig> lastReverted() {
        return reverted;
    }

    /**
     * Marks {@code next} as being applied: if the kiosk stops before {@link #commit}, it starts with the running
     * configuration and reports {@code next} as reverted.
     */
    public synchronized void stage(SignedConfig next) throws IOException {
        writeAtomically(PENDING, next.toJson());
    }

    /**
     * Makes {@code next}, staged and healthy, the configuration the kiosk runs and starts with.
     *
     * @throws IOException when the commit point (the rename of current) was not reached; the kiosk still starts with
     *     the configuration it ran before
     */
    public synchronized void commit(SignedConfig next, KioskConfig config) throws IOException {
        byte[] bytes = next.toJson();
        writeAtomically(CURRENT, bytes);
        running = Optional.of(new Usable(next, config, bytes));
        reverted = reverted.filter(r -> r.version() > next.version());
        try {
            writeAtomically(LAST_KNOWN_GOOD, bytes);
            Files.deleteIfExists(dir.resolve(PENDING));
            forceDirectory();
        } catch (IOException e) {
            // past the commit point: the next start finds pending equal to current and finishes the commit
            LOG.warn("version {} is committed, but {} could not be updated ({}); the next start finishes it", next.version(),
                    dir, e.getMessage());
        }
    }

    /**
     * Ends a staged apply that failed: records {@code report} so its version is not applied again, and removes the
     * pending marker. The running configuration on disk was never replaced.
     */
    public synchronized void abandon(ReportedConfig report) throws IOException {
        writeAtomically(REVERTED, JSON.writeValueAsBytes(reportJson(report)));
        reverted = Optional.of(report);
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
                LOG.info("the kiosk stopped after committing version {}; finishing the commit", current.get().envelope().version());
                deleteQuietly(PENDING);
            } else {
                reports.add(rollBack(pending.get(), chosen));
            }
        }
        running = chosen;
        if (current.isPresent()) {
            repairLastKnownGood(current.get());
        } else if (chosen.isPresent()) {
            LOG.warn("starting with the last known good config, version {}", chosen.get().envelope().version());
            writeQuietly(CURRENT, chosen.get().bytes());
        } else {
            LOG.info("no signed config is stored in {}; starting with the provisioned config", dir);
        }
        reverted = readReverted().filter(r -> r.version() > runningVersion());
        startup = new StartupConfig(runningConfig(), runningEnvelope(), reports);
    }

    /** A pending apply that never reached its commit point: the running config stays, the pending one is recorded as reverted. */
    private ReportedConfig rollBack(byte[] pending, Optional<Usable> back) {
        long runs = back.map(u -> u.envelope().version()).orElse(0L);
        String runsText = runs == 0 ? "its provisioned config" : "version " + runs;
        // only a verified marker may name the version refused from now on: a corrupt one must not block later pushes
        long version = verifiedVersion(pending);
        String reason = (version == 0 ? "an apply" : "version " + version)
                + " was interrupted: the kiosk stopped (power cut or crash) before its health check passed; it started again with "
                + runsText + "; push " + (version == 0 ? "the config" : "it") + " again as a new version to retry";
        ReportedConfig report = new ReportedConfig(version, ReportedConfig.Status.REVERTED, reason, runs, clock.instant());
        LOG.warn("{}", reason);
        try {
            if (version > runs) {
                writeAtomically(REVERTED, JSON.writeValueAsBytes(reportJson(report)));
            }
            Files.deleteIfExists(dir.resolve(PENDING));
            forceDirectory();
        } catch (IOException e) {
            LOG.warn("cannot clear the interrupted apply in {} ({}); it is rolled back again at the next start", dir, e.getMessage());
        }
        return report;
    }

    private long verifiedVersion(byte[] bytes) {
        Verdict v = provisioning.verifier().verify(bytes, 0L);
        return v instanceof Verdict.Accepted a ? a.config().version() : 0L;
    }

    private void repairLastKnownGood(Usable current) {
        Optional<byte[]> lkg = readBytes(LAST_KNOWN_GOOD);
        if (lkg.isEmpty() || !Arrays.equals(lkg.get(), current.bytes())) {
            writeQuietly(LAST_KNOWN_GOOD, current.bytes());
        }
    }

    /**
     * The envelope in {@code name} if the kiosk can run it; a file that is there but cannot be run is logged with the
     * reason and moved aside.
     */
    private Optional<Usable> usable(String name) {
        Optional<byte[]> bytes = readBytes(name);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        String problem;
        Verdict v = provisioning.verifier().verify(bytes.get(), 0L);
        if (v instanceof Verdict.Accepted a) {
            try {
                return Optional.of(new Usable(a.config(), provisioning.bind(a.config()), bytes.get()));
            } catch (ConfigException e) {
                problem = "it is not a valid config for this kiosk: " + String.join("; ", e.problems().stream().map(ConfigProblem::toString).toList());
            }
        } else {
            problem = ((Verdict.Rejected) v).message();
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
            if (Files.size(file) > SignedConfig.MAX_BYTES) {
                LOG.warn("{} is larger than a signed config can be; ignored", file);
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

    private Optional<ReportedConfig> readReverted() {
        Optional<byte[]> bytes = readBytes(REVERTED);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(bytes.get());
            return Optional.of(new ReportedConfig(n.get("version").longValue(),
                    ReportedConfig.Status.valueOf(n.get("status").textValue().toUpperCase(Locale.ROOT)), n.get("reason").textValue(),
                    n.get("runningVersion").longValue(), Instant.parse(n.get("at").textValue())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("the record of the last reverted version, {}, cannot be read; it is removed", dir.resolve(REVERTED));
            deleteQuietly(REVERTED);
            return Optional.empty();
        }
    }

    private static ObjectNode reportJson(ReportedConfig r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", r.version());
        n.put("status", r.status().name().toLowerCase(Locale.ROOT));
        n.put("reason", r.reason());
        n.put("runningVersion", r.runningVersion());
        n.put("at", r.at().toString());
        return n;
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
