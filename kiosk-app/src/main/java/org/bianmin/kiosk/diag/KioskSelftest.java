package org.bianmin.kiosk.diag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bianmin.config.DeviceKind;
import org.bianmin.config.DeviceSettings;
import org.bianmin.config.DocumentDestination;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.PaperWidth;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.scanner.TriggerProtocol;
import org.bianmin.device.sim.SimulatedDevices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every device a kiosk config names, where it names it: the three serial devices on their ports
 * (or their simulators), the A4 printer's CUPS queue or spool directory, and the GPIO pins when enabled.
 * Devices on different ports are checked at the same time; the results come back in the config's order.
 */
public final class KioskSelftest {
    private static final Logger log = LoggerFactory.getLogger(KioskSelftest.class);

    private KioskSelftest() {}

    /** Runs every check and returns one result per device: id-card, qr-scanner, receipt-printer, document-printer, gpio. */
    public static List<CheckResult> run(KioskConfig config) {
        DeviceSettings d = config.devices();
        boolean allSimulated = d.idCard().simulated() && d.qrScanner().simulated() && d.receiptPrinter().simulated();
        SimulatedDevices simulators = null;
        Optional<Finding> simulatorProblem = Optional.empty();
        String simulatorDetail = "";
        if (allSimulated) {
            try {
                simulators = SimulatedDevices.start(simulatorOptions(d));
            } catch (DeviceException e) {
                simulatorProblem = Optional.of(Finding.of(e.error()));
                simulatorDetail = e.getMessage();
            }
        } else if (d.idCard().simulated() || d.qrScanner().simulated() || d.receiptPrinter().simulated()) {
            simulatorProblem = Optional.of(Finding.of(DeviceError.BAD_SETTINGS)
                    .cause("三个串口设备有的模拟、有的真实：自助机不支持这样运行",
                            "the config simulates some serial devices but not all: the kiosk runs them all simulated or none")
                    .remedy("把 devices.idCard、devices.qrScanner、devices.receiptPrinter 的 simulated 设成一样",
                            "set simulated the same for devices.idCard, devices.qrScanner and devices.receiptPrinter"));
            simulatorDetail = "simulated: true here, not on every serial device";
        }
        try {
            return runAll(checks(d, simulators, simulatorProblem, simulatorDetail));
        } finally {
            if (simulators != null) {
                simulators.close();
            }
        }
    }

    private static List<DeviceCheck> checks(DeviceSettings d, SimulatedDevices sims, Optional<Finding> simProblem, String simDetail) {
        Map<Handshake, String> real = new EnumMap<>(Handshake.class);
        if (!d.idCard().simulated()) {
            real.put(Handshake.SAM_V, d.idCard().port().spec());
        }
        if (!d.qrScanner().simulated()) {
            real.put(Handshake.SCANNER, d.qrScanner().port().spec());
        }
        if (!d.receiptPrinter().simulated()) {
            real.put(Handshake.ESC_POS, d.receiptPrinter().port().spec());
        }
        List<DeviceCheck> checks = new ArrayList<>();
        String idCard = DeviceKind.ID_CARD.deviceName();
        String scanner = DeviceKind.QR_SCANNER.deviceName();
        String printer = DeviceKind.RECEIPT_PRINTER.deviceName();
        if (!d.idCard().simulated()) {
            checks.add(new SerialDeviceCheck(idCard, key(DeviceKind.ID_CARD), d.idCard().port().spec(), d.idCard().baud(),
                    Handshake.SAM_V, Optional.empty(), d.idCard().required(), real));
        } else {
            checks.add(sims != null ? new SimulatorCheck(idCard, sims.idCardReader(), d.idCard().required())
                    : SimulatorCheck.failing(idCard, d.idCard().required(), simProblem.orElseThrow(), simDetail));
        }
        if (!d.qrScanner().simulated()) {
            checks.add(new SerialDeviceCheck(scanner, key(DeviceKind.QR_SCANNER), d.qrScanner().port().spec(), d.qrScanner().baud(),
                    Handshake.SCANNER, Optional.of(protocol(d)), d.qrScanner().required(), real));
        } else {
            checks.add(sims != null ? new SimulatorCheck(scanner, sims.scanner(), d.qrScanner().required())
                    : SimulatorCheck.failing(scanner, d.qrScanner().required(), simProblem.orElseThrow(), simDetail));
        }
        if (!d.receiptPrinter().simulated()) {
            checks.add(new SerialDeviceCheck(printer, key(DeviceKind.RECEIPT_PRINTER), d.receiptPrinter().port().spec(),
                    d.receiptPrinter().baud(), Handshake.ESC_POS, Optional.empty(), d.receiptPrinter().required(), real));
        } else {
            checks.add(sims != null ? new SimulatorCheck(printer, sims.printer(), d.receiptPrinter().required())
                    : SimulatorCheck.failing(printer, d.receiptPrinter().required(), simProblem.orElseThrow(), simDetail));
        }
        String a4 = DeviceKind.DOCUMENT_PRINTER.deviceName();
        checks.add(switch (d.documentPrinter().destination()) {
            case DocumentDestination.CupsQueue q -> new CupsQueueCheck(a4, q.name(), d.documentPrinter().required());
            case DocumentDestination.Spool s -> new SpoolCheck(a4, s.directory(), d.documentPrinter().required());
        });
        checks.add(new GpioCheck(d.gpio()));
        return checks;
    }

    /** Checks on different ports run at once; checks that share a port (a config mistake) run one after the other. */
    private static List<CheckResult> runAll(List<DeviceCheck> checks) {
        Map<String, List<DeviceCheck>> byPort = new LinkedHashMap<>();
        for (DeviceCheck c : checks) {
            String where = c.simulated() ? "simulator:" + c.device() : c.port();
            byPort.computeIfAbsent(where, k -> new ArrayList<>()).add(c);
        }
        Map<DeviceCheck, CheckResult> results = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<CheckResult>>> running = new ArrayList<>();
            for (List<DeviceCheck> group : byPort.values()) {
                running.add(pool.submit(() -> group.stream().map(KioskSelftest::timed).toList()));
            }
            List<List<DeviceCheck>> groups = new ArrayList<>(byPort.values());
            for (int i = 0; i < running.size(); i++) {
                List<CheckResult> done = await(running.get(i));
                for (int j = 0; j < done.size(); j++) {
                    results.put(groups.get(i).get(j), done.get(j));
                }
            }
        }
        return checks.stream().map(results::get).toList();
    }

    private static List<CheckResult> await(Future<List<CheckResult>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the self-test was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a check broke: " + e.getCause(), e.getCause());
        }
    }

    /** Runs one check, timing it; an unexpected exception becomes a FAIL with INTERNAL, its trace in the log only. */
    static CheckResult timed(DeviceCheck c) {
        long t0 = System.nanoTime();
        Verdict v;
        try {
            v = c.check();
        } catch (RuntimeException | LinkageError e) {
            log.error("self-test of {} broke", c.device(), e);
            v = Verdict.fail(Finding.of(DeviceError.INTERNAL), "unexpected " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
        CheckResult r = new CheckResult(c.device(), c.port(), v.outcome(), c.required(), c.simulated(),
                Duration.ofNanos(System.nanoTime() - t0), v.detail(), v.finding());
        log.info("self-test {} {} {}: {}{}", r.device(), r.port(), r.outcome(), r.detail(),
                r.finding().map(f -> " [" + f.error().code() + " " + f.cause().en() + "]").orElse(""));
        return r;
    }

    private static String key(DeviceKind kind) {
        return "devices." + kind.key();
    }

    private static TriggerProtocol protocol(DeviceSettings d) {
        return TriggerProtocol.valueOf(d.qrScanner().protocol().key().toUpperCase(Locale.ROOT));
    }

    /** The simulators as the kiosk starts them for this config, with the card timing of a quick test. */
    private static SimulatedDevices.Options simulatorOptions(DeviceSettings d) {
        SimulatedDevices.Options o = SimulatedDevices.Options.defaults();
        return new SimulatedDevices.Options(o.wiring(), o.ptyDir(), IdCardSimulator.Timing.FAST, d.idCard().baud(), d.qrScanner().baud(),
                protocol(d), d.receiptPrinter().baud(), d.receiptPrinter().width() == PaperWidth.MM58 ? PrinterProfile.MM58 : PrinterProfile.MM80,
                Optional.empty());
    }
}
