package org.bianmin.kiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bianmin.config.KioskToken;
import org.bianmin.kiosk.backend.BackendProcess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench session}: the kiosk's whole session against its targets — cold start to the Idle screen,
 * the three waits of a card visit with devices at real rates and with instant ones (what is left is the
 * software's), and the heap after 10 and after many scripted visits. The reference backend runs as its
 * own process; each measurement runs in a fresh JVM ({@link SessionProbe}) with the real window on
 * Monocle's headless screen. Prints tables; no personal data.
 */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Benchmark the kiosk's session: cold start, the waits of a visit, heap over many visits; prints tables.")
public final class SessionBenchmark implements Callable<Integer> {
    static final long COLD_START_TARGET_MS = 3_000;
    static final long SOFTWARE_TARGET_MS = 1_500;
    static final long HEAP_GROWTH_TARGET_MB = 10;
    private static final String LICENCE_LABEL = "营业执照";
    private static final int COLD_STARTS = 5;

    @Option(names = "--visits", paramLabel = "N", defaultValue = "20", description = "timed card visits per device speed (default: ${DEFAULT-VALUE})")
    int visits;

    @Option(names = "--heap-visits", paramLabel = "N", defaultValue = "1000",
            description = "scripted visits for the heap reading (default: ${DEFAULT-VALUE}; at least " + SessionProbe.CHECKPOINT + ")")
    int heapVisits;

    @Option(names = "--quick", description = "a few of everything, for a smoke run")
    boolean quick;

    @Option(names = "--config", paramLabel = "FILE", description = "the kiosk config with simulated devices (default: config/kiosk-demo.yaml)")
    Path config;

    private final PrintStream out;
    private final PrintStream err;
    private Path work;
    private BackendProcess backend;
    private String licenceCode;

    SessionBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the benchmark with these arguments; returns the exit code (0 when every measurement was taken). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new SessionBenchmark(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("bench session: " + e.getMessage() + "; run with --help for the options");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        if (visits < 1 || visits > 10_000) {
            return usage("--visits " + visits + " must be between 1 and 10000");
        }
        if (heapVisits < SessionProbe.CHECKPOINT || heapVisits > 100_000) {
            return usage("--heap-visits " + heapVisits + " must be between " + SessionProbe.CHECKPOINT + " and 100000");
        }
        if (config == null) {
            config = demoConfig();
            if (config == null) {
                return usage("config/kiosk-demo.yaml was not found under kiosk.home or above " + Path.of("").toAbsolutePath()
                        + "; name the config with --config");
            }
        } else if (!Files.isRegularFile(config)) {
            return usage("--config " + config + " is not a file; name the kiosk config with simulated devices");
        }
        int coldStarts = quick ? 1 : COLD_STARTS;
        int timedVisits = quick ? Math.min(visits, 2) : visits;
        int warmUp = quick ? 1 : 2;
        int heapRun = quick ? SessionProbe.CHECKPOINT + 1 : heapVisits;
        boolean ok = false;
        try {
            work = Files.createTempDirectory("kiosk-bench-session");
            out.println("Bianmin Kiosk session benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + Runtime.version().feature() + "): the reference backend as its own process, the kiosk in a fresh JVM per run");
            out.println("with its real window on Monocle's headless screen (software rendering), devices simulated byte for byte.");
            out.println();
            backend = BackendProcess.start(work.resolve("backend"), List.of("--identify-burst", "100000"));
            licenceCode = backend.demoCode(LICENCE_LABEL);
            coldStart(coldStarts);
            out.println();
            cardVisits(SessionProbe.Devices.REAL, timedVisits, warmUp);
            out.println();
            cardVisits(SessionProbe.Devices.INSTANT, timedVisits, warmUp);
            out.println();
            heap(heapRun);
            ok = true;
            return 0;
        } catch (ProbeFailed | IllegalStateException | UncheckedIOException e) {
            err.println("bench session: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("bench session: a working directory cannot be made (" + e.getMessage() + ")");
            return 1;
        } finally {
            if (backend != null) {
                backend.close();
            }
            if (work != null) {
                if (ok) {
                    deleteTree(work);
                } else {
                    err.println("bench session: the runs' logs and the backend's are kept in " + work);
                }
            }
        }
    }

    private int usage(String message) {
        err.println("bench session: " + message);
        return 2;
    }

    // ---- 1. cold start ----

    private void coldStart(int runs) throws ProbeFailed {
        out.println("1. Cold start: a new JVM builds the kiosk from the demo config (devices, backend client, visit machine),");
        out.println("   starts JavaFX and opens the window; ms from the JVM's start until the screen was rendered. " + runs
                + (runs == 1 ? " start." : " starts."));
        out.println(String.format("   %-54s %10s %10s  %s", "screen", "median ms", "max ms", "target < " + COLD_START_TARGET_MS + " ms"));
        long[] idle = new long[runs];
        long[] ready = new long[runs];
        for (int i = 0; i < runs; i++) {
            Map<String, List<long[]>> r = probe("cold-start-" + (i + 1), Duration.ofMinutes(2), List.of(), "COLD_START", "--devices", "REAL");
            idle[i] = only(r, "idle")[0];
            ready[i] = only(r, "ready")[0];
        }
        coldStartRow("Idle screen rendered", idle);
        coldStartRow("Idle screen with the backend online (services known)", ready);
    }

    private void coldStartRow(String what, long[] ms) {
        long median = percentile(ms, 0.5);
        long max = Arrays.stream(ms).max().orElseThrow();
        out.println(String.format("   %-54s %10d %10d  %s", what, median, max, verdict(max < COLD_START_TARGET_MS)));
    }

    // ---- 2 and 3. a card visit's waits ----

    private void cardVisits(SessionProbe.Devices devices, int n, int warmUp) throws ProbeFailed {
        if (devices == SessionProbe.Devices.REAL) {
            out.println("2. A card visit with devices at the demo config's rates, both directions paced: ID card reader at 115200 baud,");
            out.println("   realistic RF delays (find, select 20-50 ms, read 600-900 ms), polled every 700 ms; receipt printer at its");
            out.println("   configured baud; A4 to the spool printer. From the input to the end of rendering the answering screen.");
        } else {
            out.println("3. The same visit with instant devices: " + SessionProbe.INSTANT_BAUD + " baud, RF delays 1-3 ms. The reader still");
            out.println("   polls every 700 ms, so the card is timed from its \"card read\" event. Device time left in: the wire time");
            out.println("   at " + SessionProbe.INSTANT_BAUD + " baud and the spool printer's 10 ms status polls.");
        }
        out.println("   " + n + " visits after " + warmUp + " warm-up " + (warmUp == 1 ? "visit" : "visits") + ".");
        Map<String, List<long[]>> r = probe("visits-" + devices.name().toLowerCase(Locale.ROOT),
                Duration.ofMinutes(5).plus(Duration.ofMinutes(1).multipliedBy(n + warmUp)), List.of(),
                "VISITS", "--devices", devices.name(), "--visits", Integer.toString(n), "--warm-up", Integer.toString(warmUp));
        List<long[]> v = r.getOrDefault("visit", List.of());
        if (v.size() != n) {
            throw new ProbeFailed("the " + devices.name().toLowerCase(Locale.ROOT) + " visits reported " + v.size() + " of " + n);
        }
        long[] placed = column(v, 0);
        long[] read = column(v, 1);
        long[] preview = column(v, 2);
        long[] print = column(v, 3);
        long[] reader = new long[n];
        long[] software = new long[n];
        for (int i = 0; i < n; i++) {
            reader[i] = placed[i] - read[i];
            software[i] = read[i] + preview[i] + print[i];
        }
        out.println(String.format("   %-55s %9s %9s", "segment", "p50 ms", "p95 ms"));
        if (devices == SessionProbe.Devices.REAL) {
            segmentRow("card placed -> identity shown", placed);
            segmentRow("  of which the reader: poll wait, RF, wire", reader);
            segmentRow("  of which the kiosk: card read -> identity shown", read);
            segmentRow("document requested -> preview shown", preview);
            segmentRow("print submitted -> both jobs done", print);
        } else {
            segmentRow("card read -> identity shown", read);
            segmentRow("document requested -> preview shown", preview);
            segmentRow("print submitted -> both jobs done", print);
            long p50 = percentile(software, 0.5) / 1_000_000;
            long p95 = percentile(software, 0.95) / 1_000_000;
            out.println(String.format("   %-55s %9d %9d  target < %d ms (p95): %s", "software time per visit (sum of the three)", p50, p95,
                    SOFTWARE_TARGET_MS, verdict(p95 < SOFTWARE_TARGET_MS)));
        }
    }

    private void segmentRow(String what, long[] nanos) {
        out.println(String.format("   %-55s %9d %9d", what, percentile(nanos, 0.5) / 1_000_000, percentile(nanos, 0.95) / 1_000_000));
    }

    // ---- 4. heap ----

    private void heap(int n) throws ProbeFailed {
        out.println("4. Heap: " + n + " scripted visits through the window with instant devices, every " + SessionProbe.CARD_EVERY
                + "th by ID card (certificate),");
        out.println("   the others by QR code (business licence). Used heap, the kiosk idle, after full collections that also");
        out.println("   clear soft references (-XX:SoftRefLRUPolicyMSPerMB=0): what the kiosk keeps, not caches the JVM drops");
        out.println("   when memory runs short (JavaFX keeps software-rendered effect buffers softly: hundreds of MB on a large heap).");
        Map<String, List<long[]>> r = probe("heap", Duration.ofMinutes(10).plus(Duration.ofSeconds(3).multipliedBy(n)),
                List.of("-XX:SoftRefLRUPolicyMSPerMB=0"), "HEAP", "--devices", "INSTANT", "--visits", Integer.toString(n));
        List<long[]> rows = r.getOrDefault("heap", List.of());
        if (rows.size() != 2) {
            throw new ProbeFailed("the heap run reported " + rows.size() + " readings of 2");
        }
        out.println(String.format("   %-30s %14s %16s", "after", "used heap MB", "visits took s"));
        for (long[] row : rows) {
            out.println(String.format("   %-30s %14.1f %16.1f", row[0] + " visits", row[1] / 1e6, row[2] / 1e9));
        }
        double growth = (rows.get(1)[1] - rows.get(0)[1]) / 1e6;
        out.println(String.format("   %-30s %14.1f %16s  target < %d MB: %s", "growth", growth, "", HEAP_GROWTH_TARGET_MB,
                verdict(growth < HEAP_GROWTH_TARGET_MB)));
    }

    // ---- the probes ----

    /** A probe that did not deliver its measurement; the message says why in one line. */
    static final class ProbeFailed extends Exception {
        ProbeFailed(String message) {
            super(message);
        }
    }

    /** Runs one {@link SessionProbe} and returns its result lines by kind, each line's numbers in order. */
    private Map<String, List<long[]>> probe(String name, Duration limit, List<String> jvmOptions, String... args) throws ProbeFailed {
        Path dir = work.resolve(name);
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=org/bianmin/kiosk/logback-kiosk.xml", "-Dkiosk.log.dir=" + dir.resolve("logs")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SessionProbe.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toAbsolutePath().toString(), "--backend", backend.baseUri().toString(),
                "--trust-anchor", backend.dataDir().resolve("signing-certificate.pem").toString(), "--work", dir.toString()));
        Process p;
        try {
            Files.createDirectories(dir);
            ProcessBuilder b = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile());
            b.environment().put(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken());
            b.environment().put(SessionProbe.LICENCE_CODE_VARIABLE, licenceCode);
            p = b.start();
        } catch (IOException e) {
            throw new ProbeFailed("the " + name + " run could not be started (" + e.getMessage() + ")");
        }
        Map<String, List<long[]>> results = new ConcurrentHashMap<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().name("probe " + name).start(() -> read(p, results, errors));
        try {
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ProbeFailed("the " + name + " run did not end within " + limit.toMinutes() + " min; its log is in " + dir);
            }
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProbeFailed("interrupted during the " + name + " run");
        }
        if (!errors.isEmpty()) {
            throw new ProbeFailed("the " + name + " run failed: " + errors.get(0));
        }
        if (p.exitValue() != 0) {
            throw new ProbeFailed("the " + name + " run exited with code " + p.exitValue() + "; see " + dir.resolve("stderr.txt"));
        }
        return results;
    }

    private static void read(Process p, Map<String, List<long[]>> results, List<String> errors) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith(SessionProbe.PREFIX)) {
                    continue;
                }
                String[] words = line.substring(SessionProbe.PREFIX.length()).split(" ", 2);
                if (words[0].equals("error")) {
                    errors.add(words.length > 1 ? words[1] : "(no reason given)");
                    continue;
                }
                long[] numbers = words.length > 1 ? Arrays.stream(words[1].split(" ")).mapToLong(Long::parseLong).toArray() : new long[0];
                results.computeIfAbsent(words[0], k -> new CopyOnWriteArrayList<>()).add(numbers);
            }
        } catch (IOException | NumberFormatException e) {
            errors.add("its output could not be read (" + e.getMessage() + ")");
        }
    }

    private static long[] only(Map<String, List<long[]>> r, String kind) throws ProbeFailed {
        List<long[]> rows = r.getOrDefault(kind, List.of());
        if (rows.size() != 1 || rows.get(0).length != 1) {
            throw new ProbeFailed("the run did not report '" + kind + "'");
        }
        return rows.get(0);
    }

    private static long[] column(List<long[]> rows, int i) {
        return rows.stream().mapToLong(r -> r[i]).toArray();
    }

    /** Nearest rank. */
    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String verdict(boolean ok) {
        return ok ? "ok" : "OVER TARGET";
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** config/kiosk-demo.yaml under {@code kiosk.home}, else in the working directory or above it. */
    private static Path demoConfig() {
        String home = System.getProperty("kiosk.home");
        if (home != null) {
            Path p = Path.of(home, "config", "kiosk-demo.yaml");
            return Files.isRegularFile(p) ? p : null;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("config").resolve("kiosk-demo.yaml");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless; the OS clears it
        }
    }
}
