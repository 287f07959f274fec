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
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.SamFrameReceiver;
import org.bianmin.device.idcard.SamIdCardReader;
import org.bianmin.device.idcard.SamReaderConfig;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.TracingLink;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.scanner.ScannerProbe;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diag trace}: shows every byte that crosses the wire, both directions, in hex with the time.
 * With {@code --kind} it runs that device's standard exchange itself; with {@code --to} it sits in the
 * cable between the device and the program that drives it and forwards everything.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Hex trace of both directions: run a device kind's standard exchange (--kind), "
                + "or forward between the device and another port (--to).")
final class DiagTrace extends DeviceCommand {
    /** Bytes of a forwarded chunk shown without --unmask: enough for any command or status frame header. */
    private static final int SHOWN = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Mixin
    LinkOptions device = new LinkOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--kind", paramLabel = "KIND",
                description = "id-card (SAM status, SAM ID, one read), receipt-printer (DLE EOT 1-4) or qr-scanner (GM65/Newland query)")
        String kind;

        @Option(names = "--to", paramLabel = "HOST_PORT",
                description = "forward between --port (the device) and this port (the kiosk program, e.g. one end of a pty pair)")
        String hostPort;
    }

    @Option(names = "--unmask", description = "show every byte: card data, scanned codes and receipt text are left out otherwise")
    boolean unmask;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0",
            description = "with --to: stop after S seconds (default: run until Ctrl-C)")
    long seconds;

    private final List<Map<String, Object>> chunks = new ArrayList<>();

    DiagTrace(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        if (seconds < 0) {
            return terminal.fail(name(), "--seconds " + seconds + " cannot be negative", ExitCodes.USAGE, json);
        }
        int exit = mode.kind != null ? exchange(mode.kind) : forward();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", exit == ExitCodes.OK);
            doc.put("chunks", chunks);
            terminal.json(doc);
        }
        return exit;
    }

    private int exchange(String kind) throws DeviceException {
        switch (kind) {
            case "id-card" -> {
                SamFrameReceiver replies = SamFrameReceiver.forReplies();
                try (SamIdCardReader reader = new SamIdCardReader("id-card", tracedSam(device.open(115200), replies),
                        SamReaderConfig.defaults(), Statistics.inMemory())) {
                    reader.open();
                    reader.enable();
                    Futures.await(reader.samId(), Duration.ofSeconds(2), "SAM ID");
                    try {
                        Futures.await(reader.read(), Duration.ofSeconds(8), "card read");
                    } catch (DeviceException e) {
                        note("card read: " + e.technicianLine());
                    }
                }
            }
            case "receipt-printer" -> {
                try (EscPosReceiptPrinter printer = new EscPosReceiptPrinter("receipt-printer", traced(device.open(9600)), PrinterProfile.MM80)) {
                    printer.open();
                    note("status: " + Futures.await(printer.status(), Duration.ofSeconds(5), "status").summary());
                }
            }
            case "qr-scanner" -> {
                try (SerialLink l = traced(device.open(9600))) {
                    note("scanner protocol: " + ScannerProbe.identify(l, Duration.ofMillis(500)).map(Enum::name).orElse("no answer"));
                }
            }
            default -> {
                return terminal.fail(name(), "--kind " + kind + " is not known; use id-card, receipt-printer or qr-scanner",
                        ExitCodes.USAGE, json);
            }
        }
        return ExitCodes.OK;
    }

    private SerialLink traced(SerialLink l) {
        return new TracingLink(l, 1000, c -> chunk(c.direction() == TracingLink.Direction.TX ? "host→dev" : "dev→host", c.data(), c.data().length));
    }

    /**
     * Requests are shown as they go; replies are shown frame by frame once whole, and the data of a
     * card read (name, number, address, photo) is left out unless --unmask.
     */
    private SerialLink tracedSam(SerialLink l, SamFrameReceiver replies) {
        return new TracingLink(l, 1000, c -> {
            if (c.direction() == TracingLink.Direction.TX || unmask) {
                chunk(c.direction() == TracingLink.Direction.TX ? "host→dev" : "dev→host", c.data(), c.data().length);
                return;
            }
            for (byte b : c.data()) {
                replies.push(b).ifPresent(r -> {
                    if (r instanceof SamFrameReceiver.Frame f) {
                        byte[] frame = f.bytes();
                        if (frame.length > 27) {
                            // keep preamble, length, SW1-SW3 and the two data-length fields (14 bytes); drop the card's data
                            byte[] head = java.util.Arrays.copyOf(frame, Math.min(14, frame.length));
                            chunk("dev→host", head, head.length);
                            note("… " + (frame.length - head.length) + " more bytes of card data not shown (--unmask shows them)");
                        } else {
                            chunk("dev→host", frame, frame.length);
                        }
                    } else {
                        note("reply rejected: " + r);
                    }
                });
            }
        });
    }

    private void note(String s) {
        if (!json) {
            terminal.line("# " + s);
        }
    }

    private int forward() throws DeviceException {
        int baud = device.baud == null ? 9600 : device.baud;
        try (SerialLink dev = device.open(baud);
             SerialLink host = JsscSerialLink.open(mode.hostPort, device.settings(baud))) {
            if (!json) {
                terminal.line("# forwarding " + dev.name() + " <-> " + host.name() + " at " + device.settings(baud) + "; Ctrl-C stops");
                if (!unmask) {
                    terminal.line("# chunks over " + SHOWN + " bytes are cut short: they can carry card data, scanned codes or "
                            + "receipt text (--unmask shows all)");
                }
            }
            long deadline = seconds > 0 ? System.nanoTime() + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
            byte[] buf = new byte[4096];
            while (System.nanoTime() < deadline) {
                pump(host, dev, "host→dev", buf);
                pump(dev, host, "dev→host", buf);
            }
            return ExitCodes.OK;
        }
    }

    private void pump(SerialLink from, SerialLink to, String direction, byte[] buf) throws LinkException {
        int n = from.read(buf, 0, buf.length, Duration.ofMillis(2));
        if (n > 0) {
            to.write(buf, 0, n);
            chunk(direction, buf, unmask ? n : Math.min(n, SHOWN));
            if (!unmask && n > SHOWN) {
                note("… " + (n - SHOWN) + " more bytes not shown");
            }
        }
    }

    private void chunk(String direction, byte[] data, int n) {
        String hex = Hex.of(data, 0, n);
        if (json) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("at", Instant.now());
            c.put("direction", direction);
            c.put("hex", hex);
            chunks.add(c);
        } else {
            terminal.line(LocalTime.now(ZoneId.systemDefault()).format(TIME) + " " + direction + " " + n + " B  " + hex);
        }
    }
}
