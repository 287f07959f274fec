package org.bianmin.backend.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * fleet, and per kiosk the time its desired config reached it and the time the backend stored its applied report (p50,
 * p99, max of each), with where the processor time went and the memory and threads it took.
 *
 * <p>The clients' HTTP runs on threads of its own and their parsing and verifying on others, so an answer or a 204 is
 * timed when it arrives, not when its kiosk's turn on the shared cores comes.
 */
@Command(name = "kiosk bench fleet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time from one fleet push until it reached each simulated kiosk and until each applied report was stored.")
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
        int cores = Runtime.getRuntime().availableProcessors();
        // the clients' HTTP and their own work (parsing, verifying signatures) on platform threads of their own: on the
        // virtual threads' carriers they would queue ahead of the backend's answers, which its own machine would never see;
        // and a 204 handled behind thousands of signature checks would be timed when the check queue reaches it
        ExecutorService callbacks = Executors.newFixedThreadPool(cores, Thread.ofPlatform().daemon().name("kiosk-http-", 0).factory());
        ExecutorService work = Executors.newFixedThreadPool(cores, Thread.ofPlatform().daemon().name("kiosk-work-", 0).factory());
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
                        waitSeconds, c -> Optional.empty(), new SimulatedKiosk.Listener() {
                            @Override
                            public void received(String kiosk, Map<String, Long> versions, long arrivedAt) {
                                round[0].received(index, versions.getOrDefault("fleet", 0L), arrivedAt);
                            }

                            @Override
                            public void reported(String kiosk, Map<String, Long> running, long storedAt) {
                                if (reportedOnce.add(kiosk)) {
                                    ready.countDown();
                                }
                                round[0].reported(index, running.getOrDefault("fleet", 0L), storedAt);
                            }
                        }, work).start());
            }
            // every kiosk has fetched its (empty) set and reported; from here on each is long-polling or about to
            boolean started = ready.await(timeoutSeconds, TimeUnit.SECONDS);
            if (!started || broken(simulated, err)) {
                err.printf(Locale.ROOT, "kiosk bench fleet: only %,d of %,d kiosks started within %d s%n", kiosks - ready.getCount(),
                        kiosks, timeoutSeconds);
                return FAILED;
            }
            Cpu cpu = null;
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
                cpu = Cpu.now();
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
                cpu = Cpu.now().since(cpu);
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
            print(out, round[0], cpu, cores, idleHeap, heap, threads, jetty);
            return 0;
        } finally {
            simulated.forEach(SimulatedKiosk::stop);
            clients.forEach(HttpClient::close);
            callbacks.shutdownNow();
            work.shutdownNow();
            deleteQuietly(data);
        }
    }

    /** One push, and when its version reached each kiosk and when the backend stored each kiosk's applied report. */
    private static final class Round {
        final long version;
        final long[] receivedAt;
        final long[] storedAt;
        final CountDownLatch applied;
        volatile long pushedAt;

        Round(long version, int kiosks) {
            this.version = version;
            this.receivedAt = new long[kiosks];
            this.storedAt = new long[kiosks];
            this.applied = new CountDownLatch(version == 0 ? 0 : kiosks);
        }

        synchronized void received(int kiosk, long desired, long at) {
            if (version > 0 && desired >= version && receivedAt[kiosk] == 0) {
                receivedAt[kiosk] = at;
            }
        }

        synchronized void reported(int kiosk, long runs, long at) {
            if (version > 0 && runs >= version && storedAt[kiosk] == 0) {
                storedAt[kiosk] = at;
                applied.countDown();
            }
        }

        synchronized long[] received() {
            return millis(receivedAt);
        }

        synchronized long[] stored() {
            return millis(storedAt);
        }

        private long[] millis(long[] at) {
            return Arrays.stream(at).filter(t -> t > 0).map(t -> (t - pushedAt) / 1_000_000).sorted().toArray();
        }
    }

    /** Who used the processor, told apart by thread name. */
    enum Part {
        KIOSK_WORK("  kiosks: parsing, verifying", "kiosk-work-"),
        KIOSK_HTTP("  kiosks: HTTP client", "kiosk-http-", "HttpClient-"),
        REQUESTS("  backend: HTTP requests (Jetty)", "JettyServerThreadPool"),
        ANSWERS("  backend: long-poll answers (virtual)", "ForkJoinPool-", "config-wake"),
        REPORTS("  backend: config reports into H2", "config-reports", "H2-"),
        OTHER("  other Java threads", "");

        final String label;
        final List<String> prefixes;

        Part(String label, String... prefixes) {
            this.label = label;
            this.prefixes = List.of(prefixes);
        }

        static Part of(String threadName) {
            for (Part p : values()) {
                if (p.prefixes.stream().anyMatch(threadName::startsWith)) {
                    return p;
                }
            }
            return OTHER;
        }
    }

    /**
     * Processor time used so far, by the whole process and by each {@link Part} of its Java threads (virtual threads are
     * counted on their carriers), or after {@link #since} during a round; what the Java threads do not account for is the
     * JVM's own (garbage collection, the compiler).
     */
    record Cpu(long wallNanos, long processNanos, Map<Part, Long> parts) {
        static Cpu now() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Part, Long> parts = new EnumMap<>(Part.class);
            for (long id : threads.getAllThreadIds()) {
                ThreadInfo info = threads.getThreadInfo(id);
                long nanos = threads.getThreadCpuTime(id);
                if (info != null && nanos > 0) {
                    parts.merge(Part.of(info.getThreadName()), nanos, Long::sum);
                }
            }
            long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
            return new Cpu(System.nanoTime(), process, parts);
        }

        Cpu since(Cpu start) {
            Map<Part, Long> during = new EnumMap<>(Part.class);
            // a thread that ended during the round takes its time with it: never below zero
            parts.forEach((p, n) -> during.put(p, Math.max(0, n - start.parts.getOrDefault(p, 0L))));
            return new Cpu(wallNanos - start.wallNanos, processNanos < 0 ? -1 : processNanos - start.processNanos, during);
        }

        long jvm() {
            return Math.max(0, processNanos - parts.values().stream().mapToLong(Long::longValue).sum());
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

    private void print(PrintWriter out, Round round, Cpu cpu, int cores, long idleHeap, long heap, int threads, long jetty) {
        long[] received = round.received();
        long[] stored = round.stored();
        String rss = rss();
        out.println();
        out.printf(Locale.ROOT, "%-42s %s%n", "kiosks", String.format(Locale.ROOT, "%,d", kiosks));
        out.printf(Locale.ROOT, "%-42s %s%n", "reported applied", String.format(Locale.ROOT, "%,d", stored.length));
        if (received.length > 0) {
            out.printf(Locale.ROOT, "%-42s %,d / %,d / %,d ms%n", "push → desired reached kiosk p50/p99/max", percentile(received, 50),
                    percentile(received, 99), received[received.length - 1]);
        }
        if (stored.length > 0) {
            out.printf(Locale.ROOT, "%-42s %,d / %,d / %,d ms%n", "push → applied report stored p50/p99/max", percentile(stored, 50),
                    percentile(stored, 99), stored[stored.length - 1]);
            out.printf(Locale.ROOT, "%-42s %,d ms  (target %d s: %s)%n", "push → all applied (max)", stored[stored.length - 1],
                    TARGET.toSeconds(), stored.length == kiosks && stored[stored.length - 1] <= TARGET.toMillis() ? "ok" : "MISSED");
        }
        if (cpu != null && cpu.processNanos() >= 0) {
            out.printf(Locale.ROOT, "%-42s %,.1f s of %,.1f s (%d cores × %,.1f s)%n", "processor time, push → all applied",
                    cpu.processNanos() / 1e9, cores * cpu.wallNanos() / 1e9, cores, cpu.wallNanos() / 1e9);
            for (Part p : Part.values()) {
                out.printf(Locale.ROOT, "%-42s %,.1f s%n", p.label, cpu.parts().getOrDefault(p, 0L) / 1e9);
            }
            out.printf(Locale.ROOT, "%-42s %,.1f s%n", "  JVM: garbage collection, compiler", cpu.jvm() / 1e9);
        }
        out.printf(Locale.ROOT, "%-42s %,d MiB%n", "heap used, backend idle (after GC)", idleHeap >> 20);
        out.printf(Locale.ROOT, "%-42s %,d MiB%n", "heap used, all polling (after GC)", heap >> 20);
        out.printf(Locale.ROOT, "%-42s %s%n", "resident set (RSS)", rss);
        out.printf(Locale.ROOT, "%-42s %d (Jetty pool %d)%n", "threads", threads, jetty);
        out.println("(backend and clients share this JVM and its cores: heap, RSS, threads and processor time are both's;");
        out.println(" waiting kiosks hold no thread; a real kiosk verifies on its own processor)");
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
