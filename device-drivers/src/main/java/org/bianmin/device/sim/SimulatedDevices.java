package org.bianmin.device.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.idcard.SamIdCardReader;
import org.bianmin.device.idcard.SamReaderConfig;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.DeviceLinks;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.MemoryLink;
import org.bianmin.device.link.PacedLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.SocatPty;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.EscPosSettings;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.bianmin.device.scanner.ScannerConfig;
import org.bianmin.device.scanner.SerialQrScanner;
import org.bianmin.device.scanner.TriggerProtocol;
import org.bianmin.device.scanner.sim.QrScannerSimulator;

/**
 * A whole set of serial devices with their simulators on the other end of the cable: the ID card
 * reader, the QR scanner and the receipt printer, each driver opened and enabled. The cables are
 * in-memory null modems, or socat pty pairs so the bytes go through jssc and the kernel as they do on
 * a kiosk. One device can be restarted with new settings while the others run on. Used by the demo,
 * {@code diag selftest --sim}, the benchmarks and a kiosk whose config simulates its devices.
 */
public final class SimulatedDevices implements AutoCloseable {

    public enum Wiring { MEMORY, PTY }

    private static final Duration TEAR_OFF = Duration.ofSeconds(3);

    public static final String ID_CARD = "id-card";
    public static final String QR_SCANNER = "qr-scanner";
    public static final String RECEIPT_PRINTER = "receipt-printer";

    /** Wraps the driver's end of a device's cable, e.g. in a {@code TracingLink}, before the driver gets it. */
    @FunctionalInterface
    public interface HostLinkTap {
        HostLinkTap NONE = (device, link) -> link;

        SerialLink wrap(String device, SerialLink hostEnd);
    }

    /**
     * @param ptyDir where the pty links are made when {@code wiring} is PTY
     * @param receipts where the printer simulator writes each receipt as .txt and .png, if anywhere
     * @param hostLinks wraps the driver's end of each cable, by device name ("id-card", "qr-scanner", "receipt-printer")
     */
    public record Options(Wiring wiring, Path ptyDir, IdCardSimulator.Timing cardTiming, int idCardBaud, int scannerBaud,
                          TriggerProtocol scannerProtocol, int printerBaud, PrinterProfile printerProfile, Optional<Path> receipts,
                          HostLinkTap hostLinks) {

        public Options(Wiring wiring, Path ptyDir, IdCardSimulator.Timing cardTiming, int idCardBaud, int scannerBaud,
                       TriggerProtocol scannerProtocol, int printerBaud, PrinterProfile printerProfile, Optional<Path> receipts) {
            this(wiring, ptyDir, cardTiming, idCardBaud, scannerBaud, scannerProtocol, printerBaud, printerProfile, receipts, HostLinkTap.NONE);
        }

        public static Options defaults() {
            return new Options(Wiring.MEMORY, null, IdCardSimulator.Timing.REALISTIC, 115200, 9600, TriggerProtocol.NONE,
                    9600, PrinterProfile.MM80, Optional.empty());
        }

        public Options withHostLinks(HostLinkTap tap) {
            return new Options(wiring, ptyDir, cardTiming, idCardBaud, scannerBaud, scannerProtocol, printerBaud, printerProfile, receipts,
                    tap);
        }

        public Options withWiring(Wiring w, Path dir) {
            return new Options(w, dir, cardTiming, idCardBaud, scannerBaud, scannerProtocol, printerBaud, printerProfile, receipts, hostLinks);
        }

        public Options withCardTiming(IdCardSimulator.Timing t) {
            return new Options(wiring, ptyDir, t, idCardBaud, scannerBaud, scannerProtocol, printerBaud, printerProfile, receipts, hostLinks);
        }

        public Options withScannerProtocol(TriggerProtocol p) {
            return new Options(wiring, ptyDir, cardTiming, idCardBaud, scannerBaud, p, printerBaud, printerProfile, receipts, hostLinks);
        }

        public Options withPrinter(int baud, PrinterProfile profile) {
            return new Options(wiring, ptyDir, cardTiming, idCardBaud, scannerBaud, scannerProtocol, baud, profile, receipts, hostLinks);
        }

        public Options withReceiptsIn(Path dir) {
            return new Options(wiring, ptyDir, cardTiming, idCardBaud, scannerBaud, scannerProtocol, printerBaud, printerProfile,
                    Optional.of(dir), hostLinks);
        }
    }

    private record Cable(SerialLink host, SerialLink device) {}

    /** Link events of a cable, forwarded to its driver once the driver exists. */
    private static final class Relay implements Consumer<DeviceEvent> {
        private volatile Consumer<DeviceEvent> target = e -> {};

        @Override
        public void accept(DeviceEvent e) {
            target.accept(e);
        }
    }

    /** What each device's parts are closed with, by device name: driver, then simulator, then cable. */
    private final Map<String, List<AutoCloseable>> parts = new LinkedHashMap<>();
    private volatile IdCardSimulator idCardSimulator;
    private volatile SamIdCardReader idCardReader;
    private volatile QrScannerSimulator scannerSimulator;
    private volatile SerialQrScanner scanner;
    private volatile ReceiptPrinterSimulator printerSimulator;
    private volatile EscPosReceiptPrinter printer;

    private SimulatedDevices() {}

    /** Starts the three simulators and opens and enables the three drivers against them. */
    public static SimulatedDevices start(Options o) throws DeviceException {
        SimulatedDevices d = new SimulatedDevices();
        try {
            for (String name : List.of(ID_CARD, QR_SCANNER, RECEIPT_PRINTER)) {
                d.startDevice(name, o);
            }
            return d;
        } catch (DeviceException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /**
     * Closes the simulated device called {@code name} (its driver, simulator and cable) and starts it again with the
     * settings {@code o} gives it, e.g. another paper width; the other two run on untouched. When it cannot start, it
     * stays closed and its accessors give null until it is restarted.
     *
     * @throws IllegalArgumentException for a name other than {@code id-card}, {@code qr-scanner} or {@code receipt-printer}
     */
    public synchronized void restart(String name, Options o) throws DeviceException {
        if (!List.of(ID_CARD, QR_SCANNER, RECEIPT_PRINTER).contains(name)) {
            throw unknown(name);
        }
        closeDevice(name);
        try {
            startDevice(name, o);
        } catch (DeviceException | RuntimeException e) {
            closeDevice(name);
            throw e;
        }
    }

    private synchronized void startDevice(String name, Options o) throws DeviceException {
        try {
            switch (name) {
                case ID_CARD -> startIdCard(o);
                case QR_SCANNER -> startScanner(o);
                default -> startPrinter(o);
            }
        } catch (IOException e) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "simulated " + name + ": " + e.getMessage(), e);
        }
    }

    private void startIdCard(Options o) throws IOException, DeviceException {
        SerialSettings card = SerialSettings.of(o.idCardBaud());
        Relay r = new Relay();
        Cable c = cable(ID_CARD, o, card, r);
        idCardSimulator = closing(ID_CARD, new IdCardSimulator(c.device(), card,
                IdCardSimulator.Options.defaults().withTiming(o.cardTiming())));
        idCardSimulator.start();
        idCardReader = closing(ID_CARD, new SamIdCardReader(ID_CARD, c.host(), SamReaderConfig.defaults(), Statistics.inMemory()));
        r.target = idCardReader::onLinkEvent;
        idCardReader.open();
        idCardReader.enable();
    }

    private void startScanner(Options o) throws IOException, DeviceException {
        SerialSettings scan = SerialSettings.of(o.scannerBaud());
        Relay r = new Relay();
        Cable c = cable(QR_SCANNER, o, scan, r);
        scannerSimulator = closing(QR_SCANNER, new QrScannerSimulator(c.device(),
                QrScannerSimulator.Settings.of(o.scannerProtocol()).withSerial(scan)));
        scannerSimulator.start();
        scanner = closing(QR_SCANNER, new SerialQrScanner(QR_SCANNER, c.host(), ScannerConfig.of(o.scannerProtocol()),
                Statistics.inMemory()));
        r.target = scanner::onLinkEvent;
        scanner.open();
        scanner.enable();
    }

    private void startPrinter(Options o) throws IOException, DeviceException {
        SerialSettings print = SerialSettings.of(o.printerBaud());
        Relay r = new Relay();
        Listeners printerListeners = new Listeners();
        r.target = printerListeners::fire;
        Cable c = cable(RECEIPT_PRINTER, o, print, r);
        // the kiosk cuts every receipt; a tear-off only after a long pause, so a busy machine's stall mid-receipt does not split one
        printerSimulator = closing(RECEIPT_PRINTER, new ReceiptPrinterSimulator(c.device(), print, o.printerProfile())
                .tearOffAfter(TEAR_OFF));
        if (o.receipts().isPresent()) {
            printerSimulator.writeReceiptsTo(o.receipts().get());
        }
        printerSimulator.start();
        printer = closing(RECEIPT_PRINTER, new EscPosReceiptPrinter(RECEIPT_PRINTER, c.host(), o.printerProfile(),
                EscPosSettings.DEFAULTS.withLineBaud(o.printerBaud()), PrintLedger.inMemory(), Statistics.inMemory(), printerListeners));
        printer.open();
        printer.enable();
    }

    private <T extends AutoCloseable> T closing(String device, T t) {
        parts.computeIfAbsent(device, k -> new ArrayList<>()).add(0, t);
        return t;
    }

    /** Closes the device's driver before its simulator and the simulator before its cable. */
    private void closeDevice(String name) {
        switch (name) {
            case ID_CARD -> {
                idCardReader = null;
                idCardSimulator = null;
            }
            case QR_SCANNER -> {
                scanner = null;
                scannerSimulator = null;
            }
            default -> {
                printer = null;
                printerSimulator = null;
            }
        }
        for (AutoCloseable c : parts.getOrDefault(name, List.of())) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a simulated device that already failed; nothing left to release
            }
        }
        parts.remove(name);
    }

    /**
     * In memory, a null-modem pair; over ptys, the driver's end is watched and reopened as on a kiosk. Neither
     * moves bytes at the baud rate by itself: the simulators pace what they send, and the driver's end is paced
     * here, so that a receipt sent to the printer takes its wire time as it does on a serial line.
     */
    private Cable cable(String name, Options o, SerialSettings settings, Consumer<DeviceEvent> linkEvents)
            throws IOException, LinkException {
        if (o.wiring() == Wiring.MEMORY) {
            MemoryLink.Pair p = MemoryLink.pair(name);
            return new Cable(o.hostLinks().wrap(name, new PacedLink(p.host(), settings)), p.device());
        }
        Path dir = o.ptyDir().resolve(name);
        SocatPty pty = closing(name, SocatPty.started(dir));
        return new Cable(o.hostLinks().wrap(name, new PacedLink(DeviceLinks.watched(name, pty.b(), settings, linkEvents), settings)),
                JsscSerialLink.open(pty.a(), settings));
    }

    public IdCardSimulator idCardSimulator() {
        return idCardSimulator;
    }

    public SamIdCardReader idCardReader() {
        return idCardReader;
    }

    public QrScannerSimulator scannerSimulator() {
        return scannerSimulator;
    }

    public SerialQrScanner scanner() {
        return scanner;
    }

    public ReceiptPrinterSimulator printerSimulator() {
        return printerSimulator;
    }

    public EscPosReceiptPrinter printer() {
        return printer;
    }

    /**
     * Cuts the power of the simulated device called {@code name} ({@code id-card}, {@code qr-scanner} or
     * {@code receipt-printer}): it answers nothing until {@link #powerOn}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public void powerOff(String name) {
        switch (name) {
            case ID_CARD -> idCardSimulator.powerOff();
            case QR_SCANNER -> scannerSimulator.powerOff();
            case RECEIPT_PRINTER -> printerSimulator.powerOff();
            default -> throw unknown(name);
        }
    }

    /** Powers the simulated device called {@code name} again: it boots afresh (see each simulator's powerOn). */
    public void powerOn(String name) {
        switch (name) {
            case ID_CARD -> idCardSimulator.powerOn();
            case QR_SCANNER -> scannerSimulator.powerOn();
            case RECEIPT_PRINTER -> printerSimulator.powerOn();
            default -> throw unknown(name);
        }
    }

    /** Whether the simulated device called {@code name} has power. */
    public boolean powered(String name) {
        return switch (name) {
            case ID_CARD -> idCardSimulator.powered();
            case QR_SCANNER -> scannerSimulator.powered();
            case RECEIPT_PRINTER -> printerSimulator.powered();
            default -> throw unknown(name);
        };
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("no simulated device is called '" + name + "'; the simulated devices are "
                + ID_CARD + ", " + QR_SCANNER + " and " + RECEIPT_PRINTER);
    }

    /** Closes drivers before simulators and simulators before their cables. */
    @Override
    public synchronized void close() {
        for (String name : List.copyOf(parts.keySet())) {
            closeDevice(name);
        }
    }
}
