package org.bianmin.device.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.LinkException;

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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimConsole.class);

    /** The longest stall a hook accepts: a day. */
    static final long MAX_STALL_MS = 86_400_000L;

    private final Terminal terminal;
    private final Map<String, Hook> hooks = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();
    private final CountDownLatch quit = new CountDownLatch(1);

    SimConsole(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The milliseconds of a "stall MS" hook: 5000 when not given, else 1 to {@link #MAX_STALL_MS}. */
    static long stallMillis(String[] args) {
        if (args.length == 0) {
            return 5000;
        }
        long ms = Long.parseLong(args[0]);
        if (ms < 1 || ms > MAX_STALL_MS) {
            throw new IllegalArgumentException("stall takes 1 to " + MAX_STALL_MS + " milliseconds (a day), e.g. stall 5000");
        }
        return ms;
    }

    SimConsole hook(String name, String description, Hook hook) {
        hooks.put(name, hook);
        help.put(name, description);
        return this;
    }

    String hookList() {
        return String.join(", ", hooks.keySet());
    }

    /**
     * Blocks until Ctrl-C, "quit", or the simulator's link failing; returns the exit code: 0, or
     * {@link ExitCodes#LINK} after saying in one line that the cable went away.
     */
    int runUntilStopped(WatchedLink link) throws InterruptedException {
        Thread reader = Thread.ofVirtual().name("sim-console").start(this::readLines);
        Runtime.getRuntime().addShutdownHook(new Thread(quit::countDown));
        link.lost().thenRun(quit::countDown);
        quit.await();
        reader.interrupt();
        LinkException e = link.lost().getNow(null);
        if (e != null) {
            terminal.err().println("simulator stopped: " + e.technicianLine()
                    + "; the other end of the cable went away — start the pty pair (or plug the adapter) and run the simulator again");
            return ExitCodes.LINK;
        }
        return ExitCodes.OK;
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
        } catch (NumberFormatException e) {
            terminal.line(name + ": '" + String.join(" ", Arrays.copyOfRange(words, 1, words.length)) + "' is not a number");
        } catch (IllegalArgumentException e) {
            terminal.line(name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("simulator hook {} failed", name, e);
            terminal.line(name + ": could not be done (" + e.getClass().getSimpleName() + "); the simulator goes on");
        }
    }
}
