package org.bianmin.backend.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command-line entry of {@code ./kiosk bench fleet}: one backend (H2, in this JVM) and thousands of simulated kiosk
 * clients over real HTTP, each long-polling with its own token, verifying the signature and reporting; one push to the
 * fleet, and the time until every kiosk reported it applied (p50, p99, max), with the memory and threads it took.
 */
@Command(name = "kiosk bench fleet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time from one fleet push until every simulated kiosk reported it applied, and what the backend used.")
public final class FleetBenchmark implements Callable<Integer> {
    static final Duration TARGET = Duration.ofSeconds(10);
    static final int FAILED = 1;
    private static final int USAGE = 2;

    @Option(names = "--kiosks", paramLabel = "N", defaultValue = "5000", description = "simulated kiosks (default ${DEFAULT-VALUE})")
    int kiosks;

    @Option(names = "--stage", paramLabel = "PERCENT", description = "push staged: this share of the fleet a wave")
    Integer stage;

    @Option(names = "--wait", paramLabel = "S", defaultValue = "60", description = "each long-poll's wait, seconds (default ${DEFAULT-VALUE})")
    int waitSeconds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "pushes before the measured one, each waited for until all applied: a running backend is warm (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "120", description = "give up after S seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FleetBenchmark()).execute(args));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FleetBenchmark());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (kiosks < 1 || waitSeconds < 1 || waitSeconds > 60 || (stage != null && (stage < 1 || stage > 100))) {
            err.println("kiosk bench fleet: --kiosks must be 1 or more, --wait 1 to 60, --stage 1 to 100");
            return USAGE;
        }
        Path data = Files.createTempDirectory("bianmin-bench-fleet");
        // the clients' work (parsing, verifying signatures) on platform threads of its own: on the virtual threads' carriers
        // it would queue ahead of the backend's answers, which the backend's own machine would never see
        ExecutorService callbacks = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().daemon().name("kiosk-client-", 0).factory());
        List<HttpClient> clients = new ArrayList<>();
        List<SimulatedKiosk> simulated = new ArrayList<>();
        try (BackendApp app = BackendApp.create(BackendConfig.of(0, data)).start()) {
            out.printf(Locale.ROOT, "Backend on port %d (H2 in this JVM); registering %,d kiosks…%n", app.port(), kiosks);
            String adminToken = app.admins().issue("bench-admin");
            AdminKeyPair key = AdminKeyPair.generate();
            app.store().adminKeys().add(key.keyId(), "bench-admin", key.publicKeyPem());
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < kiosks; i++) {
                tokens.add(app.authenticator().register(new Kiosk(String.format(Locale.ROOT, "bench-%05d", i), "Bench kiosk " + i)));
            }
            long idleHeap = usedHeapAfterGc();

            // a few clients, each with its own selector thread, share the connections
            for (int i = 0; i < Math.max(1, Math.min(8, kiosks / 500)); i++) {
                clients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(30)).build());
            }
            URI backend = URI.create("http://127.0.0.1:" + app.port());
            Round[] round = {new Round(0, kiosks)};
            Set<String> reportedOnce = ConcurrentHashMap.newKeySet();
            CountDownLatch ready = new CountDownLatch(kiosks);
            for (int i = 0; i < kiosks; i++) {
                int index = i;
                String id = String.format(Locale.ROOT, "bench-%05d", i);
                simulated.add(new SimulatedKiosk(clients.get(i % clients.size()), backend, id, tokens.get(i), List.of(key.publicKey()),
                        waitSeconds, c -> Optional.empty(), (kiosk, running) -> {
                            if (reportedOnce.add(kiosk)) {
                                ready.countDown();
                            }
                            round[0].reported(index, running.getOrDefault("fleet", 0L));
                        }).start());
            }
            // every kiosk has fetched its (empty) set and reported; from here on each is long-polling or about to
            boolean started = ready.await(timeoutSeconds, TimeUnit.SECONDS);
            if (!started || broken(simulated, err)) {
                err.printf(Locale.ROOT, "kiosk bench fleet: only %,d of %,d kiosks started within %d s%n", kiosks - ready.getCount(),
                        kiosks, timeoutSeconds);
                return FAILED;
            }
            for (int version = 1; version <= warmup + 1; version++) {
                boolean measured = version == warmup + 1;
                // a kiosk that reported goes back to waiting at once; measure from a fleet that is all waiting
                long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (app.configs().waiting() < kiosks && System.nanoTime() < settle) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
                out.printf(Locale.ROOT, "%,d kiosks long-polling; %s fleet version %d%s…%n", app.configs().waiting(),
                        measured ? "pushing" : "warming up with", version, stage == null ? "" : ", staged " + stage + "% a wave");
                round[0] = new Round(version, kiosks);
                byte[] envelope = SignedConfig.sign(layer(version), ConfigTarget.FLEET, version, key.privateKey()).toJson();
                round[0].pushedAt = System.nanoTime();
                HttpResponse<String> pushed = clients.get(0).send(HttpRequest.newBuilder(URI.create(backend + "/api/v1/admin/config/pushes"
                                + (stage == null ? "" : "?stagePercent=" + stage + "&stopOnFailures=" + kiosks)))
                        .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
                if (pushed.statusCode() != 201) {
                    err.println("kiosk bench fleet: the push was refused: HTTP " + pushed.statusCode() + " " + pushed.body());
                    return FAILED;
                }
                boolean all = round[0].applied.await(timeoutSeconds, TimeUnit.SECONDS);
                if (!all || broken(simulated, err)) {
                    err.printf(Locale.ROOT, "kiosk bench fleet: only %,d of %,d kiosks reported version %d applied within %d s%n",
                            kiosks - round[0].applied.getCount(), kiosks, version, timeoutSeconds);
                    return FAILED;
                }
            }
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            long jetty = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("JettyServerThreadPool")
                    && !t.getName().contains("acceptor")).count();
            long heap = usedHeapAfterGc();
            print(out, round[0].millis(), idleHeap, heap, threads, jetty);
            return 0;
        } finally {
            simulated.forEach(SimulatedKiosk::stop);
            clients.forEach(HttpClient::close);
            callbacks.shutdownNow();
            deleteQuietly(data);
        }
    }

    /** One push and when each kiosk reported it applied. */
    private static final class Round {
        final long version;
        final long[] appliedAt;
        final CountDownLatch applied;
        volatile long pushedAt;

        Round(long version, int kiosks) {
            this.version = version;
            this.appliedAt = new long[kiosks];
            this.applied = new CountDownLatch(version == 0 ? 0 : kiosks);
        }

        synchronized void reported(int kiosk, long runs) {
            if (version > 0 && runs >= version && appliedAt[kiosk] == 0) {
                appliedAt[kiosk] = System.nanoTime();
                applied.countDown();
            }
        }

        synchronized long[] millis() {
            return Arrays.stream(appliedAt).filter(t -> t > 0).map(t -> (t - pushedAt) / 1_000_000).sorted().toArray();
        }
    }

    private static boolean broken(List<SimulatedKiosk> simulated, PrintWriter err) {
        Optional<SimulatedKiosk> broken = simulated.stream().filter(s -> s.broken() != null).findFirst();
        broken.ifPresent(b -> err.println("kiosk bench fleet: simulated kiosk " + b.kioskId() + " stopped: " + b.broken().getMessage()));
        return broken.isPresent();
    }

    /** The pushed layer: a notice for every kiosk, and a longer Home timeout. */
    private static ObjectNode layer(int version) {
        return ConfigLayer.fromYaml("bench layer", Path.of(""), """
                notices:
                  - zh: 本周六上午9时至12时系统维护，期间暂停自助打印。
                    en: Self-service printing pauses for maintenance on Saturday, 9:00-12:00.
                session:
                  timeouts:
                    home: %d
                """.formatted(60 + version)).tree();
    }

    private void print(PrintWriter out, long[] millis, long idleHeap, long heap, int threads, long jetty) {
        String rss = rss();
        out.println();
        out.printf(Locale.ROOT, "%-38s %s%n", "kiosks", String.format(Locale.ROOT, "%,d", kiosks));
        out.printf(Locale.ROOT, "%-38s %s%n", "reported applied", String.format(Locale.ROOT, "%,d", millis.length));
        if (millis.length > 0) {
            out.printf(Locale.ROOT, "%-38s %,d ms%n", "push → applied, p50", percentile(millis, 50));
            out.printf(Locale.ROOT, "%-38s %,d ms%n", "push → applied, p99", percentile(millis, 99));
            out.printf(Locale.ROOT, "%-38s %,d ms  (target %d s: %s)%n", "push → all applied (max)", millis[millis.length - 1],
                    TARGET.toSeconds(), millis.length == kiosks && millis[millis.length - 1] <= TARGET.toMillis() ? "ok" : "MISSED");
        }
        out.printf(Locale.ROOT, "%-38s %,d MiB%n", "heap used, backend idle (after GC)", idleHeap >> 20);
        out.printf(Locale.ROOT, "%-38s %,d MiB%n", "heap used, all polling (after GC)", heap >> 20);
        out.printf(Locale.ROOT, "%-38s %s%n", "resident set (RSS)", rss);
        out.printf(Locale.ROOT, "%-38s %d (Jetty pool %d)%n", "threads", threads, jetty);
        out.println("(backend and clients share this JVM: heap, RSS and threads are both; waiting kiosks hold no thread)");
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> String.format(Locale.ROOT, "%,d MiB", Long.parseLong(l.replaceAll("\\D", "")) >> 10)).findFirst().orElse("unknown");
        } catch (IOException | NumberFormatException e) {
            return "unknown (no /proc)";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the system cleans it
        }
    }
}
