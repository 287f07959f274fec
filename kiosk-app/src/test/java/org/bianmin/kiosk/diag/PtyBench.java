package org.bianmin.kiosk.diag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.bianmin.device.scanner.TriggerProtocol;
import org.bianmin.device.scanner.sim.QrScannerSimulator;

/**
 * A kiosk's three serial devices as a technician meets them: each real simulator on the far end (A) of
 * a socat pty pair, the kiosk's end (B) named in a config file written for the self-test.
 */
final class PtyBench implements AutoCloseable {
    static final int CARD_BAUD = 115200;
    static final int SCANNER_BAUD = 9600;
    static final int PRINTER_BAUD = 9600;

    private final Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    final SocatPty idCard;
    final SocatPty scanner;
    final SocatPty printer;
    final IdCardSimulator cardSimulator;
    final QrScannerSimulator scannerSimulator;
    final ReceiptPrinterSimulator printerSimulator;

    PtyBench(Path dir) throws IOException, LinkException {
        this.dir = dir;
        idCard = pty("id-card");
        scanner = pty("qr-scanner");
        printer = pty("receipt-printer");
        SerialSettings card = SerialSettings.of(CARD_BAUD);
        cardSimulator = closing(new IdCardSimulator(JsscSerialLink.open(idCard.a(), card), card).start());
        SerialSettings scan = SerialSettings.of(SCANNER_BAUD);
        scannerSimulator = closing(new QrScannerSimulator(JsscSerialLink.open(scanner.a(), scan),
                QrScannerSimulator.Settings.of(TriggerProtocol.NEWLAND).withSerial(scan)).start());
        SerialSettings print = SerialSettings.of(PRINTER_BAUD);
        printerSimulator = closing(new ReceiptPrinterSimulator(JsscSerialLink.open(printer.a(), print), print, PrinterProfile.MM80).start());
    }

    /** A pty pair with nothing on its far end: a port whose device is off or unplugged at the device. */
    SocatPty pty(String name) throws IOException {
        return closing(SocatPty.started(dir.resolve(name)));
    }

    /** A config file with the devices on the kiosk's ends of the ptys and A4 documents spooled into a directory. */
    Path config() throws IOException {
        return config(idCard.b(), printer.b(), true, "spool:" + dir.resolve("printed"));
    }

    /**
     * A config file with the ID card reader and the receipt printer where the test says, the scanner on its
     * pty, and the A4 printer's {@code queue} (a CUPS queue name or spool:DIR).
     */
    Path config(String idCardPort, String printerPort, boolean printerRequired, String queue) throws IOException {
        String yaml = """
                identity:
                  kioskId: selftest-01
                devices:
                  idCard:
                    port: %s
                    baud: %d
                  qrScanner:
                    port: %s
                    baud: %d
                    protocol: newland
                  receiptPrinter:
                    port: %s
                    baud: %d
                    required: %s
                  documentPrinter:
                    queue: "%s"
                    simulated: %s
                """.formatted(idCardPort, CARD_BAUD, scanner.b(), SCANNER_BAUD, printerPort, PRINTER_BAUD, printerRequired, queue,
                queue.startsWith("spool:"));
        Path file = Files.createTempFile(dir, "kiosk-", ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private <T extends AutoCloseable> T closing(T t) {
        open.add(0, t);
        return t;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }
}
