package org.bianmin.device.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.bianmin.device.DeviceException;

/**
 * The simulator's keyboard: each line on standard input names a hook ("remove", "place hmt",
 * "paper-out"…). The simulator runs until Ctrl-C, or until "quit"; when standard input is closed
 * (a simulator started in the background) it simply keeps running.
 */
final class SimConsole {

    /** A hook a person can call: the words after its name are its arguments. */
    @FunctionalInterface
    interface Hook {
        String run(String[] args) throws DeviceException;
    }

    private final Terminal terminal;
    private final Map<String, Hook> hooks = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final CountDownLatch quit = new CountDownLatch(1);

    SimConsole(Terminal terminal) {
        this.terminal = terminal;
    }

    SimConsole hook(String name, String description, Hook hook) {
        hooks.put(name, hook);
        help.put(name, description);
        return this;
    }

    String hookList() {
        return String.join(", ", hooks.keySet());
    }

    /** Blocks until Ctrl-C or "quit". */
    void runUntilStopped() throws InterruptedException {
        Thread reader = Thread.ofVirtual().name("sim-console").start(this::readLines);
        Runtime.getRuntime().addShutdownHook(new Thread(quit::countDown));
        quit.await();
        reader.interrupt();
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                handle(line.strip());
            }
        } catch (java.io.IOException e) {
            // standard input went away: keep simulating until stopped
        }
    }

    void handle(String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] words = line.split("\\s+");
        String name = words[0];
        if (name.equals("quit") || name.equals("exit")) {
            quit.countDown();
            return;
        }
        if (name.equals("help")) {
            help.forEach((k, v) -> terminal.line("  " + k + " — " + v));
            terminal.line("  quit — stop the simulator");
            return;
        }
        Hook h = hooks.get(name);
        if (h == null) {
            terminal.line("unknown hook '" + name + "'; hooks: " + hookList() + ", quit (type 'help' for more)");
            return;
        }
        try {
            terminal.line(h.run(Arrays.copyOfRange(words, 1, words.length)));
        } catch (DeviceException e) {
            terminal.line(name + ": " + e.technicianLine());
        } catch (IllegalArgumentException e) {
            terminal.line(name + ": " + e.getMessage());
        }
    }
}
