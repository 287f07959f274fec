package org.bianmin.kiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javafx.stage.Stage;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The kiosk window on Monocle's headless screen for a program that drives visits with no person and no
 * display (the session benchmark, scripted runs): it presses buttons by id on the FX thread, as the
 * window's own {@link KioskWindow#press} does, and waits for views to be rendered. It starts the JavaFX
 * platform, so a process has at most one.
 */
public final class HeadlessKiosk implements AutoCloseable {

    /** A view and the {@link System#nanoTime()} at which the FX thread finished rendering it. */
    public record Rendered(VisitView view, long nanoTime) {}

    private final KioskWindow window;
    private final FxVisitAdapter adapter;
    /** The last view rendered and when; written and read on the FX thread only. */
    private Rendered last;

    private HeadlessKiosk(KioskWindow window, VisitMachine machine) {
        this.window = window;
        this.adapter = new FxVisitAdapter(window::render);
        adapter.addRenderListener(v -> last = new Rendered(v, System.nanoTime()));
        machine.addViewListener(adapter::offer);
    }

    /**
     * Starts the JavaFX platform headless, opens the kiosk window for {@code machine} and renders its views
     * from now on.
     *
     * @throws IllegalStateException if the platform was started before in this process
     * @throws UiStartException when no Chinese font can be found
     */
    public static HeadlessKiosk open(VisitMachine machine, UiOptions options) {
        KioskWindow window = FxPlatform.start(FxPlatform.Display.HEADLESS, () -> KioskWindow.open(new Stage(), machine, options));
        return new HeadlessKiosk(window, machine);
    }

    /**
     * Completes with the first rendered view that matches (the one on screen, if it matches already), stamped
     * with the time its rendering ended.
     */
    public CompletableFuture<Rendered> whenRendered(Predicate<VisitView> condition) {
        AtomicLong at = new AtomicLong();
        // the adapter tests the condition on the FX thread, after the render listeners, against the view just
        // rendered or (when asked) the one already on screen: either way it is the last one stamped
        return adapter.whenRendered(v -> {
            if (condition.test(v)) {
                at.set(last != null && last.view() == v ? last.nanoTime() : System.nanoTime());
                return true;
            }
            return false;
        }).thenApply(v -> new Rendered(v, at.get()));
    }

    /**
     * Presses the button with this id as a finger would, once every view offered so far has been rendered.
     *
     * @return false if no such button is on screen and enabled
     */
    public boolean press(String id) {
        return adapter.runOnFxThread(() -> window.press(id)).join();
    }

    /** The last view rendered, or null before the first. */
    public VisitView rendered() {
        return adapter.rendered();
    }

    /** How many preview page images the window holds (none outside the preview). */
    public int heldPreviewImages() {
        return adapter.runOnFxThread(window::heldPreviewImages).join();
    }

    /** Hides the window and ends the FX thread. */
    @Override
    public void close() {
        adapter.runOnFxThread(() -> {
            window.stage().setOnCloseRequest(null);
            window.stage().hide();
            return null;
        }).join();
        FxPlatform.stop();
    }
}
