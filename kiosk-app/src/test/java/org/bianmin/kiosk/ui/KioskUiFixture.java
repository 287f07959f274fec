package org.bianmin.kiosk.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.bianmin.device.idcard.EthnicGroup;
import org.bianmin.device.idcard.Expiry;
import org.bianmin.device.idcard.Gender;
import org.bianmin.device.idcard.ResidentIdCard;
import org.bianmin.device.idcard.Validity;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One kiosk on Monocle's headless screen: the real visit machine on its own thread, the fakes behind
 * its ports, a manual clock, the real window and adapter, and a robot that clicks by id.
 */
final class KioskUiFixture implements AutoCloseable {
    private static final Object PLATFORM = new Object();
    private static boolean platformStarted;
    private static final AtomicLong ORDERS = new AtomicLong();

    static final ResidentIdCard CARD = new ResidentIdCard(FakeBackend.CITIZEN_NAME, Gender.MALE, EthnicGroup.HAN,
            LocalDate.of(1949, 10, 1), "测试省示例市虚构区样例路1号", FakeBackend.CITIZEN_NUMBER, "示例市公安局虚构分局",
            new Validity(LocalDate.of(2009, 10, 1), Expiry.LONG_TERM));

    final FakeBackend backend = new FakeBackend();
    final FakeDocuments documents = new FakeDocuments();
    final FakePrinting printing = new FakePrinting();
    final ManualTimer timer = new ManualTimer();
    final VisitMachine machine;
    final KioskWindow window;
    final FxVisitAdapter adapter;
    final FxRobot robot = new FxRobot();
    private final ExecutorService machineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "visit-machine"));

    KioskUiFixture() {
        this(UiOptions.defaults().withKioskName("示范镇便民服务中心 1号自助机"));
    }

    KioskUiFixture(UiOptions options) {
        startPlatform();
        machine = new VisitMachine(new VisitMachine.Ports(backend, documents, documents, printing,
                () -> "order-" + ORDERS.incrementAndGet()), VisitMachine.Settings.defaults(), machineThread, Runnable::run, timer);
        window = fx(() -> KioskWindow.open(new Stage(), machine, options));
        adapter = FxVisitAdapter.connect(machine, window::render);
        machine.start();
        awaitView(v -> v.step() == Step.IDLE);
    }

    static void startPlatform() {
        synchronized (PLATFORM) {
            if (!platformStarted) {
                FxPlatform.start(FxPlatform.Display.HEADLESS, () -> null);
                platformStarted = true;
            }
        }
    }

    /** Waits until a view that matches has been rendered and laid out, and returns it. */
    VisitView awaitView(Predicate<VisitView> condition) {
        try {
            VisitView v = adapter.whenRendered(condition).get(10, TimeUnit.SECONDS);
            fx(() -> {
                Parent root = window.scene().getRoot();
                root.applyCss();
                root.layout();
                return null;
            });
            return v;
        } catch (TimeoutException e) {
            throw new AssertionError("no such view rendered within 10 s; the last was " + adapter.rendered(), e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    VisitView awaitStep(Step step) {
        return awaitView(v -> v.step() == step);
    }

    /** Clicks the node with this id as a finger would (a robot press and release on Monocle's screen). */
    void click(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T node(String id) {
        T n = robot.lookup("#" + id).query();
        if (n == null) {
            throw new AssertionError("nothing with id " + id + " on screen " + adapter.rendered());
        }
        return n;
    }

    boolean has(String id) {
        return fx(() -> window.scene().lookup("#" + id) != null && window.scene().lookup("#" + id).isVisible());
    }

    String text(String id) {
        return fx(() -> ((Labeled) node(id)).getText());
    }

    /** Every label's text on screen, top to bottom as the scene graph lists them. */
    List<String> labels() {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            collect(window.scene().getRoot(), out);
            return out;
        });
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Label l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** Presses a button by id the way the headless demo does (on the FX thread, no pointer): for the steps a test passes through. */
    void press(String id) {
        if (!fx(() -> window.press(id))) {
            throw new AssertionError("nothing to press with id " + id + " on screen " + adapter.rendered());
        }
    }

    /** Ends any visit, lifts the card, clears the fakes' failures: the kiosk idle as at start. */
    void reset() {
        machine.cardRemoved();
        machine.exit();
        backend.identifyFails = null;
        backend.documentFails = null;
        backend.identifyGate = null;
        documents.refuse = false;
        printing.documentFails = null;
        printing.receiptFails = null;
        printing.completeAtOnce = true;
        awaitView(v -> v.step() == Step.IDLE && !v.cardOnReader());
    }

    /** Drives a visit by ID card to the guide of the social-insurance certificate. */
    VisitView toCertificateGuide() {
        machine.cardPlaced(CARD);
        awaitView(v -> v.step() == Step.HOME && v.cardOnReader());
        press("service-" + FakeBackend.CERTIFICATE);
        return awaitStep(Step.SERVICE_GUIDE);
    }

    Set<String> missingTextKeys() {
        return fx(window::missingTextKeys);
    }

    /** Runs {@code work} on the FX thread and returns its result; what it throws is thrown here. */
    static <T> T fx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError("FX thread work failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("FX thread work did not finish", e);
        }
    }

    ScreenRecorder recordTo(Path dir) {
        ScreenRecorder r = new ScreenRecorder(dir, window::scene);
        adapter.addRenderListener(r);
        fx(() -> {
            r.accept(adapter.rendered());
            return null;
        });
        return r;
    }

    @Override
    public void close() {
        machine.close();
        machineThread.shutdown();
        try {
            machineThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fx(() -> {
            window.stage().setOnCloseRequest(null);
            window.stage().hide();
            return null;
        });
    }
}
