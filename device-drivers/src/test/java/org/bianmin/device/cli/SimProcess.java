package org.bianmin.device.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A simulator running in its own JVM, as a technician starts it with {@code ./kiosk sim …}: started
 * from the module's compiled classes, ready once it printed its banner, stopped by "quit".
 */
final class SimProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SimProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    static SimProcess start(Path logDir, String... args) throws IOException, InterruptedException {
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        String cp = Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                + Files.readString(Path.of("target/classpath.txt")).strip();
        List<String> cmd = new ArrayList<>(List.of(javaCmd, "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED", "-Dlogback.configurationFile=org/bianmin/device/cli/logback-cli.xml",
                "-Dkiosk.log.dir=" + logDir, "-cp", cp, DeviceCli.class.getName()));
        cmd.addAll(List.of(args));
        SimProcess p = new SimProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        String banner = p.lines.poll(30, TimeUnit.SECONDS);
        if (banner == null || !banner.contains("simulator on")) {
            p.close();
            throw new IOException("the simulator did not start: " + banner);
        }
        return p;
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String nextLine() throws InterruptedException {
        return lines.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            send("quit");
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
