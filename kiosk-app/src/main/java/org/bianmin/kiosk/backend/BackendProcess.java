package org.bianmin.kiosk.backend;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference backend as a separate process, for tests and the demo: started with {@code --demo} on
 * an H2 database under a data directory, with the same {@code java} as this JVM and the backend's
 * class path; the kiosk reaches it only over HTTP. Its console output goes to {@link #CONSOLE_LOG} and
 * its log to {@code backend.log}, both in the data directory. {@link #close()} stops it.
 */
public final class BackendProcess implements AutoCloseable {
    /** The system property that gives the backend's class path; without it, {@code ../backend/target} is used. */
    public static final String CLASSPATH_PROPERTY = "kiosk.backend.classpath";
    /** The backend's console output, in the data directory. */
    public static final String CONSOLE_LOG = "backend-console.log";
    private static final Logger LOG = LoggerFactory.getLogger(BackendProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    // BackendMain: "Backend listening on http://localhost:PORT  (contract: /openapi.yaml)", https with --tls-cert
    private static final Pattern LISTENING = Pattern.compile("Backend listening on (https?://localhost:(\\d+))\\b.*");
    // BackendMain: "Demo kiosk: ID  bearer token: TOKEN"
    private static final Pattern DEMO_KIOSK = Pattern.compile("Demo kiosk: (\\S+)\\s+bearer token: (\\S+)");
    // BackendMain: "  营业执照 of 示例…有限公司: EBL1:…" and "  e-social-security card of 测***甲 110105********0015: ESSC1:…"
    private static final Pattern DEMO_CODE = Pattern.compile("\\s+(.+?) of .*: ((?:ESSC1|EBL1):[0-9A-Z]+)");

    private final Process process;
    private final Path dataDir;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;
    private URI baseUri;
    private int port;
    private String kioskId;
    private String kioskToken;

    private BackendProcess(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /** Starts the demo backend on a free port with its database under {@code dataDir}, and waits until it listens. */
    public static BackendProcess start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts the demo backend on {@code port} (0 = a free one) with its database under {@code dataDir}, and
     * waits until it listens and has said its demo kiosk. The same directory and port restart the same backend.
     *
     * @throws IllegalStateException if the backend is not built, or exits or stays silent instead of listening
     */
    public static BackendProcess start(Path dataDir, int port) {
        return start(dataDir, port, List.of());
    }

    /**
     * Starts the demo backend on a free port as {@link #start(Path)} does, with {@code extraArgs} after its own
     * (e.g. {@code --identify-burst 100000}, so a benchmark's many visits are not rate-limited).
     */
    public static BackendProcess start(Path dataDir, List<String> extraArgs) {
        return start(dataDir, 0, extraArgs);
    }

    private static BackendProcess start(Path dataDir, int port, List<String> extraArgs) {
        String classPath = classPath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("backend data directory " + dataDir + " cannot be created: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=org/bianmin/backend/logback-backend.xml",
                "-Dkiosk.log.dir=" + dataDir.toAbsolutePath(),
                "-cp", classPath, "org.bianmin.backend.BackendMain",
                "--demo", "--port", Integer.toString(port), "--data", dataDir.toAbsolutePath().toString()));
        command.addAll(extraArgs);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("the backend cannot be started (" + e.getMessage() + ")", e);
        }
        BackendProcess backend = new BackendProcess(process, dataDir);
        Thread.ofPlatform().daemon().name("backend-console").start(backend::drain);
        try {
            backend.awaitStarted();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        LOG.info("backend started at {} (data {}, pid {})", backend.baseUri, dataDir, process.pid());
        return backend;
    }

    /**
     * The backend's class path: the system property {@value #CLASSPATH_PROPERTY}, or
     * {@code ../backend/target/classes} and the jars listed in {@code ../backend/target/classpath.txt}
     * (under {@code kiosk.home} when that property is set, else beside the working directory).
     *
     * @throws IllegalStateException if the backend is not built
     */
    public static String classPath() {
        String given = System.getProperty(CLASSPATH_PROPERTY);
        if (given != null && !given.isBlank()) {
            return given;
        }
        String home = System.getProperty("kiosk.home");
        Path target = (home != null ? Path.of(home, "backend") : Path.of("..", "backend")).resolve("target").toAbsolutePath().normalize();
        Path classes = target.resolve("classes");
        Path listed = target.resolve("classpath.txt");
        if (!Files.isDirectory(classes.resolve("org/bianmin/backend")) || !Files.isRegularFile(listed)) {
            throw new IllegalStateException("the backend is not built (" + classes + " or " + listed + " is missing); "
                    + "build it first (./kiosk test does), or set -D" + CLASSPATH_PROPERTY + " to its class path");
        }
        try {
            return classes + File.pathSeparator + Files.readString(listed, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(listed + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Copies the console to {@link #CONSOLE_LOG} and keeps the lines for {@link #awaitLine}. */
    private void drain() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(dataDir.resolve(CONSOLE_LOG), StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                log.write(line);
                log.write('\n');
                log.flush();
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            LOG.warn("the backend's console could not be copied to {}: {}", dataDir.resolve(CONSOLE_LOG), e.getMessage());
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }

    private void awaitStarted() {
        Matcher listening = LISTENING.matcher(awaitLine(l -> LISTENING.matcher(l).matches(), START_TIMEOUT)
                .orElseThrow(() -> notStarted("did not say where it listens")));
        listening.matches();
        baseUri = URI.create(listening.group(1));
        port = Integer.parseInt(listening.group(2));
        Matcher demo = DEMO_KIOSK.matcher(awaitLine(l -> DEMO_KIOSK.matcher(l).matches(), START_TIMEOUT)
                .orElseThrow(() -> notStarted("did not name its demo kiosk")));
        demo.matches();
        kioskId = demo.group(1);
        kioskToken = demo.group(2);
    }

    private IllegalStateException notStarted(String what) {
        String exit = process.isAlive() ? "is still running" : "exited with code " + process.exitValue();
        String last;
        synchronized (lines) {
            last = lines.isEmpty() ? "(no output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        }
        return new IllegalStateException("the backend " + what + " and " + exit + "; its last words: " + last
                + " (whole output in " + dataDir.resolve(CONSOLE_LOG) + ")");
    }

    /** The first console line that matches, waiting up to {@code timeout} for it; empty if the backend ends or stays silent. */
    public Optional<String> awaitLine(Predicate<String> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            for (int seen = 0; ; ) {
                for (; seen < lines.size(); seen++) {
                    if (matches.test(lines.get(seen))) {
                        return Optional.of(lines.get(seen));
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    return Optional.empty();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * The first demo QR code the backend printed for {@code label}: {@code e-social-security card}, or a licence
     * kind ({@code 营业执照}, {@code 农药经营许可证}, {@code 种畜禽生产经营许可证}).
     *
     * @throws IllegalStateException if the backend printed none
     */
    public String demoCode(String label) {
        String line = awaitLine(l -> {
            Matcher m = DEMO_CODE.matcher(l);
            return m.matches() && m.group(1).equals(label);
        }, START_TIMEOUT).orElseThrow(() -> new IllegalStateException("the backend printed no demo code for '" + label
                + "'; see " + dataDir.resolve(CONSOLE_LOG)));
        Matcher m = DEMO_CODE.matcher(line);
        m.matches();
        return m.group(2);
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return port;
    }

    public String kioskId() {
        return kioskId;
    }

    /** The demo kiosk's bearer token (a sample credential that exists only with {@code --demo}). */
    public String kioskToken() {
        return kioskToken;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Stops the backend (it closes its database on the way out) and waits for it; kills it if it lingers. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                LOG.warn("the backend (pid {}) did not stop within 20 s; killing it", process.pid());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BackendProcess[" + baseUri + ", data " + dataDir + "]";
    }
}
