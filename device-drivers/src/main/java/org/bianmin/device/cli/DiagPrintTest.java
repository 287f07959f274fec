package org.bianmin.device.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bianmin.device.DeviceException;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.TestReceipts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diag print-test}: prints the test receipt (Chinese text and a QR code), with the status before and after. */
@Command(name = "print-test", mixinStandardHelpOptions = true,
        description = "Print a test receipt with Chinese text and a QR code; shows the printer status before and after.")
final class DiagPrintTest extends DeviceCommand {
    @Mixin
    LinkOptions link = new LinkOptions();

    @Option(names = "--width", paramLabel = "MM", defaultValue = "80", description = "paper width: 58 or 80 (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--raster-qr", description = "send the QR code as a raster image (printers without GS ( k)")
    boolean rasterQr;

    DiagPrintTest(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        PrinterProfile profile;
        try {
            profile = PrinterOptions.profile(width, rasterQr);
        } catch (IllegalArgumentException e) {
            return terminal.fail(name(), e.getMessage(), ExitCodes.USAGE, json);
        }
        try (EscPosReceiptPrinter printer = new EscPosReceiptPrinter("receipt-printer", link.open(9600), profile)) {
            printer.open();
            printer.enable();
            PrinterStatus before = Futures.await(printer.status(), Duration.ofSeconds(5), "the status request");
            String key = "diag-print-test-" + UUID.randomUUID();
            PrintResult result = Futures.await(printer.print(TestReceipts.diagnostic(profile, Instant.now()), key),
                    Duration.ofSeconds(120), "the test print");
            PrinterStatus after = printer.lastStatus().orElse(before);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ok", result.printed());
                doc.put("before", PrinterStatusView.fields(before));
                doc.put("result", Map.of("outcome", result.outcome().name(), "bytesSent", result.bytesSent(),
                        "detail", String.valueOf(result.detail())));
                doc.put("after", PrinterStatusView.fields(after));
                terminal.json(doc);
            } else {
                terminal.line("before: " + before.summary());
                terminal.line("print:  " + result.outcome() + ", " + result.bytesSent() + " bytes sent ("
                        + profile.summary() + ")" + (result.detail() == null ? "" : "; " + result.detail()));
                terminal.line("after:  " + after.summary());
            }
            if (!result.printed()) {
                if (!json) {
                    terminal.err().println(name() + ": " + (result.error() == null ? "" : result.error().code() + " ")
                            + "the test receipt did not print; "
                            + (result.error() == null ? "check the printer" : DiagStatus.remedy(result.error())));
                }
                return result.error() == null ? ExitCodes.DEVICE_FAULT : ExitCodes.of(result.error());
            }
            return ExitCodes.OK;
        }
    }
}
