package org.bianmin.device.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.bianmin.device.printer.sim.TcpListeningLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sim receipt-printer}: an ESC/POS printer that writes what it prints to DIR as text and PNG. */
@Command(name = "receipt-printer", mixinStandardHelpOptions = true,
        description = "Simulate an ESC/POS receipt printer on a serial port until stopped; receipts go to --out as .txt and .png.")
final class SimReceiptPrinter extends DeviceCommand {
    @Option(names = "--port", paramLabel = "PORT", description = "serial port to answer on (one end of a pty pair, or a USB adapter)")
    String port;

    @Option(names = "--listen", paramLabel = "TCP_PORT",
            description = "instead of --port: stand in for a network printer, listening on 127.0.0.1:TCP_PORT (9100 is usual; 0 picks a free port)")
    Integer listen;

    @Option(names = "--baud", paramLabel = "N", description = "baud rate on --port (default 9600)")
    Integer baud;

    @Option(names = "--flow", paramLabel = "MODE", defaultValue = "none", description = "flow control on --port: none, rts-cts or xon-xoff")
    String flow;

    @Option(names = "--width", paramLabel = "MM", defaultValue = "80", description = "paper width: 58 or 80 (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--no-native-qr", description = "behave like a clone without GS ( k (QR codes arrive as raster images)")
    boolean noNativeQr;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/receipts",
            description = "where each receipt is written as receipt-NNN.txt and .png (default: ${DEFAULT-VALUE})")
    Path out;

    SimReceiptPrinter(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        PrinterProfile profile;
        try {
            profile = PrinterOptions.profile(width, noNativeQr);
        } catch (IllegalArgumentException e) {
            return terminal.fail(name(), e.getMessage(), ExitCodes.USAGE, json);
        }
        if (json) {
            return terminal.fail(name(), "has no JSON output; run it without --json", ExitCodes.USAGE, false);
        }
        if ((port == null) == (listen == null)) {
            return terminal.fail(name(), "give either --port (a serial port) or --listen (a TCP port), not both or neither",
                    ExitCodes.USAGE, json);
        }
        SerialSettings settings;
        WatchedLink l;
        if (listen != null) {
            if (baud != null || !flow.equals("none")) {
                return terminal.fail(name(), "--baud and --flow are for a serial --port; a network printer on --listen has neither",
                        ExitCodes.USAGE, json);
            }
            if (listen < 0 || listen > 65535) {
                return terminal.fail(name(), "--listen " + listen + " must be a TCP port from 0 to 65535", ExitCodes.USAGE, json);
            }
            // a network printer: replies paced at a LAN-like rate, and a kiosk may reconnect at any time
            settings = SerialSettings.of(115200);
            TcpListeningLink server = TcpListeningLink.listen(listen);
            terminal.line("listening on tcp://127.0.0.1:" + server.port() + " (the kiosk connects with --port tcp://127.0.0.1:" + server.port() + ")");
            l = new WatchedLink(server);
        } else {
            LinkOptions serial = new LinkOptions();
            serial.port = port;
            serial.baud = baud;
            serial.flow = flow;
            settings = serial.settings(9600);
            l = new WatchedLink(serial.open(9600));
        }
        try (ReceiptPrinterSimulator sim = new ReceiptPrinterSimulator(l, settings, profile)) {
            try {
                sim.writeReceiptsTo(out);
            } catch (IOException e) {
                throw new DeviceException(DeviceError.BAD_SETTINGS, "cannot write receipts to " + out + ": " + e.getMessage()
                        + "; choose another --out directory");
            }
            sim.start();
            sim.fontProblem().ifPresent(p -> terminal.line("warning: " + p));
            SimConsole console = new SimConsole(terminal)
                    .hook("paper-near-end", "the roll is nearly used up", a -> {
                        sim.paperNearEnd();
                        return "paper near end";
                    })
                    .hook("paper-out", "the roll is empty", a -> {
                        sim.paperOut();
                        return "paper out";
                    })
                    .hook("paper-out-after", "run out after N more bytes: paper-out-after 200", a -> {
                        int n = a.length == 0 ? 200 : Integer.parseInt(a[0]);
                        sim.paperOutAfter(n);
                        return "paper runs out after " + n + " bytes";
                    })
                    .hook("load-paper", "put in a new roll", a -> {
                        sim.loadPaper();
                        return "paper loaded";
                    })
                    .hook("open-cover", "open the cover", a -> {
                        sim.openCover();
                        return "cover open";
                    })
                    .hook("close-cover", "close the cover", a -> {
                        sim.closeCover();
                        return "cover closed";
                    })
                    .hook("cutter-jam", "jam the autocutter", a -> {
                        sim.cutterJam();
                        return "cutter jammed";
                    })
                    .hook("garbage", "send bytes no host asked for", a -> {
                        sim.garbage();
                        return "garbage sent";
                    })
                    .hook("stall", "stop answering: stall MS", a -> {
                        long ms = SimConsole.stallMillis(a);
                        sim.stall(Duration.ofMillis(ms));
                        return "not answering for " + ms + " ms";
                    })
                    .hook("receipts", "list what was printed", a -> {
                        StringBuilder sb = new StringBuilder(sim.receipts().size() + " receipt(s)");
                        for (PrintedReceipt r : sim.receipts()) {
                            sb.append("\n  ").append(r);
                        }
                        return sb.toString();
                    });
            terminal.line("receipt-printer simulator on " + l.name() + " at " + settings + ", " + profile.summary()
                    + "; receipts go to " + out.toAbsolutePath() + ". Hooks: " + console.hookList() + " (type 'help'); Ctrl-C stops.");
            return console.runUntilStopped(l);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        }
    }
}
