package org.bianmin.device.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sim receipt-printer}: an ESC/POS printer that writes what it prints to DIR as text and PNG. */
@Command(name = "receipt-printer", mixinStandardHelpOptions = true,
        description = "Simulate an ESC/POS receipt printer on a serial port until stopped; receipts go to --out as .txt and .png.")
final class SimReceiptPrinter extends DeviceCommand {
    @Mixin
    LinkOptions link = new LinkOptions();

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
        SerialSettings settings = link.settings(9600);
        WatchedLink l = new WatchedLink(link.open(9600));
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
