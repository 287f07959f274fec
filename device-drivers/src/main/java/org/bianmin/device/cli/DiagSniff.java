package org.bianmin.device.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diag trace --port DEVICE --to HOST}: sits in the cable between the device and the program
 * that drives it, forwards every byte both ways and prints each chunk in hex with the time and the
 * direction, so a technician sees exactly what crossed the wire.
 */
@Command(name = "sniff", mixinStandardHelpOptions = true,
        description = "Forward bytes between a device port and a host port, printing both directions in hex.")
final class DiagSniff extends DeviceCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Mixin
    LinkOptions device = new LinkOptions();

    @Option(names = "--to", required = true, paramLabel = "HOST_PORT",
            description = "the port the kiosk program (or another diag command) uses, e.g. one end of a pty pair")
    String hostPort;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0",
            description = "stop after S seconds (default: run until Ctrl-C)")
    long seconds;

    DiagSniff(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        int baud = device.baud == null ? 9600 : device.baud;
        try (SerialLink dev = device.open(baud);
             SerialLink host = JsscSerialLink.open(hostPort, device.settings(baud))) {
            long deadline = seconds > 0 ? System.nanoTime() + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
            List<Map<String, Object>> chunks = new ArrayList<>();
            byte[] buf = new byte[4096];
            while (System.nanoTime() < deadline) {
                boolean moved = pump(host, dev, "host→dev", buf, chunks) | pump(dev, host, "dev→host", buf, chunks);
                if (!moved) {
                    Thread.onSpinWait();
                }
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ok", true);
                doc.put("chunks", chunks);
                terminal.json(doc);
            }
            return ExitCodes.OK;
        }
    }

    private boolean pump(SerialLink from, SerialLink to, String direction, byte[] buf, List<Map<String, Object>> chunks)
            throws LinkException {
        int n = from.read(buf, 0, buf.length, Duration.ofMillis(2));
        if (n <= 0) {
            return false;
        }
        to.write(buf, 0, n);
        String hex = Hex.of(buf, 0, n);
        if (json) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("at", Instant.now());
            c.put("direction", direction);
            c.put("hex", hex);
            chunks.add(c);
        } else {
            terminal.line(LocalTime.now(ZoneId.systemDefault()).format(TIME) + " " + direction + " " + n + " B  " + hex);
        }
        return true;
    }
}
