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
import org.bianmin.device.DeviceError;
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
    /**
     * Bytes of each forwarded burst shown without --unmask: a SAM_V frame's preamble, length and SW1-SW3,
     * a whole status reply or command, but never the first character of a card's name or much of a code.
     */
    private static final int SHOWN = 10;
    private static final long BURST_GAP_MS = 20;
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
    private final List<String> notes = new ArrayList<>();
    /** Forward mode, per direction: when the last chunk came, bytes shown and hidden in the current burst. */
    private final Map<String, long[]> bursts = new LinkedHashMap<>();

    DiagTrace(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        if (seconds < 0) {
            return terminal.fail(name(), "--seconds " + seconds + " cannot be negative", ExitCodes.USAGE, json);
        }
        if (mode.kind != null && !List.of("id-card", "receipt-printer", "qr-scanner").contains(mode.kind)) {
            return terminal.fail(name(), "--kind " + mode.kind + " is not known; use id-card, receipt-printer or qr-scanner",
                    ExitCodes.USAGE, json);
        }
        if (mode.hostPort != null && json && seconds == 0) {
            return terminal.fail(name(), "--to with --json needs --seconds S: the JSON document is printed when the trace ends",
                    ExitCodes.USAGE, json);
        }
        int exit;
        DeviceException failure = null;
        try {
            exit = mode.kind != null ? exchange(mode.kind) : forward();
        } catch (DeviceException e) {
            failure = e;
            exit = ExitCodes.of(e.error());
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", exit == ExitCodes.OK);
            if (failure != null) {
                doc.put("code", failure.error().code());
                doc.put("message", failure.getMessage());
            }
            doc.put("chunks", chunks);
            doc.put("notes", notes);
            terminal.json(doc);
        } else if (failure != null) {
            terminal.err().println(name() + ": " + failure.error().code() + " " + failure.getMessage());
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
                    Futures.await(reader.read(), Duration.ofSeconds(8), "card read");
                    note("card read: complete");
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
                    String protocol = ScannerProbe.identify(l, Duration.ofMillis(500)).map(Enum::name)
                            .orElseThrow(() -> new DeviceException(DeviceError.TIMEOUT,
                                    "no GM65 or Newland answer; a scanner in continuous mode has no command channel: try 'diag scan'"));
                    note("scanner protocol: " + protocol);
                }
            }
            default -> throw new IllegalStateException("kind checked in run()");
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
        if (json) {
            notes.add(s);
        } else {
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
                    terminal.line("# only the first " + SHOWN + " bytes of each burst are shown: the rest can carry card data, scanned codes or "
                            + "receipt text (--unmask shows all)");
                }
            }
            long deadline = seconds > 0 ? System.nanoTime() + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
            byte[] buf = new byte[4096];
            while (System.nanoTime() < deadline) {
                pump(host, dev, "host→dev", buf);
                pump(dev, host, "dev→host", buf);
            }
            bursts.keySet().forEach(this::endBurst);
            return ExitCodes.OK;
        }
    }

    /**
     * Forwards what arrived. Without --unmask only the first {@value #SHOWN} bytes of each burst are
     * shown — a burst being what one side sends with no pause of {@value #BURST_GAP_MS} ms — so a card
     * read reply, a scanned code or receipt text never appears whatever size its pieces arrive in.
     */
    private void pump(SerialLink from, SerialLink to, String direction, byte[] buf) throws LinkException {
        int n = from.read(buf, 0, buf.length, Duration.ofMillis(2));
        if (n <= 0) {
            return;
        }
        to.write(buf, 0, n);
        if (unmask) {
            chunk(direction, buf, n);
            return;
        }
        long now = System.nanoTime();
        long[] b = bursts.computeIfAbsent(direction, k -> new long[3]);
        if (now - b[0] > BURST_GAP_MS * 1_000_000L) {
            endBurst(direction);
        }
        for (String other : bursts.keySet()) {
            if (!other.equals(direction)) {
                endBurst(other);
            }
        }
        b[0] = now;
        int show = (int) Math.min(n, SHOWN - b[1]);
        if (show > 0) {
            chunk(direction, buf, show);
            b[1] += show;
        }
        b[2] += n - Math.max(show, 0);
    }

    private void endBurst(String direction) {
        long[] b = bursts.get(direction);
        if (b != null && b[2] > 0) {
            note(direction + ": " + b[2] + " more bytes not shown (--unmask shows them)");
        }
        if (b != null) {
            b[1] = 0;
            b[2] = 0;
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
