package org.bianmin.kiosk.devices;

import com.pi4j.context.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bianmin.config.DeviceKind;
import org.bianmin.config.DevicePort;
import org.bianmin.config.DeviceSettings;
import org.bianmin.config.DocumentDestination;
import org.bianmin.config.FlowControl;
import org.bianmin.config.GpioSettings;
import org.bianmin.config.PaperWidth;
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
 * The kiosk's devices as its config describes them, opened and enabled: the serial ID card reader, QR
 * scanner and receipt printer (real, or all three simulated on the other end of in-memory cables, paced
 * at the configured baud rates), the A4 printer (a CUPS queue, or a simulator printing into a
 * directory), the GPIO lights and sensors (real pins or Pi4J's mock platform) and the power relay when
 * relays are wired. With simulated GPIO, the relays switch the simulators' power. Ledgers and statistics
 * of real devices persist under the kiosk's state directory. A device that cannot be opened stays closed
 * with a logged reason (the {@link DeviceSupervisor} tries it again), or is left out when its driver cannot
 * even be built, so the services that need it are greyed out rather than the kiosk failing to start.
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
    private static final Set<String> SIMULATED_SERIAL = Set.of(SimulatedDevices.ID_CARD, SimulatedDevices.QR_SCANNER,
            SimulatedDevices.RECEIPT_PRINTER);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, DeviceException> openFailures = new LinkedHashMap<>();
    private DeviceSettings settings;
    /** The hex trace of each serial device's link, by device name, personal data withheld as it is recorded. */
    private final Map<String, LinkTrace> traces = new ConcurrentHashMap<>();
    private SimulatedDevices simulated;
    private IdCardReader reader;
    private QrScanner scanner;
    private ReceiptPrinter receiptPrinter;
    private DocumentPrinter documentPrinter;
    private Pi4jIndicators indicators;
    private Pi4jSensors sensors;
    private MockGpio mockGpio;
    private Pi4jPowerRelay powerRelay;

    private KioskDevices() {}

    /**
     * Opens every device the settings name. Fails only when the A4 printer, without which no service
     * can be given, cannot even be constructed; the other devices' failures are in {@link #problems()}.
     */
    public static KioskDevices open(DeviceSettings settings, Path stateDir, SimulationOutput output) throws DeviceException {
        KioskDevices d = new KioskDevices();
        d.settings = settings;
        try {
            Files.createDirectories(stateDir);
            d.openSerialDevices(settings, stateDir, output);
            d.openDocumentPrinter(settings, stateDir);
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

    private void openSerialDevices(DeviceSettings s, Path stateDir, SimulationOutput output) throws DeviceException {
        boolean allSimulated = s.idCard().simulated() && s.qrScanner().simulated() && s.receiptPrinter().simulated();
        boolean noneSimulated = !s.idCard().simulated() && !s.qrScanner().simulated() && !s.receiptPrinter().simulated();
        if (!allSimulated && !noneSimulated) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, "devices: idCard, qrScanner and receiptPrinter must be simulated all"
                    + " three or none; set devices.*.simulated the same for the three serial devices");
        }
        if (allSimulated) {
            SimulatedDevices.Options d = SimulatedDevices.Options.defaults();
            SimulatedDevices.Options o = new SimulatedDevices.Options(d.wiring(), d.ptyDir(), output.cardTiming(), s.idCard().baud(),
                    s.qrScanner().baud(), protocol(s.qrScanner().protocol().key()), s.receiptPrinter().baud(),
                    profile(s.receiptPrinter().width()), d.receipts());
            if (output.receipts().isPresent()) {
                o = o.withReceiptsIn(output.receipts().get());
            }
            o = o.withHostLinks(this::traced);
            simulated = closing(SimulatedDevices.start(o));
            reader = simulated.idCardReader();
            scanner = simulated.scanner();
            receiptPrinter = simulated.printer();
            return;
        }
        reader = tryOpen("id-card", () -> {
            Relay r = new Relay();
            SerialLink link = traced("id-card", DeviceLinks.watched("id-card", s.idCard().port().path(),
                    line(s.idCard().baud(), s.idCard().flowControl()), r));
            SamIdCardReader sam = new SamIdCardReader("id-card", link, SamReaderConfig.defaults(),
                    Statistics.load(stateDir.resolve("id-card.statistics")));
            r.target = sam::onLinkEvent;
            return sam;
        });
        scanner = tryOpen("qr-scanner", () -> {
            Relay r = new Relay();
            SerialLink link = traced("qr-scanner", DeviceLinks.watched("qr-scanner", s.qrScanner().port().path(),
                    line(s.qrScanner().baud(), s.qrScanner().flowControl()), r));
            SerialQrScanner q = new SerialQrScanner("qr-scanner", link, ScannerConfig.of(protocol(s.qrScanner().protocol().key())),
                    Statistics.load(stateDir.resolve("qr-scanner.statistics")));
            r.target = q::onLinkEvent;
            return q;
        });
        receiptPrinter = tryOpen("receipt-printer", () -> {
            Listeners listeners = new Listeners();
            SerialLink link = traced("receipt-printer", switch (s.receiptPrinter().port()) {
                case DevicePort.Serial p -> DeviceLinks.watched("receipt-printer", p.path(), line(s.receiptPrinter().baud(), s.receiptPrinter().flowControl()),
                        listeners::fire);
                case DevicePort.Tcp t -> TcpLink.connect(t.host(), t.port(), Duration.ofSeconds(3));
            });
            return new EscPosReceiptPrinter("receipt-printer", link, profile(s.receiptPrinter().width()),
                    EscPosSettings.DEFAULTS.withLineBaud(s.receiptPrinter().baud()), PrintLedger.load(stateDir.resolve("receipt-ledger")),
                    Statistics.load(stateDir.resolve("receipt-printer.statistics")), listeners);
        });
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
    private <T extends org.bianmin.device.Device> T tryOpen(String name, Opener<T> opener) {
        T device;
        try {
            device = closing(opener.create());
        } catch (DeviceException e) {
            outOfService(name, e);
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
        problems.add(name + ": " + e.getMessage());
        openFailures.put(name, e);
        log.warn("{} is out of service: {}", name, e.technicianLine());
    }

    private void openDocumentPrinter(DeviceSettings s, Path stateDir) throws DeviceException {
        DocumentPrinter p = switch (s.documentPrinter().destination()) {
            case DocumentDestination.Spool spool -> {
                try {
                    yield new SpoolDocumentPrinter("document-printer", spool.directory());
                } catch (IOException e) {
                    throw new DeviceException(DeviceError.BAD_SETTINGS, "document printer spool " + spool.directory() + ": " + e.getMessage(), e);
                }
            }
            case DocumentDestination.CupsQueue queue -> CupsDocumentPrinter.forQueue("document-printer", queue.name());
        };
        documentPrinter = closing(p);
        try {
            p.open();
            p.enable();
        } catch (DeviceException e) {
            outOfService("document-printer", e);
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
            toClose.add(0, pi4j::shutdown);
            Map<String, Integer> relays = new LinkedHashMap<>();
            g.relays().forEach((kind, pin) -> relays.put(kind.deviceName(), pin));
            pins = new GpioPins(g.lights().cardReader(), g.lights().fault(), g.presenceSensor(), g.doorSwitch(), relays,
                    g.relaysActiveLow(), g.lightsActiveLow());
        } catch (RuntimeException e) {
            gpioOutOfService(new DeviceException(DeviceError.GPIO_FAULT, e.getMessage(), e));
            return;
        }
        try {
            GpioScheduler lights = closing(GpioScheduler.onOwnThread("lights"));
            GpioScheduler sense = closing(GpioScheduler.onOwnThread("sensors"));
            indicators = closing(new Pi4jIndicators("lights", pi4j, pins, lights, Statistics.inMemory()));
            indicators.open();
            indicators.enable();
            sensors = closing(new Pi4jSensors("sensors", pi4j, pins, SensorSettings.DEFAULTS, sense, Statistics.inMemory()));
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
        problems.add("gpio: " + e.getMessage());
        openFailures.put("lights", e);
        openFailures.put("sensors", e);
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
            GpioScheduler relayThread = closing(GpioScheduler.onOwnThread("power-relay"));
            Pi4jPowerRelay relay = closing(new Pi4jPowerRelay("power-relay", pi4j, pins, timing, relayThread, Statistics.inMemory()));
            relay.open();
            relay.enable();
            powerRelay = relay;
        } catch (DeviceException | RuntimeException e) {
            problems.add("power-relay: " + e.getMessage());
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
        if (simulated != null && SIMULATED_SERIAL.contains(device)) {
            if (powered) {
                simulated.powerOn(device);
            } else {
                simulated.powerOff(device);
            }
        } else if (documentPrinter instanceof SpoolDocumentPrinter spool && documentPrinter.name().equals(device)) {
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

    private <T extends AutoCloseable> T closing(T t) {
        toClose.add(0, t);
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
            all.add(watched("lights", indicators, false));
            all.add(watched("sensors", sensors, false));
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
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing a device: {}", e.getMessage());
            }
        }
        toClose.clear();
    }
}
