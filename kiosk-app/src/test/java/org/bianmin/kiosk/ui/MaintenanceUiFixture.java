package org.bianmin.kiosk.ui;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.PinHash;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.sim.SimulatedDevices;
import org.bianmin.kiosk.devices.DeviceBridge;
import org.bianmin.kiosk.devices.DeviceSupervisor;
import org.bianmin.kiosk.devices.KioskDevices;
import org.bianmin.kiosk.maintenance.DiagnosticBundle;
import org.bianmin.kiosk.maintenance.KioskDevicesMaintenance;
import org.bianmin.kiosk.maintenance.KioskLog;
import org.bianmin.kiosk.maintenance.MaintenanceAudit;
import org.bianmin.kiosk.maintenance.MaintenanceMode;
import org.bianmin.kiosk.maintenance.MaintenanceView;
import org.bianmin.kiosk.maintenance.PinLock;
import org.bianmin.kiosk.maintenance.TapGesture;
import org.bianmin.kiosk.maintenance.VersionInfo;
import org.bianmin.kiosk.maintenance.Volume;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk window with maintenance mode behind its idle screen, on Monocle's headless screen: the real visit machine
 * and maintenance mode on their threads, the demo profile's devices simulated byte for byte (mock GPIO), the bridge
 * between them, the UI tests' fake backend (which knows technician codes), manual clocks and a robot that clicks.
 * The PIN is {@value #PIN}.
 */
final class MaintenanceUiFixture implements AutoCloseable {
    static final String PIN = "2468";

    final Path dir;
    final Path volume;
    final FakeBackend backend = new FakeBackend();
    final ManualTimer timer = new ManualTimer();
    final ManualTimer maintenanceTimer = new ManualTimer();
    final KioskDevices devices;
    final DeviceSupervisor supervisor;
    final KioskDevicesMaintenance deviceView;
    final VisitMachine machine;
    final DeviceBridge bridge;
    final MaintenanceMode mode;
    final KioskWindow window;
    final FxVisitAdapter adapter;
    final FxRobot robot = new FxRobot();
    private final ExecutorService machineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "visit-machine"));
    private final ExecutorService modeThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "maintenance"));
    private final ExecutorService worker = Executors.newCachedThreadPool();

    MaintenanceUiFixture(Path dir) {
        KioskUiFixture.startPlatform();
        this.dir = dir;
        Path log = dir.resolve("kiosk.log");
        try {
            volume = Files.createDirectories(dir.resolve("media/technician/STICK"));
            Files.createDirectories(dir.resolve("printed"));
            Files.writeString(log, "2026-06-01 10:00:00,000 INFO  [main] org.bianmin.kiosk.KioskApp - kiosk demo-kiosk-01 started\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KioskConfig config = KioskConfigLoader.overDefaults().file(projectFile("config/kiosk-demo.yaml"))
                .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed")).load();
        try {
            devices = KioskDevices.open(config.devices(), dir.resolve("state/devices"),
                    new KioskDevices.SimulationOutput(Optional.empty(), IdCardSimulator.Timing.FAST));
        } catch (DeviceException e) {
            throw new AssertionError("the simulated devices did not open: " + e.getMessage(), e);
        }
        // Pi4J's mock pins keep their levels from one context to the next: nobody in front, door shut
        devices.gpioSimulator().ifPresent(g -> {
            g.personLeaves();
            g.closeDoor();
        });
        FakeDocuments documents = new FakeDocuments();
        machine = new VisitMachine(new VisitMachine.Ports(backend, documents, documents, new FakePrinting(), () -> "order-1"),
                VisitMachine.Settings.defaults(), machineThread, Runnable::run, timer);
        bridge = new DeviceBridge(machine, devices);
        Clock clock = Clock.fixed(maintenanceTimer.now(), ZoneOffset.UTC);
        supervisor = new DeviceSupervisor(devices.watched(), devices.powerRelay(), DeviceSupervisor.Settings.from(config.devices().recovery()));
        deviceView = new KioskDevicesMaintenance(devices, supervisor, worker, clock);
        VersionInfo versions = VersionInfo.of("0.1.0-test", config.version(), config.identity().kioskId());
        KioskLog kioskLog = new KioskLog(log);
        mode = new MaintenanceMode(new MaintenanceMode.Ports(machine, backend, deviceView,
                PinLock.open(dir.resolve("state"), 5, Duration.ofMinutes(15), maintenanceTimer.now()),
                new DiagnosticBundle(() -> config, deviceView, kioskLog, () -> versions, clock), () -> List.of(new Volume(volume, 3L << 30)),
                kioskLog, () -> versions, new MaintenanceAudit()),
                new MaintenanceMode.Settings(Optional.of(PinHash.of(PIN.toCharArray(), PinHash.MIN_ITERATIONS)), 5, Duration.ofMinutes(15),
                        Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofSeconds(10)),
                modeThread, worker, maintenanceTimer);
        window = KioskUiFixture.fx(() -> KioskWindow.open(new Stage(), machine, Optional.of(mode),
                UiOptions.defaults().withKioskName("示范镇便民服务中心 1号自助机")));
        adapter = FxVisitAdapter.connect(machine, window::render);
        adapter.connectMaintenance(mode, window::renderMaintenance);
        machine.start();
        bridge.start();
        mode.start();
        awaitStep(Step.IDLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> simulators().scanner().inStepWithLine());
    }

    /** The gesture as the window passes it on, without the robot: for tests that are about what comes after. */
    void tapTheCornerFiveTimes() {
        for (int i = 0; i < TapGesture.TAPS; i++) {
            mode.cornerTapped();
        }
    }

    SimulatedDevices simulators() {
        return devices.simulators().orElseThrow();
    }

    VisitView awaitStep(Step step) {
        try {
            VisitView v = adapter.whenRendered(x -> x.step() == step).get(10, TimeUnit.SECONDS);
            layout();
            return v;
        } catch (TimeoutException e) {
            throw new AssertionError("no " + step + " rendered within 10 s; the last was " + adapter.rendered(), e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    MaintenanceView awaitMaintenance(Predicate<MaintenanceView> condition) {
        try {
            MaintenanceView v = adapter.whenMaintenanceRendered(condition).get(15, TimeUnit.SECONDS);
            layout();
            return v;
        } catch (TimeoutException e) {
            throw new AssertionError("no such maintenance view rendered within 15 s; the last was " + adapter.renderedMaintenance(), e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void layout() {
        KioskUiFixture.fx(() -> {
            Parent root = window.scene().getRoot();
            root.applyCss();
            root.layout();
            return null;
        });
    }

    /** Saves what the screen shows to target/ui-screens/maintenance/NAME.png, for people to look at. */
    void screenshot(String name) {
        layout();
        KioskUiFixture.fx(() -> Screenshots.save(window.scene(), Path.of("target", "ui-screens", "maintenance", name + ".png")));
    }

    /** Clicks the node with this id as a finger would. */
    void click(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    boolean has(String id) {
        return KioskUiFixture.fx(() -> window.scene().lookup("#" + id) != null && window.scene().lookup("#" + id).isVisible());
    }

    boolean disabled(String id) {
        return KioskUiFixture.fx(() -> window.scene().lookup("#" + id).isDisabled());
    }

    String text(String id) {
        return KioskUiFixture.fx(() -> {
            Node n = window.scene().lookup("#" + id);
            if (n == null) {
                throw new AssertionError("nothing with id " + id + " on screen");
            }
            return n instanceof Labeled l ? l.getText() : String.join(" ", labelsUnder(n));
        });
    }

    /** Every label's text on screen. */
    List<String> labels() {
        return KioskUiFixture.fx(() -> labelsUnder(window.scene().getRoot()));
    }

    private static List<String> labelsUnder(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
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
        KioskUiFixture.fx(() -> {
            window.stage().setOnCloseRequest(null);
            window.stage().hide();
            return null;
        });
    }
}
