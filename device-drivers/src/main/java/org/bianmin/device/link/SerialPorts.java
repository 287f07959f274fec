package org.bianmin.device.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jssc.SerialPortList;

/** Finds the serial ports of this machine, for messages and for {@code diag ports}. */
public final class SerialPorts {
    private SerialPorts() {}

    /** A port and, where udev made one, its stable /dev/serial/by-id name. */
    public record Found(String port, String byId) {}

    public static List<Found> list() {
        Set<String> names = new LinkedHashSet<>();
        try {
            names.addAll(List.of(SerialPortList.getPortNames()));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // jssc's native part could not load; the /dev scan below still works
        }
        List<Found> out = new ArrayList<>();
        List<Path> byId = listDir(Path.of("/dev/serial/by-id"));
        for (String n : names) {
            String id = null;
            for (Path p : byId) {
                try {
                    if (p.toRealPath().toString().equals(n)) {
                        id = p.toString();
                    }
                } catch (IOException ignored) {
                    // a dangling by-id link names a device that just went away
                }
            }
            out.add(new Found(n, id));
        }
        return out;
    }

    /** "ports found: /dev/ttyUSB0, /dev/ttyACM0" or "no serial ports were found". */
    public static String foundSentence() {
        List<Found> f = list();
        if (f.isEmpty()) {
            return "no serial ports were found on this machine; check the cable and 'dmesg | tail'";
        }
        return "ports found: " + String.join(", ", f.stream().map(Found::port).toList());
    }

    private static List<Path> listDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
