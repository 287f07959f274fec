package org.bianmin.kiosk;

import java.io.IOException;
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
 * A kiosk's three serial devices as they are wired on a kiosk, but simulated: each simulator on the far end (A) of a
 * socat pty pair, the kiosk's end (B) for its config, the bytes going through jssc and the kernel.
 */
final class PtyDevices implements AutoCloseable {
    static final int CARD_BAUD = 115200;
    static final int SCANNER_BAUD = 9600;
    static final int PRINTER_BAUD = 9600;

    private final List<AutoCloseable> open = new ArrayList<>();
    final SocatPty idCard;
    final SocatPty scanner;
    final SocatPty printer;
    final ReceiptPrinterSimulator printerSimulator;

    PtyDevices(Path dir) throws IOException, LinkException {
        idCard = closing(SocatPty.started(dir.resolve("id-card")));
        scanner = closing(SocatPty.started(dir.resolve("qr-scanner")));
        printer = closing(SocatPty.started(dir.resolve("receipt-printer")));
        SerialSettings card = SerialSettings.of(CARD_BAUD);
        closing(new IdCardSimulator(JsscSerialLink.open(idCard.a(), card), card).start());
        SerialSettings scan = SerialSettings.of(SCANNER_BAUD);
        closing(new QrScannerSimulator(JsscSerialLink.open(scanner.a(), scan), QrScannerSimulator.Settings.of(TriggerProtocol.NONE)
                .withSerial(scan)).start());
        SerialSettings print = SerialSettings.of(PRINTER_BAUD);
        printerSimulator = closing(new ReceiptPrinterSimulator(JsscSerialLink.open(printer.a(), print), print, PrinterProfile.MM80)
                .start());
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
