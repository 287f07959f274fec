package org.bianmin.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskToken;
import org.bianmin.config.SessionTimeouts;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.kiosk.backend.HttpKioskBackend;
import org.bianmin.kiosk.backend.RetryPolicy;
import org.bianmin.kiosk.devices.DeviceBridge;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.document.PdfBoxPreviewRenderer;
import org.bianmin.kiosk.document.PdfSignatureVerifier;
import org.bianmin.kiosk.document.TrustAnchorException;
import org.bianmin.kiosk.maintenance.DiagnosticBundle;
import org.bianmin.kiosk.maintenance.KioskDevicesMaintenance;
import org.bianmin.kiosk.maintenance.KioskLog;
import org.bianmin.kiosk.maintenance.MaintenanceAudit;
import org.bianmin.kiosk.maintenance.MaintenanceMode;
import org.bianmin.kiosk.maintenance.MountedVolumes;
import org.bianmin.kiosk.maintenance.PinLock;
import org.bianmin.kiosk.maintenance.VersionInfo;
import org.bianmin.kiosk.print.LedgerPrinting;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.ScheduledVisitTimer;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.Timeouts;
import org.bianmin.kiosk.visit.VisitMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's composition root: config → devices → backend client → document check, printing →
 * the visit machine → the bridge from devices to visits → maintenance mode. Screens attach to {@link #machine()}; this
 * class knows no JavaFX.
 */
public final class KioskApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KioskApp.class);

    /**
     * @param stateDir where the kiosk keeps what must survive a restart: print ledgers, device statistics,
     *     the outbox of reports not yet delivered (no personal data in any of them)
     * @param receipts where simulated receipt printers draw what they print, if anywhere
     * @param simulatedCardTiming the RF delays of a simulated ID card reader: realistic, or near zero for a
     *     benchmark that measures the software alone
     */
    public record Options(Path stateDir, Optional<Path> receipts, Clock clock, IdCardSimulator.Timing simulatedCardTiming) {
        public Options(Path stateDir, Optional<Path> receipts, Clock clock) {
            this(stateDir, receipts, clock, IdCardSimulator.Timing.REALISTIC);
        }

        public static Options in(Path stateDir) {
            return new Options(stateDir, Optional.empty(), Clock.systemDefaultZone());
        }

        public Options withReceiptsIn(Path dir) {
            return new Options(stateDir, Optional.of(dir), clock, simulatedCardTiming);
        }

        public Options withSimulatedCardTiming(IdCardSimulator.Timing timing) {
            return new Options(stateDir, receipts, clock, timing);
        }
    }

    private final KioskConfig config;
    private final KioskDevices devices;
    private final HttpKioskBackend backend;
    private final LedgerPrinting printing;
    private final ScheduledExecutorService machineThread;
    private final ExecutorService worker;
    private final VisitMachine machine;
    private final DeviceBridge bridge;
    private final Maintenance maintenance;

    /** Maintenance mode with its thread, its worker and its view of the devices. */
    private record Maintenance(MaintenanceMode mode, KioskDevicesMaintenance devices, ScheduledExecutorService thread,
                               ExecutorService worker) {}

    private KioskApp(KioskConfig config, KioskDevices devices, HttpKioskBackend backend, LedgerPrinting printing,
                     ScheduledExecutorService machineThread, ExecutorService worker, VisitMachine machine, DeviceBridge bridge,
                     Maintenance maintenance) {
        this.config = config;
        this.devices = devices;
        this.backend = backend;
        this.printing = printing;
        this.machineThread = machineThread;
        this.worker = worker;
        this.machine = machine;
        this.bridge = bridge;
        this.maintenance = maintenance;
    }

    /**
     * Builds and starts everything the config names.
     *
     * @throws KioskStartException with a one-line reason and what to do, when the kiosk cannot serve at all
     */
    public static KioskApp start(KioskConfig config, KioskToken token, Options options) throws KioskStartException {
        PdfSignatureVerifier verifier;
        if (config.trustAnchors().isEmpty()) {
            throw new KioskStartException("trustAnchors is empty: the kiosk could not check any document's signature; add the"
                    + " backend's signing certificate (signing-certificate.pem in its data directory) to trustAnchors");
        }
        try {
            verifier = PdfSignatureVerifier.fromPemFiles(config.trustAnchors());
        } catch (TrustAnchorException e) {
            throw new KioskStartException("trustAnchors: " + e.getMessage());
        }
        KioskDevices devices;
        try {
            devices = KioskDevices.open(config.devices(), options.stateDir().resolve("devices"),
                    new KioskDevices.SimulationOutput(options.receipts(), options.simulatedCardTiming()));
        } catch (DeviceException e) {
            throw new KioskStartException("devices: " + e.getMessage());
        }
        devices.problems().forEach(p -> log.warn("out of service: {}", p));
        ScheduledExecutorService machineThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "visit");
            t.setDaemon(true);
            return t;
        });
        ExecutorService worker = Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, "documents");
            t.setDaemon(true);
            return t;
        });
        HttpKioskBackend backend = HttpKioskBackend.builder()
                .baseUri(config.backend().url())
                .kioskId(config.identity().kioskId())
                .kioskToken(token.value())
                .outboxDirectory(options.stateDir().resolve("outbox"))
                .connectTimeout(config.backend().connectTimeout())
                .requestTimeout(config.backend().requestTimeout())
                .retryPolicy(config.backend().retries() <= 0 ? RetryPolicy.none()
                        : new RetryPolicy(config.backend().retries() + 1, RetryPolicy.DEFAULT.baseBackoff(), RetryPolicy.DEFAULT.maxBackoff()))
                .build();
        String kioskName = config.identity().displayName().zh();
        LedgerPrinting printing = new LedgerPrinting(devices.documentPrinter(), devices.receiptPrinter().orElse(null), backend,
                kioskName, options.clock());
        VisitMachine machine = new VisitMachine(
                new VisitMachine.Ports(backend, verifier, new PdfBoxPreviewRenderer(), printing,
                        () -> UUID.randomUUID().toString().replace("-", "")),
                settings(config), machineThread, worker, new ScheduledVisitTimer(machineThread, options.clock()));
        DeviceBridge bridge = new DeviceBridge(machine, devices.reader(), devices.scanner(), devices.receiptPrinter(),
                devices.documentPrinter(), devices.sensors(), devices.indicators());
        Maintenance maintenance = maintenance(config, options, devices, backend, machine);
        machine.start();
        bridge.start();
        maintenance.mode().start();
        backend.startHealthCheck(Duration.ofSeconds(10));
        log.info("kiosk {} started: backend {}, {} device problem(s)", config.identity().kioskId(), config.backend().url(),
                devices.problems().size());
        return new KioskApp(config, devices, backend, printing, machineThread, worker, machine, bridge, maintenance);
    }

    private static Maintenance maintenance(KioskConfig config, Options options, KioskDevices devices, HttpKioskBackend backend,
                                           VisitMachine machine) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maintenance");
            t.setDaemon(true);
            return t;
        });
        ExecutorService worker = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("maintenance-work-", 0).factory());
        KioskDevicesMaintenance view = new KioskDevicesMaintenance(devices, config.devices(), worker, options.clock());
        VersionInfo versions = VersionInfo.of(KioskVersion.current(), config.version(), config.identity().kioskId());
        KioskLog kioskLog = KioskLog.ofThisProcess();
        PinLock lock = PinLock.open(options.stateDir(), config.maintenance().lockoutAttempts(), config.maintenance().lockout(),
                options.clock().instant());
        MaintenanceMode mode = new MaintenanceMode(new MaintenanceMode.Ports(machine, backend, view, lock,
                new DiagnosticBundle(config, view, kioskLog, versions, options.clock()), MountedVolumes.ofThisMachine(), kioskLog, versions,
                new MaintenanceAudit()), MaintenanceMode.Settings.of(config.maintenance()), thread, worker,
                new ScheduledVisitTimer(thread, options.clock()));
        return new Maintenance(mode, view, thread, worker);
    }

    /** The visit machine's settings from the config. */
    public static VisitMachine.Settings settings(KioskConfig config) {
        SessionTimeouts t = config.session().timeouts();
        Map<Step, Duration> m = new EnumMap<>(Step.class);
        m.put(Step.HOME, t.home());
        m.put(Step.IDENTIFY, t.identify());
        m.put(Step.SERVICE_GUIDE, t.guide());
        m.put(Step.FETCH, t.fetchWatchdog());
        m.put(Step.PREVIEW, t.preview());
        m.put(Step.PRINT, t.printWatchdog());
        m.put(Step.DONE, t.done());
        m.put(Step.EVALUATE, t.evaluate());
        m.put(Step.PROBLEM, t.problem());
        Language language = "en".equals(config.languages().defaultLanguage()) ? Language.EN : Language.ZH_CN;
        return new VisitMachine.Settings(new Timeouts(m, config.session().elderFactor(), config.session().countdownWarning()),
                language, config.services(), VisitMachine.Settings.defaults().previewDpi());
    }

    public KioskConfig config() {
        return config;
    }

    public VisitMachine machine() {
        return machine;
    }

    public KioskDevices devices() {
        return devices;
    }

    public HttpKioskBackend backend() {
        return backend;
    }

    /** The technician's maintenance mode; {@link MaintenanceMode#maintenanceActive()} tells whether a technician is in. */
    public MaintenanceMode maintenance() {
        return maintenance.mode();
    }

    /** Ends any visit, then closes the bridge, the machine, printing, the backend client and the devices. */
    @Override
    public void close() {
        maintenance.mode().close();
        maintenance.thread().shutdown();
        try {
            maintenance.thread().awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        maintenance.worker().shutdownNow();
        maintenance.devices().close();
        machine.close();
        bridge.close();
        machineThread.shutdown();
        try {
            machineThread.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        printing.close();
        backend.close();
        devices.close();
    }
}
