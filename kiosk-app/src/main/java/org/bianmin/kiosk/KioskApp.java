package org.bianmin.kiosk;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskToken;
import org.bianmin.config.SessionTimeouts;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.kiosk.backend.BackendTrust;
import org.bianmin.kiosk.backend.Heartbeat;
import org.bianmin.kiosk.backend.HttpKioskBackend;
import org.bianmin.kiosk.backend.RetryPolicy;
import org.bianmin.kiosk.devices.DeviceBridge;
import org.bianmin.kiosk.devices.DeviceHealth;
import org.bianmin.kiosk.devices.DeviceSupervisor;
import org.bianmin.kiosk.devices.HeartbeatSender;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.document.PdfBoxPreviewRenderer;
import org.bianmin.kiosk.document.PdfSignatureVerifier;
import org.bianmin.kiosk.document.TrustAnchorException;
import org.bianmin.kiosk.fleet.ConfigApplier;
import org.bianmin.kiosk.fleet.ConfigStore;
import org.bianmin.kiosk.fleet.FleetClient;
import org.bianmin.kiosk.fleet.HealthCheck;
import org.bianmin.kiosk.fleet.LiveConfig;
import org.bianmin.kiosk.fleet.Provisioning;
import org.bianmin.kiosk.fleet.SignedLayers;
import org.bianmin.kiosk.fleet.StartupConfig;
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
 * The kiosk's composition root: config → devices and their supervisor → backend client → document check,
 * printing → the visit machine → the bridge from devices to visits → the heartbeat → maintenance mode → the fleet
 * client that follows pushed configuration. Screens attach to {@link #machine()}, the maintenance screens to
 * {@link #maintenance()}; this class knows no JavaFX.
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

    /** The configuration the kiosk runs now; a pushed one replaces it once applied. */
    private final AtomicReference<KioskConfig> config;
    private final KioskDevices devices;
    private final HttpKioskBackend backend;
    private final LedgerPrinting printing;
    private final ScheduledExecutorService machineThread;
    private final ExecutorService worker;
    private final VisitMachine machine;
    private final DeviceBridge bridge;
    private final DeviceSupervisor supervisor;
    private final HeartbeatSender heartbeat;
    private final Maintenance maintenance;
    private volatile Fleet fleet;

    /** The fleet client with the store its applier keeps. */
    private record Fleet(FleetClient client, ConfigStore store) {}

    /** Maintenance mode with its thread, its worker and its view of the devices. */
    private record Maintenance(MaintenanceMode mode, KioskDevicesMaintenance devices, ScheduledExecutorService thread,
                               ExecutorService worker) {}

    private KioskApp(AtomicReference<KioskConfig> config, KioskDevices devices, HttpKioskBackend backend, LedgerPrinting printing,
                     ScheduledExecutorService machineThread, ExecutorService worker, VisitMachine machine, DeviceBridge bridge,
                     DeviceSupervisor supervisor, HeartbeatSender heartbeat, Maintenance maintenance) {
        this.config = config;
        this.devices = devices;
        this.backend = backend;
        this.printing = printing;
        this.machineThread = machineThread;
        this.worker = worker;
        this.machine = machine;
        this.bridge = bridge;
        this.supervisor = supervisor;
        this.heartbeat = heartbeat;
        this.maintenance = maintenance;
    }

    /**
     * Starts the kiosk from what it was provisioned with and follows the fleet: the configuration is the one its config
     * store recovered under {@code stateDir/config} (the signed layers it last committed over the provisioned file, or
     * that file alone), and pushed layers are verified, applied live, health-checked and reported while it runs.
     *
     * @throws KioskStartException with a one-line reason and what to do, when the kiosk cannot serve at all
     */
    public static KioskApp start(Provisioning provisioning, KioskToken token, Options options) throws KioskStartException {
        ConfigStore store;
        try {
            store = ConfigStore.open(options.stateDir().resolve("config"), provisioning, options.clock());
        } catch (IOException e) {
            throw new KioskStartException("the config state directory " + options.stateDir().resolve("config") + " cannot be used ("
                    + e.getMessage() + "); make it writable by the kiosk's user, or give another --state");
        }
        StartupConfig startup = store.startup();
        KioskApp app = start(startup.config(), token, options);
        app.followFleet(provisioning, store, options.clock());
        return app;
    }

    /**
     * Builds and starts everything the config names, with that config only: no pushed configuration is followed (tests
     * and benchmarks; a kiosk in the field starts with {@link #start(Provisioning, KioskToken, Options)}).
     *
     * @throws KioskStartException with a one-line reason and what to do, when the kiosk cannot serve at all
     */
    public static KioskApp start(KioskConfig config, KioskToken token, Options options) throws KioskStartException {
        Instant startedAt = options.clock().instant();
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
        List<X509Certificate> backendCas;
        try {
            backendCas = BackendTrust.readPemFiles(config.backend().caCertificates());
        } catch (IOException e) {
            throw new KioskStartException("backend.caCertificates: " + e.getMessage());
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
                .caCertificates(backendCas)
                .kioskId(config.identity().kioskId())
                .kioskToken(token.value())
                .outboxDirectory(options.stateDir().resolve("outbox"))
                .connectTimeout(config.backend().connectTimeout())
                .requestTimeout(config.backend().requestTimeout())
                .retryPolicy(config.backend().retries() <= 0 ? RetryPolicy.none()
                        : new RetryPolicy(config.backend().retries() + 1, RetryPolicy.DEFAULT.baseBackoff(), RetryPolicy.DEFAULT.maxBackoff()))
                .build();
        String kioskName = config.identity().displayName().zh();
        LedgerPrinting printing = new LedgerPrinting(devices::documentPrinter, devices::receiptPrinter, backend, kioskName,
                options.clock());
        VisitMachine machine = new VisitMachine(
                new VisitMachine.Ports(backend, verifier, new PdfBoxPreviewRenderer(), printing,
                        () -> UUID.randomUUID().toString().replace("-", "")),
                settings(config), machineThread, worker, new ScheduledVisitTimer(machineThread, options.clock()));
        DeviceBridge bridge = new DeviceBridge(machine, devices);
        DeviceSupervisor supervisor = new DeviceSupervisor(devices.watched(), devices.powerRelay(),
                DeviceSupervisor.Settings.from(config.devices().recovery()));
        HeartbeatSender heartbeat = new HeartbeatSender(backend, supervisor::health, machine::servicesOut,
                config.backend().heartbeatInterval(), new HeartbeatSender.Identity(KioskVersion.current(), config.version(), startedAt),
                options.clock());
        AtomicReference<KioskConfig> running = new AtomicReference<>(config);
        Maintenance maintenance = maintenance(running::get, options, devices, supervisor, backend, machine);
        heartbeat.modeFrom(() -> maintenance.mode().maintenanceActive() ? Heartbeat.Mode.MAINTENANCE : Heartbeat.Mode.SERVICE);
        maintenance.mode().addActiveListener(active -> heartbeat.sendSoon());
        supervisor.addListener(bridge::healthChanged);
        supervisor.addListener(h -> heartbeat.sendSoon());
        machine.start();
        bridge.start();
        supervisor.start();
        maintenance.mode().start();
        backend.startHealthCheck(Duration.ofSeconds(10));
        heartbeat.start();
        log.info("kiosk {} started: backend {}, {} device problem(s)", config.identity().kioskId(), config.backend().url(),
                devices.problems().size());
        return new KioskApp(running, devices, backend, printing, machineThread, worker, machine, bridge, supervisor, heartbeat, maintenance);
    }

    private void followFleet(Provisioning provisioning, ConfigStore store, Clock clock) {
        if (provisioning.trustedKeys() == 0) {
            log.warn("fleet.adminKeys is empty: this kiosk applies no pushed config and reports every push rejected; provision it "
                    + "with the admin public keys of the fleet");
        }
        FleetClient client = new FleetClient(backend, () -> config.get().fleet().pollWait(), FleetClient.BACKOFF);
        LiveConfig live = new VisitLiveConfig(config.get(), machine, new LiveDevices(devices, supervisor, machine), config::set);
        heartbeat.configVersionFrom(() -> config.get().version());
        HealthCheck health = new KioskHealthCheck(supervisor, backend, config.get().backend().requestTimeout());
        ConfigApplier applier = new ConfigApplier(provisioning, store, live, health, client, clock);
        fleet = new Fleet(client, store);
        client.start(applier, store.startup().reports());
        log.info("following the fleet: {} admin key(s) trusted, running {}, long-poll of {} s", provisioning.trustedKeys(),
                store.running(), config.get().fleet().pollWait().toSeconds());
    }

    private static Maintenance maintenance(Supplier<KioskConfig> running, Options options, KioskDevices devices, DeviceSupervisor supervisor,
                                           HttpKioskBackend backend, VisitMachine machine) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maintenance");
            t.setDaemon(true);
            return t;
        });
        ExecutorService worker = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("maintenance-work-", 0).factory());
        KioskDevicesMaintenance view = new KioskDevicesMaintenance(devices, supervisor, worker, options.clock());
        KioskConfig config = running.get();
        Supplier<VersionInfo> versions = () -> VersionInfo.of(KioskVersion.current(), running.get().version(), running.get().identity().kioskId());
        KioskLog kioskLog = KioskLog.ofThisProcess();
        PinLock lock = PinLock.open(options.stateDir(), config.maintenance().lockoutAttempts(), config.maintenance().lockout(),
                options.clock().instant());
        MaintenanceMode mode = new MaintenanceMode(new MaintenanceMode.Ports(machine, backend, view, lock,
                new DiagnosticBundle(running, view, kioskLog, versions, options.clock()), MountedVolumes.ofThisMachine(), kioskLog, versions,
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
                language, config.services(), VisitMachine.Settings.defaults().previewDpi(), config.notices(), config.guides());
    }

    /** The configuration the kiosk runs now: the one it started with, or the last pushed one applied since. */
    public KioskConfig config() {
        return config.get();
    }

    /** The client that follows pushed configuration; empty when the kiosk runs a fixed configuration. */
    public Optional<FleetClient> fleet() {
        return Optional.ofNullable(fleet).map(Fleet::client);
    }

    /** The signed layers the kiosk runs; {@link SignedLayers#NONE} when it runs its provisioned file or a fixed config. */
    public SignedLayers configLayers() {
        Fleet f = fleet;
        return f == null ? SignedLayers.NONE : f.store().running();
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

    /** The supervisor of the devices: their health, checks on demand, listeners. */
    public DeviceSupervisor supervisor() {
        return supervisor;
    }

    /** Every device's health as last checked, in a fixed order: what the maintenance screens list. */
    public List<DeviceHealth> deviceHealth() {
        return supervisor.health();
    }

    /** Power-cycles a device through its relay and reopens it; see {@link DeviceSupervisor#powerCycle(String)}. */
    public CompletableFuture<DeviceHealth> powerCycle(String device) {
        return supervisor.powerCycle(device);
    }

    /** The heartbeat: maintenance mode plugs its mode in with {@link HeartbeatSender#modeFrom} and asks for a beat on change. */
    public HeartbeatSender heartbeat() {
        return heartbeat;
    }

    /** The technician's maintenance mode; {@link MaintenanceMode#maintenanceActive()} tells whether a technician is in. */
    public MaintenanceMode maintenance() {
        return maintenance.mode();
    }

    /** Stops following the fleet, ends any visit, then closes maintenance mode, the heartbeat, the supervisor, the bridge, the machine, printing, the backend client and the devices. */
    @Override
    public void close() {
        Fleet f = fleet;
        if (f != null) {
            f.client().close();
        }
        maintenance.mode().close();
        maintenance.thread().shutdown();
        try {
            maintenance.thread().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        maintenance.worker().shutdownNow();
        maintenance.devices().close();
        heartbeat.close();
        supervisor.close();
        machine.close();
        bridge.close();
        machineThread.shutdown();
        try {
            machineThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        printing.close();
        backend.close();
        devices.close();
    }
}
