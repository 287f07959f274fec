package org.bianmin.device.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.scanner.TriggerProtocol;
import org.bianmin.device.scanner.sim.QrScannerSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sim qr-scanner}: a serial QR/barcode scanner; codes come from --scan or from "scan TEXT" typed on its input. */
@Command(name = "qr-scanner", mixinStandardHelpOptions = true,
        description = "Simulate a serial QR/barcode scanner (continuous, Newland or GM65 host trigger) until stopped.")
final class SimQrScanner extends DeviceCommand {
    private static final Logger log = LoggerFactory.getLogger(SimQrScanner.class);

    @Mixin
    LinkOptions link = new LinkOptions();

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "none",
            description = "none (continuous/sense mode), newland or gm65 (host trigger) (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--tail", paramLabel = "T", defaultValue = "cr", description = "what ends each code: cr, lf, crlf, tab or none")
    String tail;

    @Option(names = "--charset", paramLabel = "CS", defaultValue = "utf-8", description = "output encoding: utf-8 or gbk")
    String charset;

    @Option(names = "--aim", paramLabel = "ID", defaultValue = "", description = "send an AIM identifier before each code, e.g. ]Q1")
    String aim;

    @Option(names = "--scan", paramLabel = "TEXT", description = "a code to present at start (repeatable)")
    List<String> scans = new ArrayList<>();

    @Option(names = "--every", paramLabel = "S", defaultValue = "0",
            description = "present the --scan codes again every S seconds (default: once)")
    int everySeconds;

    SimQrScanner(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        if (json) {
            return terminal.fail(name(), "has no JSON output; run it without --json", ExitCodes.USAGE, false);
        }
        QrScannerSimulator.Settings settings;
        if (everySeconds > 0 && scans.isEmpty()) {
            return terminal.fail(name(), "--every repeats the --scan codes; give at least one --scan TEXT", ExitCodes.USAGE, json);
        }
        if (everySeconds < 0 || everySeconds > 3600) {
            return terminal.fail(name(), "--every " + everySeconds + " must be between 0 and 3600 seconds", ExitCodes.USAGE, json);
        }
        try {
            TriggerProtocol p = ScannerOptions.protocol(protocol);
            Charset cs = ScannerOptions.charset(charset);
            QrScannerSimulator.Tail t;
            try {
                t = QrScannerSimulator.Tail.valueOf(tail.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--tail " + tail + " is not known; use cr, lf, crlf, tab or none");
            }
            settings = QrScannerSimulator.Settings.of(p).withTail(t).withCharset(cs == null ? StandardCharsets.UTF_8 : cs).withAimId(aim);
        } catch (IllegalArgumentException e) {
            return terminal.fail(name(), e.getMessage(), ExitCodes.USAGE, json);
        }
        SerialSettings serial = link.settings(9600);
        WatchedLink l = new WatchedLink(link.open(9600));
        try (QrScannerSimulator sim = new QrScannerSimulator(l, settings.withSerial(serial))) {
            sim.start();
            Thread repeater = everySeconds > 0 && !scans.isEmpty()
                    ? Thread.ofVirtual().name("sim-scan-repeat").start(() -> repeat(sim)) : null;
            if (repeater == null) {
                for (String s : scans) {
                    sim.scan(s);
                }
            }
            SimConsole console = new SimConsole(terminal)
                    .hook("scan", "present a code: scan TEXT (Chinese is fine)", a -> {
                        String text = String.join(" ", a);
                        sim.scan(text);
                        return sim.hostTriggerMode() && !sim.triggerWindowOpen()
                                ? "code waiting for the host's trigger" : "scanned " + text.length() + " characters";
                    })
                    .hook("garbage", "send bytes that are valid in no charset", a -> {
                        sim.garbage();
                        return "garbage sent";
                    })
                    .hook("stall", "stop answering commands: stall MS", a -> {
                        long ms = SimConsole.stallMillis(a);
                        sim.stall(Duration.ofMillis(ms));
                        return "not answering for " + ms + " ms";
                    })
                    .hook("state", "show the counters", a -> "codes sent " + sim.codesSent() + ", commands " + sim.framesReceived()
                            + ", replies " + sim.repliesSent() + ", waiting codes " + sim.presentedCount());
            terminal.line("qr-scanner simulator on " + l.name() + " at " + serial + ", protocol " + settings.protocol()
                    + ", tail " + settings.tail() + ", " + settings.charset() + ". Hooks: " + console.hookList()
                    + " (type 'help'); Ctrl-C stops.");
            int exit = console.runUntilStopped(l);
            if (repeater != null) {
                repeater.interrupt();
            }
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }

    private void repeat(QrScannerSimulator sim) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (String s : scans) {
                    sim.scan(s);
                }
                Thread.sleep(Duration.ofSeconds(everySeconds));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LinkException e) {
            log.warn("scan repeat stopped: {}", e.technicianLine());
        }
    }
}
