package org.bianmin.kiosk.diag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the other programs that have a serial port open, as {@code fuser} does, through {@code /proc/PID/fd}.
 * jssc does not lock a port, so a second program on it is never refused: the two share the replies and each
 * sees silence or garbage. Only processes this user may inspect are seen (all of them for root).
 */
final class PortHolders {
    private static final Path PROC = Path.of("/proc");
    /** A socat pty pair holds both of its ends by design: it is the cable, not a program using the port. */
    private static final String VIRTUAL_CABLE = "socat";

    private PortHolders() {}

    /** "pid 1234 (java)" for each other process with {@code port} open; empty where /proc is missing. */
    static List<String> of(String port) {
        Path device;
        try {
            device = Path.of(port).toRealPath();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<String> holders = new ArrayList<>();
        try (Stream<Path> processes = Files.list(PROC)) {
            for (Path p : processes.filter(PortHolders::isProcess).toList()) {
                if (Long.parseLong(p.getFileName().toString()) != self && holds(p, device)) {
                    String command = command(p);
                    if (!command.equals(VIRTUAL_CABLE)) {
                        holders.add("pid " + p.getFileName() + " (" + command + ")");
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            return holders;
        }
        return holders;
    }

    private static boolean isProcess(Path p) {
        String name = p.getFileName().toString();
        return !name.isEmpty() && name.length() < 19 && name.chars().allMatch(Character::isDigit);
    }

    private static boolean holds(Path process, Path device) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(device);
                } catch (IOException | SecurityException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | SecurityException e) {
            // another user's process, or one that just ended
            return false;
        }
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException | SecurityException e) {
            return "?";
        }
    }
}
