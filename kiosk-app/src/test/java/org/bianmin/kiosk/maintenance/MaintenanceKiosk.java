package org.bianmin.kiosk.maintenance;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.PinHash;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.sim.SimulatedDevices;
import org.bianmin.kiosk.devices.DeviceBridge;
import org.bianmin.kiosk.devices.DeviceSupervisor;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;

/**
 * One kiosk as maintenance mode meets it: the demo profile's devices simulated byte for byte (and mock GPIO), the
 * bridge from devices to the real visit machine, maintenance mode on its own thread, a manual clock and a backend
 * that knows technician codes. The PIN is {@value #PIN}.
 */
final class MaintenanceKiosk implements AutoCloseable {
    static final String PIN = "97315";
    /** Fast to check, still the minimum the config accepts. */
    static final PinHash HASH = PinHash.of(PIN.toCharArray(), PinHash.MIN_ITERATIONS);

    final Path dir;
    final ManualTimer timer = new ManualTimer();
    final TechnicianBackend backend = new TechnicianBackend(timer.now());
    final KioskConfig config;
    final KioskDevices devices;
    final DeviceSupervisor supervisor;
    final KioskDevicesMaintenance deviceView;
    final VisitMachine machine;
    final DeviceBridge bridge;
    final MaintenanceMode mode;
    final Path log;
    final Path volume;
    private final ExecutorService machineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "visit-machine"));
    private final ExecutorService modeThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "maintenance"));
    private final ExecutorService worker = Executors.newCachedThreadPool();

    MaintenanceKiosk(Path dir, Optional<PinHash> pin) {
        this.dir = dir;
        try {
            Files.createDirectories(dir.resolve("printed"));
            volume = Files.createDirectories(dir.resolve("media/technician/STICK"));
            log = dir.resolve("kiosk.log");
            Files.writeString(log, "2026-11-25 07:00:00,000 INFO  [visit] org.bianmin.kiosk.visit.VisitMachine - visit 1 started\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config = KioskConfigLoader.overDefaults().file(projectFile("config/kiosk-demo.yaml"))
                .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed"))
                .set("devices.recovery.powerOff", 1).load();
        try {
            devices = KioskDevices.open(config.devices(), dir.resolve("state/devices"),
                    new KioskDevices.SimulationOutput(Optional.empty(), IdCardSimulator.Timing.FAST));
        } catch (DeviceException e) {
            throw new AssertionError("the simulated devices did not open: " + e.getMessage(), e);
        }
        // Pi4J's mock pins keep their levels from one context to the next: nobody in front, door shut, as at a fresh start
        devices.gpioSimulator().ifPresent(g -> {
            g.personLeaves();
            g.closeDoor();
        });
        Clock clock = Clock.fixed(timer.now(), ZoneOffset.UTC);
        machine = new VisitMachine(new VisitMachine.Ports(backend, (pdf, sha) -> {
            throw new AssertionError("no document in these tests");
        }, (doc, dpi) -> List.of(), (order, progress) -> CompletableFuture.failedFuture(new AssertionError("no printing here")),
                () -> "order"), VisitMachine.Settings.defaults(), machineThread, worker, new ManualTimer());
        bridge = new DeviceBridge(machine, devices);
        // not started: the devices' health is what they were opened with, and a technician's power cycle goes through it
        supervisor = new DeviceSupervisor(devices.watched(), devices.powerRelay(), DeviceSupervisor.Settings.from(config.devices().recovery()));
        deviceView = new KioskDevicesMaintenance(devices, supervisor, worker, clock);
        VersionInfo versions = VersionInfo.of("0.1.0-test", config.version(), config.identity().kioskId());
        KioskLog kioskLog = new KioskLog(log);
        mode = new MaintenanceMode(new MaintenanceMode.Ports(machine, backend, deviceView, lockStore(),
                new DiagnosticBundle(() -> config, deviceView, kioskLog, () -> versions, clock), () -> List.of(new Volume(volume, 1L << 30)),
                kioskLog, () -> versions, new MaintenanceAudit()),
                new MaintenanceMode.Settings(pin, 5, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofSeconds(10)),
                modeThread, worker, timer);
        machine.start();
        bridge.start();
        mode.start();
        awaitStep(Step.IDLE);
        // the scanner drops what it hears before the line has been quiet once after opening: a code cut in half
        await().atMost(Duration.ofSeconds(10)).until(() -> simulators().scanner().inStepWithLine());
    }

    MaintenanceKiosk(Path dir) {
        this(dir, Optional.of(HASH));
    }

    /** The PIN lock as a restarted kiosk would read it from its state directory. */
    PinLock lockStore() {
        return PinLock.open(dir.resolve("state"), 5, Duration.ofMinutes(15), timer.now());
    }

    SimulatedDevices simulators() {
        return devices.simulators().orElseThrow();
    }

    void tapTheCornerFiveTimes() {
        for (int i = 0; i < TapGesture.TAPS; i++) {
            mode.cornerTapped();
        }
    }

    void type(String digits) {
        digits.chars().forEach(c -> mode.digit(c - '0'));
    }

    /** The gesture, the PIN and OK: the console. */
    MaintenanceView enterWithThePin() {
        tapTheCornerFiveTimes();
        awaitView(v -> v.phase() == MaintenanceView.Phase.KEYPAD);
        type(PIN);
        awaitView(v -> v.pinDigits() == PIN.length());
        mode.submitPin();
        return awaitView(v -> v.phase() == MaintenanceView.Phase.CONSOLE);
    }

    MaintenanceView awaitView(Predicate<MaintenanceView> p) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(mode::view, p::test);
    }

    VisitView awaitStep(Step s) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(machine::view, v -> v != null && v.step() == s);
    }

    /** Runs everything queued on the machine's and maintenance mode's threads so far. */
    void settle() {
        CompletableFuture.runAsync(() -> { }, machineThread).join();
        CompletableFuture.runAsync(() -> { }, modeThread).join();
        CompletableFuture.runAsync(() -> { }, machineThread).join();
    }

    static Path projectFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        mode.close();
        modeThread.shutdown();
        try {
            modeThread.awaitTermination(5, TimeUnit.SECONDS);
            machine.close();
            bridge.close();
            deviceView.close();
            supervisor.close();
            machineThread.shutdown();
            machineThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        devices.close();
    }
}
