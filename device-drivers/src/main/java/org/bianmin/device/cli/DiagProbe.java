package org.bianmin.device.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.SamProbe;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.printer.EscPosProbe;
import org.bianmin.device.scanner.ScannerProbe;
import org.bianmin.device.scanner.TriggerProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code diag probe}: finds which kind of device answers on a port by its protocol handshake. The
 * printer is asked first because DLE EOT is harmless to the others, while a SAM_V or scanner frame
 * sent to a printer would be printed as garbage.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Find which kind of device answers on a port: ESC/POS printer, SAM_V ID card reader, GM65 or Newland scanner.")
final class DiagProbe extends DeviceCommand {
    private static final Duration WAIT = Duration.ofMillis(400);

    @Mixin
    LinkOptions link = new LinkOptions();

    DiagProbe(Terminal t) {
        super(t);
    }

    private interface Handshake {
        Optional<String> answer(SerialLink l) throws LinkException;
    }

    private record Attempt(String kind, List<Integer> bauds, Handshake handshake) {}

    @Override
    protected int run() throws DeviceException {
        List<Attempt> attempts = List.of(
                new Attempt("receipt-printer", List.of(9600, 19200, 38400, 115200),
                        l -> EscPosProbe.answers(l, WAIT) ? Optional.of("ESC/POS printer (answers DLE EOT)") : Optional.empty()),
                new Attempt("id-card", List.of(115200, 57600, 38400, 19200, 9600),
                        l -> SamProbe.answers(l, WAIT) ? Optional.of("SAM_V ID card reader (answers SAM status)") : Optional.empty()),
                new Attempt("qr-scanner", List.of(9600, 115200, 57600, 38400, 19200),
                        l -> ScannerProbe.identify(l, WAIT).map(DiagProbe::scannerKind)));
        List<String> tried = new ArrayList<>();
        for (Attempt a : attempts) {
            boolean tcp = link.port.startsWith("tcp://");
            for (int baud : tcp ? List.of(a.bauds().get(0)) : link.baud == null ? a.bauds() : List.of(link.baud)) {
                Optional<String> found;
                try (SerialLink l = link.open(baud)) {
                    found = a.handshake().answer(l);
                }
                tried.add(tcp ? a.kind() : a.kind() + "@" + baud);
                if (found.isPresent()) {
                    report(a.kind(), found.get(), baud);
                    return ExitCodes.OK;
                }
            }
        }
        throw new DeviceException(DeviceError.TIMEOUT, "nothing answered on " + link.port + " (tried " + String.join(", ", tried)
                + "); check power and cable, that no other program holds the port, and note that a scanner in "
                + "continuous mode has no command channel: try 'diag scan' for it");
    }

    private static String scannerKind(TriggerProtocol p) {
        return switch (p) {
            case GM65 -> "GM65-family QR scanner (answers a zone read)";
            case NEWLAND -> "Newland QR scanner (answers a setting query)";
            case NONE -> "QR scanner";
        };
    }

    private void report(String kind, String what, int baud) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", true);
            doc.put("kind", kind);
            doc.put("device", what);
            doc.put("port", link.port);
            doc.put("baud", link.port.startsWith("tcp://") ? null : baud);
            terminal.json(doc);
        } else {
            terminal.line(link.port + ": " + what + (link.port.startsWith("tcp://") ? " over TCP" : " at " + baud + " baud")
                    + "  → kind " + kind);
        }
    }
}
