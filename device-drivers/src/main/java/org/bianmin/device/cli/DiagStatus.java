package org.bianmin.device.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.device.DeviceException;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.PrinterStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code diag status}: the receipt printer's real-time status (DLE EOT 1-4), decoded. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Ask an ESC/POS receipt printer for its real-time status.")
final class DiagStatus extends DeviceCommand {
    @Mixin
    LinkOptions link = new LinkOptions();

    DiagStatus(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        try (EscPosReceiptPrinter printer = new EscPosReceiptPrinter("receipt-printer", link.open(9600), PrinterProfile.MM80)) {
            printer.open();
            PrinterStatus s = Futures.await(printer.status(), Duration.ofSeconds(5), "the status request");
            int exit = s.problem().map(ExitCodes::of).orElse(ExitCodes.OK);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ok", exit == ExitCodes.OK);
                doc.put("status", PrinterStatusView.fields(s));
                terminal.json(doc);
            } else {
                terminal.line(s.summary() + "   (DLE EOT 1-4: " + s.raw() + ")");
                s.problem().ifPresent(p -> terminal.line("what to do: " + remedy(p)));
            }
            return exit;
        }
    }

    static String remedy(org.bianmin.device.DeviceError e) {
        return switch (e) {
            case PAPER_OUT -> "load a new paper roll (thermal side facing the head) and close the cover";
            case PAPER_NEAR_END -> "keep a new roll at hand; the current one is nearly used up";
            case COVER_OPEN -> "close the printer cover until it clicks";
            case CUTTER_ERROR -> "open the cover, clear the paper from the cutter, close the cover";
            case PRINTER_OFFLINE -> "check the printer's power and its error light, then run this again";
            default -> "switch the printer off and on; if it stays, replace it";
        };
    }
}
