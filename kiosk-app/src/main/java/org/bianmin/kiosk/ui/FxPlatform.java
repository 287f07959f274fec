package org.bianmin.kiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Starts the JavaFX platform once per process, either on a display or headless on Monocle (no X, no
 * GPU: the headless demo's screenshots and the UI tests), and builds the first windows on the FX thread.
 */
public final class FxPlatform {

    /** Where the screens go. */
    public enum Display {
        /** The kiosk's screen (X11 or Wayland through GTK). */
        SCREEN,
        /** Monocle's headless glass with the software renderer; the screen exists only in memory. */
        HEADLESS;

        /** HEADLESS when neither DISPLAY nor WAYLAND_DISPLAY is set, else SCREEN. */
        public static Display detect() {
            return System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null ? HEADLESS : SCREEN;
        }
    }

    /** The headless screen's size in pixels: a common kiosk panel, 1920 × 1080 landscape. */
    public static final String HEADLESS_GEOMETRY = "1920x1080-32";

    private static final Object LOCK = new Object();
    /**
     * JavaFX warns through java.util.logging that it runs from the class path, not as modules; the kiosk is
     * built that way on purpose (one class path for every module). Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger PLATFORM_LOG = java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");
    private static boolean started;

    private FxPlatform() {}

    /**
     * Starts the platform and runs {@code onFxThread} on the FX thread, returning what it returns (the
     * window, usually). Closing the last window does not stop the platform: the kiosk never exits by itself.
     *
     * @throws IllegalStateException if the platform was started before in this process
     * @throws RuntimeException whatever {@code onFxThread} threw (e.g. {@link UiStartException})
     */
    public static <T> T start(Display display, Supplier<T> onFxThread) {
        synchronized (LOCK) {
            if (started) {
                throw new IllegalStateException("the JavaFX platform is already started in this process; start it once, "
                        + "at the composition root");
            }
            if (display == Display.HEADLESS) {
                headlessProperties();
            }
            PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
            CompletableFuture<T> result = new CompletableFuture<>();
            try {
                Platform.startup(() -> {
                    try {
                        result.complete(onFxThread.get());
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                throw new UiStartException("the screen could not start (" + e.getMessage() + "); with no display run headless, "
                        + "on a display install libgtk-3-0 libxtst6 libgl1");
            }
            started = true;
            Platform.setImplicitExit(false);
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }

    /** Ends the FX thread; the platform cannot be started again in this process. */
    public static void stop() {
        Platform.exit();
    }

    /**
     * Monocle's headless glass and the software pipeline; must be set before the toolkit loads. Text keeps
     * JavaFX's native FreeType rasteriser (prism.text unset): it draws CJK fonts well, and T2K is gone.
     */
    private static void headlessProperties() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", HEADLESS_GEOMETRY));
        System.setProperty("java.awt.headless", "true");
    }
}
