package org.bianmin.device.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.Hex;
import org.bianmin.device.scanner.ScanFormat;
import org.bianmin.device.scanner.ScannedCode;
import org.bianmin.device.scanner.ScannerConfig;
import org.bianmin.device.scanner.SerialQrScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code diag scan}: waits for one code from a serial scanner (triggering it when it has a command protocol). */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Wait for one QR/barcode scan; the code is masked unless --unmask is given (QR tokens can identify a person).")
final class DiagScan extends DeviceCommand {
    @Mixin
    LinkOptions link = new LinkOptions();

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10", description = "seconds to wait for a code (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "none",
            description = "none (continuous/sense mode), newland or gm65 (host trigger) (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--charset", paramLabel = "CS", defaultValue = "auto", description = "utf-8, gbk, gb18030, or auto (UTF-8, else GB18030)")
    String charset;

    @Option(names = "--unmask", description = "show the whole code")
    boolean unmask;

    DiagScan(Terminal t) {
        super(t);
    }

    @Override
    protected int run() throws DeviceException {
        ScannerConfig config;
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            return terminal.fail(name(), "--timeout " + timeoutSeconds + " must be between 1 and 3600 seconds", ExitCodes.USAGE, json);
        }
        try {
            config = ScannerConfig.of(ScannerOptions.protocol(protocol))
                    .withFormat(ScanFormat.defaults().withCharset(ScannerOptions.charset(charset)));
        } catch (IllegalArgumentException e) {
            return terminal.fail(name(), e.getMessage(), ExitCodes.USAGE, json);
        }
        try (SerialQrScanner scanner = new SerialQrScanner("qr-scanner", link.open(9600), config, Statistics.inMemory())) {
            scanner.open();
            scanner.enable();
            if (!json) {
                terminal.line("waiting up to " + timeoutSeconds + " s for a code on " + link.port + "…");
            }
            ScannedCode code;
            try {
                code = Futures.await(scanner.scanOnce(Duration.ofSeconds(timeoutSeconds)), Duration.ofSeconds(timeoutSeconds + 5L), "the scan");
            } catch (DeviceException e) {
                if (e.error() == DeviceError.NO_CODE) {
                    throw new DeviceException(DeviceError.NO_CODE, "no code within " + timeoutSeconds + " s on " + link.port
                            + "; hold the code 10-20 cm in front of the scanner window, and check --baud and --protocol");
                }
                throw e;
            }
            String text = unmask ? code.text() : ScannedCode.mask(code.text());
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ok", true);
                doc.put("code", text);
                doc.put("symbology", code.symbology());
                doc.put("aimId", code.aimId());
                doc.put("bytes", code.rawBytes().length);
                terminal.json(doc);
            } else {
                terminal.line("code:      " + text);
                terminal.line("symbology: " + code.symbology() + (code.aimId().isEmpty() ? "" : " (" + code.aimId() + ")"));
                terminal.line("bytes:     " + code.rawBytes().length + (unmask ? "  " + Hex.of(code.rawBytes()) : ""));
            }
            return ExitCodes.OK;
        }
    }
}
