package org.bianmin.kiosk.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.bianmin.kiosk.maintenance.MaintenanceMode;
import org.bianmin.kiosk.maintenance.MaintenanceView;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that hops to the FX thread: views published on the visit machine's thread are
 * rendered on the FX thread, newest only (views that arrive before the FX thread gets to them are
 * replaced, never queued), then passed to the render listeners (the screen recorder). Maintenance
 * mode's views take the same hop, newest only, on a channel of their own.
 */
public final class FxVisitAdapter {
    private static final Logger log = LoggerFactory.getLogger(FxVisitAdapter.class);

    private final Consumer<VisitView> renderer;
    private final AtomicReference<VisitView> pending = new AtomicReference<>();
    private final List<Consumer<VisitView>> renderListeners = new CopyOnWriteArrayList<>();
    private final List<Awaited<VisitView>> awaited = new CopyOnWriteArrayList<>();
    private volatile VisitView rendered;
    private final AtomicReference<MaintenanceView> pendingMaintenance = new AtomicReference<>();
    private final List<Awaited<MaintenanceView>> awaitedMaintenance = new CopyOnWriteArrayList<>();
    private volatile Consumer<MaintenanceView> maintenanceRenderer = v -> { };
    private volatile MaintenanceView renderedMaintenance;

    /** @param renderer draws a view; called on the FX thread only */
    public FxVisitAdapter(Consumer<VisitView> renderer) {
        this.renderer = Objects.requireNonNull(renderer);
    }

    /** An adapter that renders {@code machine}'s views with {@code renderer} from now on. */
    public static FxVisitAdapter connect(VisitMachine machine, Consumer<VisitView> renderer) {
        FxVisitAdapter adapter = new FxVisitAdapter(renderer);
        machine.addViewListener(adapter::offer);
        return adapter;
    }

    /** Takes a view on any thread; it is rendered unless a newer one arrives first. */
    public void offer(VisitView view) {
        if (pending.getAndSet(Objects.requireNonNull(view)) == null) {
            Platform.runLater(this::renderNewest);
        }
    }

    /** Called on the FX thread after each view is rendered. */
    public void addRenderListener(Consumer<VisitView> listener) {
        renderListeners.add(listener);
    }

    /** The last view rendered, or null before the first. */
    public VisitView rendered() {
        return rendered;
    }

    /** Completes with the first rendered view that matches (the last rendered one, if it matches already). */
    public CompletableFuture<VisitView> whenRendered(Predicate<VisitView> condition) {
        Awaited<VisitView> a = new Awaited<>(condition, new CompletableFuture<>());
        awaited.add(a);
        runOnFxThread(() -> {
            VisitView v = rendered;
            if (v != null && condition.test(v)) {
                awaited.remove(a);
                a.future.complete(v);
            }
            return null;
        });
        return a.future;
    }

    /**
     * Runs {@code work} on the FX thread after every view offered so far has been rendered (for the
     * headless demo's presses and for screenshots taken on request).
     */
    public <T> CompletableFuture<T> runOnFxThread(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private void renderNewest() {
        VisitView v = pending.getAndSet(null);
        if (v == null) {
            return;
        }
        try {
            renderer.accept(v);
        } catch (RuntimeException e) {
            log.error("rendering {} failed", v, e);
            return;
        }
        rendered = v;
        for (Consumer<VisitView> l : renderListeners) {
            try {
                l.accept(v);
            } catch (RuntimeException e) {
                log.warn("a render listener failed on {}", v, e);
            }
        }
        for (Awaited<VisitView> a : awaited) {
            if (a.condition.test(v)) {
                awaited.remove(a);
                a.future.complete(v);
            }
        }
    }

    /** Renders maintenance mode's views with {@code renderer} (on the FX thread) from now on. */
    public void connectMaintenance(MaintenanceMode mode, Consumer<MaintenanceView> renderer) {
        maintenanceRenderer = Objects.requireNonNull(renderer);
        mode.addViewListener(this::offerMaintenance);
    }

    /** Takes a maintenance view on any thread; it is rendered unless a newer one arrives first. */
    public void offerMaintenance(MaintenanceView view) {
        if (pendingMaintenance.getAndSet(Objects.requireNonNull(view)) == null) {
            Platform.runLater(this::renderNewestMaintenance);
        }
    }

    /** The last maintenance view rendered, or null before the first. */
    public MaintenanceView renderedMaintenance() {
        return renderedMaintenance;
    }

    /** Completes with the first rendered maintenance view that matches (the last rendered one, if it matches already). */
    public CompletableFuture<MaintenanceView> whenMaintenanceRendered(Predicate<MaintenanceView> condition) {
        Awaited<MaintenanceView> a = new Awaited<>(condition, new CompletableFuture<>());
        awaitedMaintenance.add(a);
        runOnFxThread(() -> {
            MaintenanceView v = renderedMaintenance;
            if (v != null && condition.test(v)) {
                awaitedMaintenance.remove(a);
                a.future.complete(v);
            }
            return null;
        });
        return a.future;
    }

    private void renderNewestMaintenance() {
        MaintenanceView v = pendingMaintenance.getAndSet(null);
        if (v == null) {
            return;
        }
        try {
            maintenanceRenderer.accept(v);
        } catch (RuntimeException e) {
            log.error("rendering {} failed", v, e);
            return;
        }
        renderedMaintenance = v;
        for (Awaited<MaintenanceView> a : awaitedMaintenance) {
            if (a.condition.test(v)) {
                awaitedMaintenance.remove(a);
                a.future.complete(v);
            }
        }
    }

    private record Awaited<T>(Predicate<T> condition, CompletableFuture<T> future) {}
}
