package org.bianmin.kiosk.devices;

import com.pi4j.context.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bianmin.config.DeviceKind;
import org.bianmin.config.DevicePort;
import org.bianmin.config.DeviceSettings;
import org.bianmin.config.DocumentDestination;
import org.bianmin.config.DocumentPrinterSettings;
import org.bianmin.config.FlowControl;
import org.bianmin.config.GpioSettings;
import org.bianmin.config.IdCardSettings;
import org.bianmin.config.PaperWidth;
import org.bianmin.config.QrScannerSettings;
import org.bianmin.config.ReceiptPrinterSettings;
import org.bianmin.config.RecoverySettings;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.document.CupsDocumentPrinter;
import org.bianmin.device.document.DocumentPrinter;
import org.bianmin.device.document.sim.SpoolDocumentPrinter;
import org.bianmin.device.gpio.GpioContexts;
import org.bianmin.device.gpio.GpioPins;
import org.bianmin.device.gpio.GpioScheduler;
import org.bianmin.device.gpio.Indicators;
import org.bianmin.device.gpio.Pi4jIndicators;
import org.bianmin.device.gpio.Pi4jPowerRelay;
import org.bianmin.device.gpio.Pi4jSensors;
import org.bianmin.device.gpio.PowerRelay;
import org.bianmin.device.gpio.RelaySettings;
import org.bianmin.device.gpio.SensorSettings;
import org.bianmin.device.gpio.Sensors;
import org.bianmin.device.gpio.sim.MockGpio;
import org.bianmin.device.idcard.IdCardReader;
import org.bianmin.device.idcard.SamIdCardReader;
import org.bianmin.device.idcard.SamReaderConfig;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.link.DeviceLinks;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.TcpLink;
import org.bianmin.device.printer.EscPosReceiptPrinter;
import org.bianmin.device.printer.EscPosSettings;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.ReceiptPrinter;
import org.bianmin.device.scanner.QrScanner;
import org.bianmin.device.scanner.ScannerConfig;
import org.bianmin.device.scanner.SerialQrScanner;
import org.bianmin.device.scanner.TriggerProtocol;
import org.bianmin.device.sim.SimulatedDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's devices as its config describes them, opened and enabled, and the one place that knows which driver runs
 * each device now: the serial ID card reader, QR scanner and receipt printer (real, or all three simulated on the other
 * end of in-memory cables, paced at the configured baud rates), the A4 printer (a CUPS queue, or a simulator printing into
 * a directory), the GPIO lights and sensors (real pins or Pi4J's mock platform) and the power relay when relays are
 * wired. With simulated GPIO, the relays switch the simulators' power. Ledgers and statistics of real devices persist
 * under the kiosk's state directory. A device that cannot be opened stays closed with a logged reason (the
 * {@link DeviceSupervisor} tries it again), or is left out when its driver cannot even be built, so the services that
 * need it are greyed out rather than the kiosk failing to start. New settings are taken while the kiosk runs
 * ({@link #apply}): only the devices whose settings changed are closed and opened again. Whoever follows a device's
 * events subscribes here ({@link #listen}) and keeps its subscription across a reopen; whoever uses a driver asks for it
 * here when it needs it rather than keeping it.
 */
public final class KioskDevices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskDevices.class);

    /**
     * What the config leaves to the program that simulates devices: where they put what they "print", and
     * how long the simulated ID card reader's RF takes.
     */
    public record SimulationOutput(Optional<Path> receipts, IdCardSimulator.Timing cardTiming) {
        /** Realistic card timing. */
        public SimulationOutput(Optional<Path> receipts) {
            this(receipts, IdCardSimulator.Timing.REALISTIC);
        }
    }

    /** Settle time after a relay restores power to a real device [U: USB serial adapters re-enumerate in about 1–2 s]. */
    private static final Duration USB_SETTLE = Duration.ofSeconds(2);
    private static final List<DeviceKind> SERIAL = List.of(DeviceKind.ID_CARD, DeviceKind.QR_SCANNER, DeviceKind.RECEIPT_PRINTER);
    private static final Set<String> SIMULATED_SERIAL = Set.of(SimulatedDevices.ID_CARD, SimulatedDevices.QR_SCANNER,
            SimulatedDevices.RECEIPT_PRINTER);
    private static final String LIGHTS = "lights";
    private static final String SENSORS = "sensors";

    /** What is closed together: one device with its link, the three serial simulators, or every GPIO part over one Pi4J context. */
    private enum Part { SIMULATORS, ID_CARD, QR_SCANNER, RECEIPT_PRINTER, DOCUMENT_PRINTER, GPIO }

    private final Path stateDir;
    private final SimulationOutput output;
    /** What to close for each part, last opened first; guarded by this. */
    private final Map<Part, List<AutoCloseable>> parts = new EnumMap<>(Part.class);
    /** Why a device is out of service, one line each, by device name ("gpio" and "power-relay" for those). */
    private final Map<String, String> problems = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, DeviceException> openFailures = new ConcurrentHashMap<>();
    /** The hex trace of each serial device's link, by device name, personal data withheld as it is recorded. */
    private final Map<String, LinkTrace> traces = new ConcurrentHashMap<>();
    /** Who follows each device's events, by device name, whichever driver runs it. */
    private final Map<String, List<Consumer<DeviceEvent>>> listeners = new ConcurrentHashMap<>();
    /** Ends the forwarding of the current driver's events, by device name. */
    private final Map<String, Runnable> forwarding = new ConcurrentHashMap<>();
    private final List<Consumer<Set<String>>> changeListeners = new CopyOnWriteArrayList<>();
    private volatile DeviceSettings settings;
    private volatile SimulatedDevices simulated;
    private volatile IdCardReader reader;
    private volatile QrScanner scanner;
    private volatile ReceiptPrinter receiptPrinter;
    private volatile DocumentPrinter documentPrinter;
    private volatile Pi4jIndicators indicators;
    private volatile Pi4jSensors sensors;
    private volatile MockGpio mockGpio;
    private volatile Pi4jPowerRelay powerRelay;

    private KioskDevices(DeviceSettings settings, Path stateDir, SimulationOutput output) {
        this.settings = settings;
        this.stateDir = stateDir;
        this.output = output;
    }

    /**
     * Opens every device the settings name. Fails only when the settings cannot run at all (the serial devices
     * simulated in part) or the A4 printer, without which no service can be given, cannot even be constructed; the
     * other devices' failures are in {@link #problems()}.
     */
    public static KioskDevices open(DeviceSettings settings, Path stateDir, SimulationOutput output) throws DeviceException {
        KioskDevices d = new KioskDevices(settings, stateDir, output);
        try {
            Files.createDirectories(stateDir);
            checkSerialSimulation(settings);
            d.openSerialDevices(settings, true);
            d.openDocumentPrinter(buildDocumentPrinter(settings));
            d.openGpio(settings.gpio(), settings.recovery());
            return d;
        } catch (IOException e) {
            d.close();
            throw new DeviceException(DeviceError.BAD_SETTINGS, "kiosk state directory " + stateDir + ": " + e.getMessage(), e);
        } catch (DeviceException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /**
     * Takes new device settings while the kiosk runs: each device whose settings changed (anything but {@code required})
     * is closed and opened with the new ones, as at start (one that cannot be built is left out with the reason); the
     * others run on untouched. A change to the GPIO pins, or to the relays' timing under {@code recovery}, reopens the
     * lights, sensors and relay together. The change listeners then hear which devices were reopened. The caller makes
     * sure no citizen or technician is using a device while it is replaced: the kiosk applies settings between visits,
     * and its {@link DeviceSupervisor} drops a check of a replaced driver ({@link DeviceSupervisor#rewatch}).
     *
     * @return the names of the devices reopened, e.g. {@code [receipt-printer]}; empty when nothing but {@code required}
     *         flags changed
     * @throws DeviceException {@code BAD_SETTINGS}, before any device is touched, when the settings cannot run: the serial
     *                         devices simulated in part, or an A4 printer that cannot even be built
     */
    public synchronized Set<String> apply(DeviceSettings next) throws DeviceException {
        DeviceSettings before = settings;
        checkSerialSimulation(next);
        boolean a4Changed = !same(before.documentPrinter()).equals(same(next.documentPrinter()));
        DocumentPrinter a4 = a4Changed ? buildDocumentPrinter(next) : null;
        Set<String> reopened = new LinkedHashSet<>();
        reopenSerialDevices(before, next, reopened);
        if (a4 != null) {
            String name = DeviceKind.DOCUMENT_PRINTER.deviceName();
            closePart(Part.DOCUMENT_PRINTER, name, documentPrinter);
            openDocumentPrinter(a4);
            reopened.add(name);
        }
        if (gpioChanged(before, next)) {
            unforward(SENSORS);
            closePart(Part.GPIO, LIGHTS, indicators);
            indicators = null;
            sensors = null;
            mockGpio = null;
            powerRelay = null;
            List.of(LIGHTS, SENSORS, "gpio", "power-relay").forEach(this::forgetProblem);
            openGpio(next.gpio(), next.recovery());
            if (before.gpio().enabled() || next.gpio().enabled()) {
                reopened.add(LIGHTS);
                reopened.add(SENSORS);
            }
        }
        settings = next;
        if (!reopened.isEmpty()) {
            log.info("devices reopened with new settings: {}", reopened);
        }
        Set<String> done = Collections.unmodifiableSet(reopened);
        for (Consumer<Set<String>> l : changeListeners) {
            try {
                l.accept(done);
            } catch (RuntimeException e) {
                log.warn("a device change listener failed: {}", e.toString());
            }
        }
        return done;
    }

    /**
     * The names of the devices {@link #apply} would close and open again for {@code next}; empty when only
     * {@code required} flags (or the supervisor's timing) differ, which change no driver.
     */
    public Set<String> reopenedBy(DeviceSettings next) {
        DeviceSettings before = settings;
        Set<String> names = new LinkedHashSet<>();
        boolean simulation = before.idCard().simulated() != next.idCard().simulated();
        for (DeviceKind kind : SERIAL) {
            if (simulation || !same(before, kind).equals(same(next, kind))) {
                names.add(kind.deviceName());
            }
        }
        if (!same(before.documentPrinter()).equals(same(next.documentPrinter()))) {
            names.add(DeviceKind.DOCUMENT_PRINTER.deviceName());
        }
        if (gpioChanged(before, next) && (before.gpio().enabled() || next.gpio().enabled())) {
            names.add(LIGHTS);
            names.add(SENSORS);
        }
        return Collections.unmodifiableSet(names);
    }

    /** The settings the devices run with now. */
    public DeviceSettings settings() {
        return settings;
    }

    /**
     * Follows the events of the device called {@code device} (e.g. {@code receipt-printer}) whichever driver runs it: the
     * subscription moves to the new driver when the device is reopened. Events arrive on the device's own thread.
     *
     * @return what ends the subscription
     */
    public Runnable listen(String device, Consumer<DeviceEvent> listener) {
        List<Consumer<DeviceEvent>> list = listeners.computeIfAbsent(device, k -> new CopyOnWriteArrayList<>());
        list.add(listener);
        return () -> list.remove(listener);
    }

    /**
     * Told the names of the devices reopened each time new settings were applied (empty when only {@code required}
     * flags changed), on the thread that applied them, after the new drivers are in place.
     *
     * @return what stops telling it
     */
    public Runnable addChangeListener(Consumer<Set<String>> listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    private void fire(String device, DeviceEvent e) {
        for (Consumer<DeviceEvent> l : listeners.getOrDefault(device, List.of())) {
            try {
                l.accept(e);
            } catch (RuntimeException x) {
                log.warn("a listener of {} failed on {}: {}", device, e.getClass().getSimpleName(), x.toString());
            }
        }
    }

    /** The driver with its events forwarded to whoever follows the device; null stays null. */
    private <T extends org.bianmin.device.Device> T forwarded(String name, T device) {
        if (device != null) {
            Consumer<DeviceEvent> forward = e -> fire(name, e);
            device.addListener(forward);
            forwarding.put(name, () -> device.removeListener(forward));
        }
        return device;
    }

    /** The events of the device's current driver no longer reach its followers. */
    private void unforward(String device) {
        Runnable stop = forwarding.remove(device);
        if (stop != null) {
            stop.run();
        }
    }

    private static void checkSerialSimulation(DeviceSettings s) throws DeviceException {
        boolean allSimulated = s.idCard().simulated() && s.qrScanner().simulated() && s.receiptPrinter().simulated();
        boolean noneSimulated = !s.idCard().simulated() && !s.qrScanner().simulated() && !s.receiptPrinter().simulated();
        if (!allSimulated && !noneSimulated) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "devices: idCard, qrScanner and receiptPrinter must be simulated all"
                    + " three or none; set devices.*.simulated the same for the three serial devices");
        }
    }

    /**
     * Opens the three serial devices. At start ({@code strict}) simulators that cannot start stop the kiosk; later they
     * leave the three devices out of service.
     */
    private void openSerialDevices(DeviceSettings s, boolean strict) throws DeviceException {
        if (s.idCard().simulated()) {
            try {
                simulated = closing(Part.SIMULATORS, SimulatedDevices.start(simulatorOptions(s)));
            } catch (DeviceException e) {
                if (strict) {
                    throw e;
                }
                SERIAL.forEach(k -> outOfService(k.deviceName(), e));
                return;
            }
            reader = forwarded(SimulatedDevices.ID_CARD, simulated.idCardReader());
            scanner = forwarded(SimulatedDevices.QR_SCANNER, simulated.scanner());
            receiptPrinter = forwarded(SimulatedDevices.RECEIPT_PRINTER, simulated.printer());
            return;
        }
        for (DeviceKind kind : SERIAL) {
            openSerialDevice(kind, s);
        }
    }

    private SimulatedDevices.Options simulatorOptions(DeviceSettings s) {
        SimulatedDevices.Options d = SimulatedDevices.Options.defaults();
        SimulatedDevices.Options o = new SimulatedDevices.Options(d.wiring(), d.ptyDir(), output.cardTiming(), s.idCard().baud(),
                s.qrScanner().baud(), protocol(s.qrScanner().protocol().key()), s.receiptPrinter().baud(),
                profile(s.receiptPrinter().width()), d.receipts());
        if (output.receipts().isPresent()) {
            o = o.withReceiptsIn(output.receipts().get());
        }
        return o.withHostLinks(this::traced);
    }

    private void openSerialDevice(DeviceKind kind, DeviceSettings s) {
        switch (kind) {
            case ID_CARD -> reader = tryOpen(Part.ID_CARD, "id-card", () -> {
                Relay r = new Relay();
                SerialLink link = traced("id-card", DeviceLinks.watched("id-card", s.idCard().port().path(),
                        line(s.idCard().baud(), s.idCard().flowControl()), r));
                SamIdCardReader sam = new SamIdCardReader("id-card", link, SamReaderConfig.defaults(),
                        Statistics.load(stateDir.resolve("id-card.statistics")));
                r.target = sam::onLinkEvent;
                return sam;
            });
            case QR_SCANNER -> scanner = tryOpen(Part.QR_SCANNER, "qr-scanner", () -> {
                Relay r = new Relay();
                SerialLink link = traced("qr-scanner", DeviceLinks.watched("qr-scanner", s.qrScanner().port().path(),
                        line(s.qrScanner().baud(), s.qrScanner().flowControl()), r));
                SerialQrScanner q = new SerialQrScanner("qr-scanner", link, ScannerConfig.of(protocol(s.qrScanner().protocol().key())),
                        Statistics.load(stateDir.resolve("qr-scanner.statistics")));
                r.target = q::onLinkEvent;
                return q;
            });
            case RECEIPT_PRINTER -> receiptPrinter = tryOpen(Part.RECEIPT_PRINTER, "receipt-printer", () -> {
                Listeners events = new Listeners();
                SerialLink link = traced("receipt-printer", switch (s.receiptPrinter().port()) {
                    case DevicePort.Serial p -> DeviceLinks.watched("receipt-printer", p.path(),
                            line(s.receiptPrinter().baud(), s.receiptPrinter().flowControl()), events::fire);
                    case DevicePort.Tcp t -> TcpLink.connect(t.host(), t.port(), Duration.ofSeconds(3));
                });
                return new EscPosReceiptPrinter("receipt-printer", link, profile(s.receiptPrinter().width()),
                        EscPosSettings.DEFAULTS.withLineBaud(s.receiptPrinter().baud()), PrintLedger.load(stateDir.resolve("receipt-ledger")),
                        Statistics.load(stateDir.resolve("receipt-printer.statistics")), events);
            });
            case DOCUMENT_PRINTER -> throw new IllegalArgumentException("the A4 printer is no serial device");
        }
    }

    /**
     * Reopens the serial devices whose settings changed; all three when they go from simulated to real or back. Their
     * simulators restart one by one, the others keep running.
     */
    private void reopenSerialDevices(DeviceSettings before, DeviceSettings next, Set<String> reopened) throws DeviceException {
        if (before.idCard().simulated() != next.idCard().simulated()) {
            for (DeviceKind kind : SERIAL) {
                closePart(part(kind), kind.deviceName(), driver(kind));
                forgetProblem(kind.deviceName());
                reopened.add(kind.deviceName());
            }
            closePart(Part.SIMULATORS, null, null);
            simulated = null;
            reader = null;
            scanner = null;
            receiptPrinter = null;
            openSerialDevices(next, false);
            return;
        }
        for (DeviceKind kind : SERIAL) {
            if (same(before, kind).equals(same(next, kind))) {
                continue;
            }
            String name = kind.deviceName();
            reopened.add(name);
            forgetProblem(name);
            if (next.idCard().simulated() && simulated == null) {
                // the simulators could not start before: all three start now
                SERIAL.forEach(k -> forgetProblem(k.deviceName()));
                SERIAL.forEach(k -> reopened.add(k.deviceName()));
                openSerialDevices(next, false);
                return;
            }
            if (next.idCard().simulated()) {
                unforward(name);
                try {
                    simulated.restart(name, simulatorOptions(next));
                } catch (DeviceException e) {
                    outOfService(name, e);
                }
                switch (kind) {
                    case ID_CARD -> reader = forwarded(name, simulated.idCardReader());
                    case QR_SCANNER -> scanner = forwarded(name, simulated.scanner());
                    default -> receiptPrinter = forwarded(name, simulated.printer());
                }
            } else {
                closePart(part(kind), name, driver(kind));
                switch (kind) {
                    case ID_CARD -> reader = null;
                    case QR_SCANNER -> scanner = null;
                    default -> receiptPrinter = null;
                }
                openSerialDevice(kind, next);
            }
        }
    }

    /** A device's settings but for {@code required}, which changes no driver. */
    private static Object same(DeviceSettings s, DeviceKind kind) {
        return switch (kind) {
            case ID_CARD -> new IdCardSettings(s.idCard().port(), s.idCard().baud(), s.idCard().flowControl(), false, s.idCard().simulated());
            case QR_SCANNER -> new QrScannerSettings(s.qrScanner().port(), s.qrScanner().baud(), s.qrScanner().flowControl(),
                    s.qrScanner().protocol(), false, s.qrScanner().simulated());
            case RECEIPT_PRINTER -> new ReceiptPrinterSettings(s.receiptPrinter().port(), s.receiptPrinter().baud(),
                    s.receiptPrinter().flowControl(), s.receiptPrinter().width(), false, s.receiptPrinter().simulated());
            case DOCUMENT_PRINTER -> same(s.documentPrinter());
        };
    }

    private static DocumentPrinterSettings same(DocumentPrinterSettings a4) {
        return new DocumentPrinterSettings(a4.destination(), false, a4.simulated());
    }

    /** The GPIO pins or the relays' timing changed: the lights, sensors and relay are opened again. */
    private static boolean gpioChanged(DeviceSettings before, DeviceSettings next) {
        if (!before.gpio().equals(next.gpio())) {
            return true;
        }
        RecoverySettings b = before.recovery();
        RecoverySettings n = next.recovery();
        boolean relayTiming = !b.powerOff().equals(n.powerOff()) || b.maxPowerCyclesPerHour() != n.maxPowerCyclesPerHour();
        return next.gpio().enabled() && !next.gpio().relays().isEmpty() && relayTiming;
    }

    private static Part part(DeviceKind kind) {
        return switch (kind) {
            case ID_CARD -> Part.ID_CARD;
            case QR_SCANNER -> Part.QR_SCANNER;
            case RECEIPT_PRINTER -> Part.RECEIPT_PRINTER;
            case DOCUMENT_PRINTER -> Part.DOCUMENT_PRINTER;
        };
    }

    private org.bianmin.device.Device driver(DeviceKind kind) {
        return switch (kind) {
            case ID_CARD -> reader;
            case QR_SCANNER -> scanner;
            case RECEIPT_PRINTER -> receiptPrinter;
            case DOCUMENT_PRINTER -> documentPrinter;
        };
    }

    /**
     * Closes what a part opened, last opened first, after the events of its device stop reaching the followers; the
     * device's counters are saved first, so its successor loads them.
     */
    private void closePart(Part part, String device, org.bianmin.device.Device driver) {
        if (device != null) {
            unforward(device);
        }
        if (driver != null) {
            try {
                driver.statistics().save();
            } catch (IOException e) {
                log.warn("{}: statistics could not be saved before it is reopened: {}", device, e.getMessage());
            }
        }
        for (AutoCloseable c : parts.getOrDefault(part, List.of())) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing a device: {}", e.getMessage());
            }
        }
        parts.remove(part);
    }

    private SerialLink traced(String device, SerialLink link) {
        return traces.computeIfAbsent(device, LinkTrace::forDevice).tap(link);
    }

    /** The line settings of a serial device: its baud and its handshake, 8N1. */
    static SerialSettings line(int baud, FlowControl flow) {
        return SerialSettings.of(baud).withFlowControl(SerialSettings.FlowControl.valueOf(flow.name()));
    }

    /** Link events of a cable, forwarded to its driver once the driver exists. */
    private static final class Relay implements Consumer<DeviceEvent> {
        private volatile Consumer<DeviceEvent> target = e -> { };

        @Override
        public void accept(DeviceEvent e) {
            target.accept(e);
        }
    }

    private interface Opener<T extends org.bianmin.device.Device> {
        T create() throws DeviceException, LinkException;
    }

    /** The device opened and enabled; closed when it would not open (to be tried again); null when it cannot be built. */
    private <T extends org.bianmin.device.Device> T tryOpen(Part part, String name, Opener<T> opener) {
        T device;
        try {
            device = forwarded(name, closing(part, opener.create()));
        } catch (DeviceException e) {
            outOfService(name, e);
            return null;
        } catch (RuntimeException e) {
            outOfService(name, new DeviceException(DeviceError.INTERNAL, String.valueOf(e.getMessage()), e));
            return null;
        }
        try {
            device.open();
            device.enable();
        } catch (DeviceException e) {
            outOfService(name, e);
        }
        return device;
    }

    private void outOfService(String name, DeviceException e) {
        problems.put(name, name + ": " + e.getMessage());
        openFailures.put(name, e);
        log.warn("{} is out of service: {}", name, e.technicianLine());
    }

    private void forgetProblem(String name) {
        problems.remove(name);
        openFailures.remove(name);
    }

    /** The A4 printer's driver, not yet opened; it fails only when the spool directory cannot be made or the queue named. */
    private static DocumentPrinter buildDocumentPrinter(DeviceSettings s) throws DeviceException {
        return switch (s.documentPrinter().destination()) {
            case DocumentDestination.Spool spool -> {
                try {
                    yield new SpoolDocumentPrinter("document-printer", spool.directory());
                } catch (IOException e) {
                    throw new DeviceException(DeviceError.BAD_SETTINGS, "document printer spool " + spool.directory() + ": " + e.getMessage(), e);
                }
            }
            case DocumentDestination.CupsQueue queue -> CupsDocumentPrinter.forQueue("document-printer", queue.name());
        };
    }

    private void openDocumentPrinter(DocumentPrinter p) {
        forgetProblem(p.name());
        documentPrinter = forwarded(p.name(), closing(Part.DOCUMENT_PRINTER, p));
        try {
            p.open();
            p.enable();
        } catch (DeviceException e) {
            outOfService(p.name(), e);
        }
    }

    private void openGpio(GpioSettings g, RecoverySettings recovery) {
        if (!g.enabled()) {
            return;
        }
        Context pi4j;
        GpioPins pins;
        try {
            pi4j = g.simulated() ? GpioContexts.mock() : GpioContexts.gpiod(Optional.empty());
            closing(Part.GPIO, pi4j::shutdown);
            Map<String, Integer> relays = new LinkedHashMap<>();
            g.relays().forEach((kind, pin) -> relays.put(kind.deviceName(), pin));
            pins = new GpioPins(g.lights().cardReader(), g.lights().fault(), g.presenceSensor(), g.doorSwitch(), relays,
                    g.relaysActiveLow(), g.lightsActiveLow());
        } catch (RuntimeException e) {
            gpioOutOfService(new DeviceException(DeviceError.GPIO_FAULT, e.getMessage(), e));
            return;
        }
        try {
            GpioScheduler lights = closing(Part.GPIO, GpioScheduler.onOwnThread(LIGHTS));
            GpioScheduler sense = closing(Part.GPIO, GpioScheduler.onOwnThread(SENSORS));
            indicators = forwarded(LIGHTS, closing(Part.GPIO, new Pi4jIndicators(LIGHTS, pi4j, pins, lights, Statistics.inMemory())));
            indicators.open();
            indicators.enable();
            sensors = forwarded(SENSORS, closing(Part.GPIO, new Pi4jSensors(SENSORS, pi4j, pins, SensorSettings.DEFAULTS, sense,
                    Statistics.inMemory())));
            sensors.open();
            sensors.enable();
            if (g.simulated()) {
                mockGpio = new MockGpio(pi4j, pins);
            }
        } catch (DeviceException e) {
            gpioOutOfService(e);
        } catch (RuntimeException e) {
            gpioOutOfService(new DeviceException(DeviceError.GPIO_FAULT, e.getMessage(), e));
        }
        if (!pins.relays().isEmpty()) {
            openPowerRelay(pi4j, pins, g.simulated(), recovery);
        }
    }

    private void gpioOutOfService(DeviceException e) {
        problems.put("gpio", "gpio: " + e.getMessage());
        openFailures.put(LIGHTS, e);
        openFailures.put(SENSORS, e);
        log.warn("GPIO is out of service: {}", e.technicianLine());
        indicators = null;
        sensors = null;
    }

    /**
     * The relays of {@code gpio.relays}, timed by {@code devices.recovery}. With simulated GPIO, each relay switches
     * the power of the simulator it names.
     */
    private void openPowerRelay(Context pi4j, GpioPins pins, boolean simulatedPins, RecoverySettings recovery) {
        // a real device on USB needs a moment after power returns before its port is back; a simulator none
        Duration settle = simulatedPins ? Duration.ZERO : USB_SETTLE;
        RelaySettings timing = new RelaySettings(recovery.powerOff(), settle, recovery.maxPowerCyclesPerHour(), Duration.ofHours(1));
        try {
            GpioScheduler relayThread = closing(Part.GPIO, GpioScheduler.onOwnThread("power-relay"));
            Pi4jPowerRelay relay = closing(Part.GPIO, new Pi4jPowerRelay("power-relay", pi4j, pins, timing, relayThread,
                    Statistics.inMemory()));
            relay.open();
            relay.enable();
            powerRelay = relay;
        } catch (DeviceException | RuntimeException e) {
            problems.put("power-relay", "power-relay: " + e.getMessage());
            log.warn("the power relay is out of service; hung devices are reopened only: {}", e.getMessage());
            return;
        }
        if (simulatedPins) {
            MockGpio hand = new MockGpio(pi4j, pins);
            for (String device : pins.relays().keySet()) {
                hand.onPowerChange(device, powered -> simulatedPower(device, powered));
            }
        }
    }

    /** A relay on the mock pins switched: the simulator behind it loses or regains power. */
    private void simulatedPower(String device, boolean powered) {
        SimulatedDevices sims = simulated;
        if (sims != null && SIMULATED_SERIAL.contains(device)) {
            if (!runs(sims, device)) {
                return;
            }
            if (powered) {
                sims.powerOn(device);
            } else {
                sims.powerOff(device);
            }
        } else if (documentPrinter instanceof SpoolDocumentPrinter spool && spool.name().equals(device)) {
            if (powered) {
                spool.online();
            } else {
                spool.offline();
            }
        }
    }

    private static PrinterProfile profile(PaperWidth w) {
        return w.millimetres() == 58 ? PrinterProfile.MM58 : PrinterProfile.MM80;
    }

    private static TriggerProtocol protocol(String key) {
        return TriggerProtocol.valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the simulator of {@code device} runs: one that could not restart has none. */
    private static boolean runs(SimulatedDevices sims, String device) {
        return switch (device) {
            case SimulatedDevices.ID_CARD -> sims.idCardSimulator() != null;
            case SimulatedDevices.QR_SCANNER -> sims.scannerSimulator() != null;
            default -> sims.printerSimulator() != null;
        };
    }

    private <T extends AutoCloseable> T closing(Part part, T t) {
        parts.computeIfAbsent(part, k -> new ArrayList<>()).add(0, t);
        return t;
    }

    public Optional<IdCardReader> reader() {
        return Optional.ofNullable(reader);
    }

    public Optional<QrScanner> scanner() {
        return Optional.ofNullable(scanner);
    }

    public Optional<ReceiptPrinter> receiptPrinter() {
        return Optional.ofNullable(receiptPrinter);
    }

    public DocumentPrinter documentPrinter() {
        return documentPrinter;
    }

    public Optional<Indicators> indicators() {
        return Optional.ofNullable(indicators);
    }

    public Optional<Sensors> sensors() {
        return Optional.ofNullable(sensors);
    }

    /** The power relay when {@code devices.gpio.relays} wires any and it opened. */
    public Optional<PowerRelay> powerRelay() {
        return Optional.ofNullable(powerRelay);
    }

    /**
     * Every device the config names, for the {@link DeviceSupervisor}: the serial devices and the A4 printer with
     * their {@code required} flag and the printers' paper, the lights and sensors when GPIO is enabled. A device
     * whose driver could not be built is listed with the reason.
     */
    public List<DeviceSupervisor.Watched> watched() {
        DeviceSettings settings = this.settings;
        List<DeviceSupervisor.Watched> all = new ArrayList<>();
        all.add(watched(DeviceKind.ID_CARD.deviceName(), reader, settings.required(DeviceKind.ID_CARD)));
        all.add(watched(DeviceKind.QR_SCANNER.deviceName(), scanner, settings.required(DeviceKind.QR_SCANNER)));
        DeviceSupervisor.Watched receipts = watched(DeviceKind.RECEIPT_PRINTER.deviceName(), receiptPrinter,
                settings.required(DeviceKind.RECEIPT_PRINTER));
        if (receiptPrinter instanceof EscPosReceiptPrinter escPos) {
            receipts = receipts.withPaper(() -> escPos.lastStatus().map(st -> st.paperOut() ? DeviceHealth.Paper.OUT
                    : st.paperNearEnd() ? DeviceHealth.Paper.LOW : DeviceHealth.Paper.OK));
        }
        all.add(receipts);
        DeviceSupervisor.Watched a4 = watched(DeviceKind.DOCUMENT_PRINTER.deviceName(), documentPrinter,
                settings.required(DeviceKind.DOCUMENT_PRINTER));
        Optional<CupsDocumentPrinter> cups = documentPrinter instanceof SpoolDocumentPrinter spool ? Optional.of(spool.driver())
                : documentPrinter instanceof CupsDocumentPrinter c ? Optional.of(c) : Optional.empty();
        if (cups.isPresent()) {
            CupsDocumentPrinter c = cups.get();
            a4 = a4.withPaper(() -> c.lastStatus().map(st -> st.paperOut() ? DeviceHealth.Paper.OUT
                    : st.paperLow() ? DeviceHealth.Paper.LOW : DeviceHealth.Paper.OK));
        }
        all.add(a4);
        if (settings.gpio().enabled()) {
            all.add(watched(LIGHTS, indicators, false));
            all.add(watched(SENSORS, sensors, false));
        }
        return List.copyOf(all);
    }

    private DeviceSupervisor.Watched watched(String name, org.bianmin.device.Device device, boolean required) {
        if (device != null) {
            return DeviceSupervisor.Watched.device(name, device, required);
        }
        DeviceException why = openFailures.getOrDefault(name, new DeviceException(DeviceError.BAD_SETTINGS, name + " was not opened"));
        return DeviceSupervisor.Watched.missing(name, required, why);
    }

    /** The simulators' hooks when the serial devices are simulated (place a card, scan a code, paper out). */
    public Optional<SimulatedDevices> simulators() {
        return Optional.ofNullable(simulated);
    }

    /** The A4 simulator's hooks when documents are spooled into a directory. */
    public Optional<SpoolDocumentPrinter> documentSimulator() {
        return documentPrinter instanceof SpoolDocumentPrinter s ? Optional.of(s) : Optional.empty();
    }

    /** A hand on the mock GPIO platform (someone walks up, the door opens) when GPIO is simulated. */
    public Optional<MockGpio> gpioSimulator() {
        return Optional.ofNullable(mockGpio);
    }

    /** The hex trace of a serial device's link ("id-card", "qr-scanner", "receipt-printer"), personal data withheld. */
    public Optional<LinkTrace> trace(String device) {
        return Optional.ofNullable(traces.get(device));
    }

    /** Why devices were left out, one line each; empty when all opened. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems.values());
        }
    }

    /** Closes every device, the GPIO first and the serial simulators last. */
    @Override
    public synchronized void close() {
        List<Part> order = new ArrayList<>(List.of(Part.values()));
        Collections.reverse(order);
        for (Part part : order) {
            closePart(part, null, null);
        }
    }
}
