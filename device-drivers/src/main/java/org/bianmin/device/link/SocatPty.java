package org.bianmin.device.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A virtual null-modem cable: socat joins two ptys whose paths are {@code dir/A} and
 * {@code dir/B}. {@link #kill()} pulls the cable out; {@link #start()} plugs it back in at the same
 * paths. Waits for the pty links to appear rather than sleeping.
 */
public final class SocatPty implements AutoCloseable {
    private final Path a;
    private final Path b;
    private Process process;

    public SocatPty(Path dir) {
        this.a = dir.resolve("A");
        this.b = dir.resolve("B");
    }

    public static SocatPty started(Path dir) throws IOException {
        SocatPty p = new SocatPty(dir);
        p.start();
        return p;
    }

    public String a() {
        return a.toString();
    }

    public String b() {
        return b.toString();
    }

    public void start() throws IOException {
        Files.createDirectories(a.toAbsolutePath().getParent());
        // links left by a socat that was killed hard would make the wait below return at once
        Files.deleteIfExists(a);
        Files.deleteIfExists(b);
        try {
            process = new ProcessBuilder(List.of("socat",
                    "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        } catch (IOException e) {
            throw new IOException("socat is not installed; './kiosk test' installs it, or run: apt-get install -y socat", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive()) {
                throw new IOException("socat exited with " + process.exitValue() + " before making " + a + " and " + b);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not make " + a + " and " + b + " within 10 s");
            }
            try {
                process.waitFor(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for socat", e);
            }
        }
    }

    /** Ends socat: both ptys vanish, as when a USB serial adapter is unplugged. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
    }
}
