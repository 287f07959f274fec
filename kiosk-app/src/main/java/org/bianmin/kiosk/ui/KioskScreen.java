package org.bianmin.kiosk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.stage.Stage;
import org.bianmin.kiosk.maintenance.MaintenanceMode;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The kiosk's screen for a composition root that knows no JavaFX: starts the platform (on a display or
 * headless), opens the window, renders the machine's views through the one adapter, presses buttons
 * by id as a finger would, and records a screenshot of each screen when asked.
 */
public final class KioskScreen {
    private final KioskWindow window;
    private final FxVisitAdapter adapter;
    private volatile ScreenRecorder recorder;

    private KioskScreen(KioskWindow window, FxVisitAdapter adapter) {
        this.window = window;
        this.adapter = adapter;
    }

    /**
     * Starts JavaFX (once per process) and shows the window for {@code machine}.
     *
     * @throws UiStartException when the screen cannot start or no Chinese font is found
     */
    public static KioskScreen open(FxPlatform.Display display, VisitMachine machine, UiOptions options) {
        return open(display, machine, Optional.empty(), options);
    }

    /**
     * Starts JavaFX (once per process) and shows the window for {@code machine}, with the technician's maintenance mode
     * behind the idle screen's corner.
     *
     * @throws UiStartException when the screen cannot start or no Chinese font is found
     */
    public static KioskScreen open(FxPlatform.Display display, VisitMachine machine, Optional<MaintenanceMode> maintenance,
                                   UiOptions options) {
        KioskWindow w = FxPlatform.start(display, () -> KioskWindow.open(new Stage(), machine, maintenance, options));
        KioskScreen screen = new KioskScreen(w, FxVisitAdapter.connect(machine, w::render));
        maintenance.ifPresent(m -> screen.adapter.connectMaintenance(m, w::renderMaintenance));
        screen.adapter.addRenderListener(v -> {
            ScreenRecorder r = screen.recorder;
            if (r != null) {
                r.accept(v);
            }
        });
        return screen;
    }

    /** From now on, a PNG of each new screen (step or phase) goes into {@code directory}; null stops recording. */
    public void recordTo(Path directory) {
        recorder = directory == null ? null : new ScreenRecorder(directory, window::scene);
    }

    /** The screenshots written since the last {@link #recordTo}. */
    public List<Path> recorded() {
        ScreenRecorder r = recorder;
        return r == null ? List.of() : r.written();
    }

    /** Presses the button with this id once every view offered so far is on screen; completes with whether it was there. */
    public CompletableFuture<Boolean> press(String id) {
        return adapter.runOnFxThread(() -> window.press(id));
    }

    /** Completes with the first rendered view that matches. */
    public CompletableFuture<VisitView> whenRendered(Predicate<VisitView> condition) {
        return adapter.whenRendered(condition);
    }

    /** The last view drawn on the screen. */
    public VisitView rendered() {
        return adapter.rendered();
    }

    /** Preview images the screen still holds (0 once a visit has ended). */
    public CompletableFuture<Integer> heldPreviewImages() {
        return adapter.runOnFxThread(window::heldPreviewImages);
    }

    /** Closes the window and ends the FX thread; the platform cannot start again in this process. */
    public void close() {
        adapter.runOnFxThread(() -> {
            window.stage().close();
            return null;
        }).join();
        FxPlatform.stop();
    }
}
