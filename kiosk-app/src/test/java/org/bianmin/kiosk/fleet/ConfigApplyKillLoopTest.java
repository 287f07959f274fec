package org.bianmin.kiosk.fleet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 6's kill loop: a kiosk process applying config after config is killed (SIGKILL) at random instants, at least
 * 100 times. Each apply moves two layers, the fleet's and the kiosk's own, to the next version together. After every
 * kill the files it left are each whole and signed, and recovering them gives exactly the last version the process
 * reported committed or the one after it, for both layers, with that version's own configuration: never a mix of
 * layers or versions, never a broken file, never a version lost once committed.
 */
class ConfigApplyKillLoopTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplyKillLoopTest.class);
    private static final int KILLS = 100;
    private static final int LANES = 2;
    /** Kills land this long at most after the child reports it is applying: many apply cycles, at any phase of one. */
    private static final int MAX_DELAY_MS = 150;

    @TempDir
    Path root;

    @Test
    void aKioskKilledAtRandomInstantsDuringAppliesAlwaysStartsWithTheOldOrTheNewConfigWholeAndSigned() throws Exception {
        long seed = new Random().nextLong();
        AdminKeyPair admin = AdminKeyPair.generate();
        Path privateKey = root.resolve("admin.key");
        admin.write(privateKey, root.resolve("admin.pub"));
        Path provisionedFile = root.resolve("kiosk.yaml");
        Files.writeString(provisionedFile, FleetKiosk.PROVISIONED_YAML);
        Provisioning provisioning = Provisioning.of(provisionedFile);

        long started = System.nanoTime();
        List<Lane.Result> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(LANES);
        try {
            List<Future<Lane.Result>> futures = new ArrayList<>();
            for (int i = 0; i < LANES; i++) {
                Lane lane = new Lane(root.resolve("lane-" + i), provisionedFile, privateKey, provisioning, admin, seed + i);
                futures.add(pool.submit(() -> lane.run(KILLS / LANES)));
            }
            for (Future<Lane.Result> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AssertionError a) {
                        throw a;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        int kills = results.stream().mapToInt(Lane.Result::kills).sum();
        int interrupted = results.stream().mapToInt(Lane.Result::interrupted).sum();
        int newer = results.stream().mapToInt(Lane.Result::newer).sum();
        LOG.info("kill loop: {} kills in {} s, {} commits, {} kills left an apply in flight, {} kept the version being applied, final "
                + "versions {} (seed {})", kills, seconds, results.stream().mapToInt(Lane.Result::commits).sum(), interrupted, newer,
                results.stream().map(Lane.Result::version).toList(), seed);
        assertTrue(kills >= 100, "at least 100 kills: " + kills);
        assertTrue(interrupted >= kills / 10, "kills landed during applies, not only between them: " + interrupted + " of " + kills);
        assertTrue(newer > 0 && newer < kills, "some kills kept the old version and some the new one: " + newer + " of " + kills
                + " kept the new one");
    }

    /** One kiosk's directory, killed and recovered over and over; lanes run side by side to use both cores. */
    private record Lane(Path root, Path provisionedFile, Path privateKey, Provisioning provisioning, AdminKeyPair admin, long seed) {

        /**
         * @param interrupted kills that left an apply in flight (a pending marker or a temporary file)
         * @param newer       kills after which the version being applied survived (its commit point was passed)
         */
        record Result(int kills, int commits, int interrupted, int newer, long version) {
        }

        Result run(int kills) throws IOException, InterruptedException {
            Random random = new Random(seed);
            Path configDir = root.resolve("config");
            Files.createDirectories(configDir);
            long recovered = 0;
            int interrupted = 0;
            int commits = 0;
            int newer = 0;
            for (int kill = 1; kill <= kills; kill++) {
                String context = root.getFileName() + ", kill " + kill + " (seed " + seed + ")";
                Child child = Child.start(provisionedFile, configDir, privateKey, root.resolve("child-" + kill + ".txt"));
                if (random.nextInt(10) == 0) {
                    // now and then a kill while the JVM starts or the store recovers, which writes too
                    child.process.waitFor(random.nextInt(600), TimeUnit.MILLISECONDS);
                } else {
                    await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                            .until(() -> child.started().isPresent() || !child.process.isAlive());
                    child.process.waitFor(random.nextInt(MAX_DELAY_MS + 1), TimeUnit.MILLISECONDS);
                }
                assertTrue(child.process.isAlive(), context + ": the child ended by itself:\n" + child.tail());
                child.kill();

                long before = recovered;
                child.started().ifPresent(v -> assertEquals(before, v, context + ": the child recovered what the test recovered"));
                List<Long> committed = child.versions(ApplyLoopChild.COMMITTED);
                List<Long> applying = child.versions(ApplyLoopChild.APPLYING);
                commits += committed.size();
                long old = committed.isEmpty() ? recovered : committed.getLast();
                long attempted = applying.isEmpty() ? old : applying.getLast();

                Path copy = root.resolve("after-kill-" + kill);
                copyFiles(configDir, copy);
                interrupted += everyFileIsWholeAndSigned(copy, provisioning, context);

                StartupConfig s = ConfigStore.open(copy, provisioning, Clock.systemUTC()).startup();
                long v = s.runningVersion(ApplyLoopChild.KIOSK.toString());
                assertEquals(v, s.runningVersion("fleet"), context + ": the fleet and kiosk layers recovered together");
                assertTrue(v == old || v == attempted, context + ": recovered version " + v + ", but the child had committed " + old
                        + " and was applying " + attempted + "\n" + child.tail());
                assertEquals(expected(provisioning, admin, v), s.config(), context + ": version " + v + " is exactly its own config");
                s.layers().layers().forEach(e -> assertEquals(ApplyLoopChild.tree(e.target(), v), e.config(), context));
                assertEquals(Set.of(), Set.copyOf(names(copy).stream()
                        .filter(n -> n.endsWith(ConfigStore.TEMPORARY_SUFFIX) || n.equals(ConfigStore.PENDING)).toList()), context);
                newer += v == attempted && v != old ? 1 : 0;
                recovered = v;
            }
            return new Result(kills, commits, interrupted, newer, recovered);
        }
    }

    /** The configuration version {@code v} must bind to (the provisioned one for 0). */
    private static KioskConfig expected(Provisioning provisioning, AdminKeyPair admin, long v) {
        if (v == 0) {
            return provisioning.provisioned();
        }
        return provisioning.bind(ApplyLoopChild.layers(v, admin));
    }

    /**
     * Checks, before any recovery, that each config file a kill left is a whole envelope with a valid signature (the
     * rename is atomic); returns 1 when the kill caught an apply in flight (a pending marker or a temporary file).
     */
    private static int everyFileIsWholeAndSigned(Path dir, Provisioning provisioning, String context) {
        for (String name : List.of(ConfigStore.CURRENT, ConfigStore.LAST_KNOWN_GOOD, ConfigStore.PENDING)) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) {
                SignedLayers.Stored stored;
                try {
                    stored = SignedLayers.read(read(f));
                } catch (IOException e) {
                    throw new AssertionError(context + ": " + name + " is not a whole layer set: " + e.getMessage(), e);
                }
                assertEquals(2, stored.layers().size(), context + ": " + name + " holds both layers");
                Set<Long> versions = new HashSet<>();
                for (byte[] layer : stored.layers()) {
                    Verdict verdict = provisioning.verifier(stored.groups()).verify(layer, target -> 0L);
                    Verdict.Accepted a = assertInstanceOf(Verdict.Accepted.class, verdict, context + ": " + name + " " + verdict);
                    assertEquals(ApplyLoopChild.tree(a.config().target(), a.config().version()), a.config().config(),
                            context + ": " + name);
                    versions.add(a.config().version());
                }
                assertEquals(1, versions.size(), context + ": " + name + " holds one version of both layers: " + versions);
            }
        }
        assertFalse(names(dir).stream().anyMatch(n -> n.endsWith(ConfigStore.UNUSABLE_SUFFIX)), context + ": no file was broken");
        return names(dir).stream().anyMatch(n -> n.equals(ConfigStore.PENDING) || n.endsWith(ConfigStore.TEMPORARY_SUFFIX)) ? 1 : 0;
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : names(from)) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run of {@link ApplyLoopChild}; its output goes to a file, which keeps every line it wrote before the kill. */
    private record Child(Process process, Path output) {

        static Child start(Path provisionedFile, Path configDir, Path privateKey, Path output) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    // a quick start, as the child runs for a fraction of a second; its logs are not needed (logback's start
                    // would double the time to the first apply): what the test checks, it prints
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Dfile.encoding=UTF-8",
                    "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider"));
            command.addAll(List.of(ApplyLoopChild.class.getName(), provisionedFile.toString(), configDir.toString(), privateKey.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            return new Child(p, output);
        }

        /** SIGKILL, and wait until the process is gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        List<String> lines() {
            try {
                return Files.readAllLines(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<Long> started() {
            return versions(ApplyLoopChild.STARTED).stream().findFirst();
        }

        /** The versions on the lines that start with {@code prefix}, in order. */
        List<Long> versions(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).map(l -> Long.parseLong(l.substring(prefix.length()))).toList();
        }

        String tail() {
            List<String> lines = lines();
            return String.join("\n", lines.size() > 40 ? lines.subList(lines.size() - 40, lines.size()) : lines);
        }
    }
}
