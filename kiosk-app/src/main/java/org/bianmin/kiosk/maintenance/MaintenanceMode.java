package org.bianmin.kiosk.maintenance;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bianmin.config.MaintenanceSettings;
import org.bianmin.config.PinHash;
import org.bianmin.device.gpio.Light;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.KioskBackend;
import org.bianmin.kiosk.backend.TechnicianAccess;
import org.bianmin.kiosk.maintenance.MaintenanceView.BundleOutcome;
import org.bianmin.kiosk.maintenance.MaintenanceView.KeypadNotice;
import org.bianmin.kiosk.maintenance.MaintenanceView.Page;
import org.bianmin.kiosk.maintenance.MaintenanceView.Phase;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's maintenance mode: the way in (the idle screen's hidden gesture, then the PIN on the keypad, or a
 * technician code the backend vouches for), the console's pages and device tests, and the way out (the technician's
 * button, or {@code idleTimeout} without a touch), which leaves nothing of the session behind. The visit machine
 * holds the kiosk meanwhile, so no visit starts. Inputs come from any thread and run one at a time on this mode's
 * executor; slow work (PIN hashing, device tests, the bundle) runs on the worker. After every change it publishes a
 * {@link MaintenanceView}. Every entry, action and exit goes to the {@link MaintenanceAudit}.
 */
public final class MaintenanceMode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MaintenanceMode.class);
    /** Lines of the kiosk log shown. */
    static final int LOG_LINES = 200;

    /**
     * @param keypadTimeout how long the keypad waits for a digit before it closes and the kiosk is idle again
     * @param testWait      how long an external check waits for the technician's card or code
     */
    public record Settings(Optional<PinHash> pinHash, int lockoutAttempts, Duration lockout, Duration idleTimeout, Duration keypadTimeout,
                           Duration testWait) {

        public static Settings of(MaintenanceSettings m) {
            return new Settings(m.pinHash(), m.lockoutAttempts(), m.lockout(), m.idleTimeout(), Duration.ofSeconds(60), Duration.ofSeconds(20));
        }
    }

    /** What maintenance mode works with. */
    public record Ports(VisitMachine machine, KioskBackend backend, MaintenanceDevices devices, PinLock lock, DiagnosticBundle bundles,
                        Volumes volumes, KioskLog log, Supplier<VersionInfo> versions, MaintenanceAudit audit) {}

    private final Ports ports;
    private final Settings settings;
    private final Executor thread;
    private final Executor worker;
    private final VisitTimer timer;
    private final TapGesture gesture = new TapGesture();
    private final List<Consumer<MaintenanceView>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> activeListeners = new CopyOnWriteArrayList<>();
    private volatile MaintenanceView lastView = MaintenanceView.closed();
    private volatile boolean active;

    // confined to this mode's thread
    private VisitTimer.Cancellable ticking;
    private Phase phase = Phase.CLOSED;
    /** Bumped whenever maintenance closes: answers for an earlier session are dropped. */
    private long epoch;
    private char[] pin = new char[0];
    private boolean checking;
    private KeypadNotice notice;
    private String technician;
    private String enteredBy;
    private Instant lastTouch;
    private Page page = Page.DEVICES;
    private String device;
    private final Map<String, Map<DeviceAction, CheckResult>> results = new HashMap<>();
    private final Map<String, Set<DeviceAction>> running = new HashMap<>();
    private final Set<Light> lightsTouched = EnumSet.noneOf(Light.class);
    private List<String> logLines = List.of();
    private List<Volume> volumes = List.of();
    private boolean bundleBusy;
    private BundleOutcome bundle;

    /**
     * @param thread runs inputs one at a time, in order (a single thread in production)
     * @param worker runs PIN checks, device tests and bundles off that thread
     */
    public MaintenanceMode(Ports ports, Settings settings, Executor thread, Executor worker, VisitTimer timer) {
        this.ports = ports;
        this.settings = settings;
        this.thread = thread;
        this.worker = worker;
        this.timer = timer;
    }

    /** Listens for technician codes the machine hands on and starts the one-second tick of the timeouts. */
    public void start() {
        ports.machine().addTechnicianCodeListener(code -> post(() -> onTechnicianCode(code)));
        post(() -> {
            ticking = timer.everySecond(() -> post(this::tick));
            publish();
        });
    }

    /** Told of every view, on this mode's thread; gets the current one first. */
    public void addViewListener(Consumer<MaintenanceView> listener) {
        post(() -> {
            listeners.add(listener);
            tell(listener, lastView);
        });
    }

    /** Told true when a technician is let in and false when they leave (for the heartbeat's mode). */
    public void addActiveListener(Consumer<Boolean> listener) {
        activeListeners.add(listener);
    }

    /** Whether a technician is in maintenance now (the heartbeat reports mode=maintenance). */
    public boolean maintenanceActive() {
        return active;
    }

    public MaintenanceView view() {
        return lastView;
    }

    // ---- the way in -----------------------------------------------------------------------------

    /** A tap on the idle screen's corner target; the fifth within four seconds opens the keypad (from Idle only). */
    public void cornerTapped() {
        post(() -> {
            if (phase != Phase.CLOSED || !gesture.tap(timer.now())) {
                return;
            }
            long e = epoch;
            ports.machine().enterMaintenance().thenAccept(held -> post(() -> {
                if (held && e == epoch && phase == Phase.CLOSED) {
                    openKeypad();
                    publish();
                }
            }));
        });
    }

    private void openKeypad() {
        phase = Phase.KEYPAD;
        lastTouch = timer.now();
        pin = new char[0];
        notice = settings.pinHash().isEmpty() ? KeypadNotice.of(KeypadNotice.Kind.NOT_SET_UP) : lockNotice().orElse(null);
        log.info("maintenance keypad opened");
    }

    public void digit(int d) {
        if (d < 0 || d > 9) {
            throw new IllegalArgumentException("a keypad digit is 0-9, not " + d);
        }
        post(() -> {
            if (!keypadTakesInput()) {
                return;
            }
            touched();
            if (pin.length < PinHash.MAX_PIN_DIGITS) {
                char[] longer = Arrays.copyOf(pin, pin.length + 1);
                longer[pin.length] = (char) ('0' + d);
                wipe(pin);
                pin = longer;
            }
            if (notice != null && notice.kind() != KeypadNotice.Kind.NOT_SET_UP) {
                notice = null;
            }
            publish();
        });
    }

    public void deleteDigit() {
        post(() -> {
            if (!keypadTakesInput() || pin.length == 0) {
                return;
            }
            touched();
            char[] shorter = Arrays.copyOf(pin, pin.length - 1);
            wipe(pin);
            pin = shorter;
            publish();
        });
    }

    /** OK on the keypad: checks the PIN off this thread; the count of wrong PINs and the lock survive a restart. */
    public void submitPin() {
        post(() -> {
            if (!keypadTakesInput()) {
                return;
            }
            touched();
            if (pin.length < PinHash.MIN_PIN_DIGITS) {
                notice = KeypadNotice.of(KeypadNotice.Kind.TOO_SHORT);
                publish();
                return;
            }
            char[] typed = pin;
            pin = new char[0];
            checking = true;
            publish();
            long e = epoch;
            PinHash hash = settings.pinHash().orElseThrow();
            CompletableFuture.supplyAsync(() -> {
                try {
                    return hash.matches(typed);
                } finally {
                    wipe(typed);
                }
            }, worker).whenComplete((right, failure) -> post(() -> {
                if (e == epoch && phase == Phase.KEYPAD) {
                    onPinChecked(failure == null && right);
                }
            }));
        });
    }

    private boolean keypadTakesInput() {
        return phase == Phase.KEYPAD && !checking && settings.pinHash().isPresent() && !ports.lock().lockedAt(timer.now());
    }

    private void onPinChecked(boolean right) {
        checking = false;
        Instant now = timer.now();
        if (right) {
            ports.lock().rightPin();
            enterConsole(null, "by PIN on the keypad");
            return;
        }
        PinLock.State s = ports.lock().wrongPin(now);
        if (s.lockedAt(now)) {
            notice = lockNotice().orElseThrow();
            ports.audit().refused("PIN", "wrong PIN; PIN entry locked until " + s.lockedUntil().orElseThrow());
        } else {
            int left = ports.lock().triesLeft(now);
            notice = new KeypadNotice(KeypadNotice.Kind.WRONG_PIN, left, Optional.empty(), Optional.empty());
            ports.audit().refused("PIN", "wrong PIN; " + left + " more before PIN entry locks");
        }
        publish();
    }

    private Optional<KeypadNotice> lockNotice() {
        PinLock.State s = ports.lock().state();
        return s.lockedAt(timer.now())
                ? Optional.of(new KeypadNotice(KeypadNotice.Kind.LOCKED, 0, s.lockedUntil(), Optional.empty())) : Optional.empty();
    }

    /** Cancel on the keypad: the kiosk is idle again. */
    public void cancelKeypad() {
        post(() -> {
            if (phase == Phase.KEYPAD) {
                close("keypad cancelled");
            }
        });
    }

    private void onTechnicianCode(String code) {
        if (phase == Phase.CONSOLE) {
            return;
        }
        if (phase == Phase.CLOSED) {
            openKeypad();
        }
        touched();
        checking = true;
        notice = KeypadNotice.of(KeypadNotice.Kind.CHECKING_CODE);
        publish();
        long e = epoch;
        ports.backend().verifyTechnicianCode(code).whenComplete((access, failure) -> post(() -> {
            if (e == epoch && phase == Phase.KEYPAD) {
                onCodeChecked(access, failure);
            }
        }));
    }

    private void onCodeChecked(TechnicianAccess access, Throwable failure) {
        checking = false;
        if (failure == null && access.expiresAt().isAfter(timer.now())) {
            enterConsole(access.technician(), "by technician code for " + access.technician() + ", valid until " + access.expiresAt());
            return;
        }
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t == null) {
            notice = new KeypadNotice(KeypadNotice.Kind.CODE_REFUSED, 0, Optional.of(access.expiresAt()), Optional.empty());
            ports.audit().refused("technician code", "expired at " + access.expiresAt());
        } else if (t instanceof BackendException b && (b.kind() == BackendException.Kind.UNREACHABLE
                || b.kind() == BackendException.Kind.SERVER_ERROR)) {
            notice = KeypadNotice.of(KeypadNotice.Kind.BACKEND_UNREACHABLE);
            ports.audit().refused("technician code", "not checked: " + b.getMessage());
        } else {
            Optional<String> detail = t instanceof BackendException b ? b.detail() : Optional.empty();
            notice = new KeypadNotice(KeypadNotice.Kind.CODE_REFUSED, 0, Optional.empty(), detail);
            ports.audit().refused("technician code", detail.orElse(String.valueOf(t.getMessage())));
        }
        publish();
    }

    private void enterConsole(String who, String how) {
        wipe(pin);
        pin = new char[0];
        phase = Phase.CONSOLE;
        technician = who;
        enteredBy = how;
        notice = null;
        page = Page.DEVICES;
        device = null;
        touched();
        ports.audit().entered(how);
        setActive(true);
        publish();
    }

    // ---- the console ----------------------------------------------------------------------------

    /** Any touch on a maintenance screen: the idle timeout starts again. */
    public void touch() {
        post(() -> {
            if (phase != Phase.CLOSED) {
                touched();
            }
        });
    }

    public void show(Page p) {
        post(() -> {
            if (phase != Phase.CONSOLE || p == Page.DEVICE) {
                return;
            }
            touched();
            page = p;
            device = null;
            switch (p) {
                case LOG -> refreshLog();
                case BUNDLE -> refreshVolumes();
                default -> { }
            }
            publish();
        });
    }

    public void showDevice(String name) {
        post(() -> {
            if (phase != Phase.CONSOLE || ports.devices().devices().stream().noneMatch(d -> d.name().equals(name))) {
                return;
            }
            touched();
            page = Page.DEVICE;
            device = name;
            publish();
        });
    }

    /** Runs an action on the device whose page is shown; its result stays on the page until maintenance ends. */
    public void run(DeviceAction action) {
        post(() -> {
            if (phase != Phase.CONSOLE || page != Page.DEVICE || device == null) {
                return;
            }
            touched();
            runOn(device, action);
        });
    }

    /** Power-cycles a device through its relay, from the GPIO panel. */
    public void powerCycle(String name) {
        post(() -> {
            if (phase != Phase.CONSOLE || page != Page.GPIO) {
                return;
            }
            touched();
            runOn(name, DeviceAction.POWER_CYCLE);
        });
    }

    private void runOn(String name, DeviceAction action) {
        Set<DeviceAction> busy = running.computeIfAbsent(name, k -> EnumSet.noneOf(DeviceAction.class));
        if (!busy.add(action)) {
            return;
        }
        publish();
        long e = epoch;
        CompletableFuture<CheckResult> f;
        try {
            f = ports.devices().run(name, action, settings.testWait());
        } catch (RuntimeException ex) {
            f = CompletableFuture.failedFuture(ex);
        }
        f.whenComplete((r, failure) -> post(() -> {
            String outcome = failure == null ? r.summary() : "failed unexpectedly: " + failure;
            ports.audit().action(name, action.name().toLowerCase(Locale.ROOT).replace('_', ' '), outcome);
            if (e != epoch) {
                return;
            }
            running.getOrDefault(name, EnumSet.noneOf(DeviceAction.class)).remove(action);
            if (r != null) {
                results.computeIfAbsent(name, k -> new EnumMap<>(DeviceAction.class)).put(action, r);
            }
            publish();
        }));
    }

    /** The lamp test on the GPIO panel. */
    public void setLight(Light light, boolean on) {
        post(() -> {
            if (phase != Phase.CONSOLE) {
                return;
            }
            touched();
            ports.devices().setLight(light, on);
            lightsTouched.add(light);
            ports.audit().action("lights", light.name().toLowerCase(Locale.ROOT) + (on ? " on" : " off"), "done");
            publish();
        });
    }

    /** Clears the cabinet-door alarm after the technician has shut the door; the GPIO page shows whether it cleared. */
    public void acknowledgeTamper() {
        post(() -> {
            if (phase != Phase.CONSOLE) {
                return;
            }
            touched();
            ports.devices().acknowledgeTamper().whenComplete((ack, failure) -> post(() -> {
                ports.audit().action("sensors", "acknowledge door alarm", failure == null ? ack.name().toLowerCase(Locale.ROOT)
                        : "failed: " + failure.getMessage());
                publish();
            }));
        });
    }

    /** Reads the log's last lines again. */
    public void refreshLog() {
        post(() -> {
            if (phase != Phase.CONSOLE) {
                return;
            }
            long e = epoch;
            CompletableFuture.supplyAsync(() -> {
                try {
                    return ports.log().tail(LOG_LINES);
                } catch (IOException ex) {
                    return List.of("(the log " + ports.log().file() + " cannot be read: " + ex.getMessage() + ")");
                }
            }, worker).thenAccept(lines -> post(() -> {
                if (e == epoch) {
                    logLines = lines;
                    publish();
                }
            }));
        });
    }

    /** Lists the mounted removable volumes again (after a USB stick is plugged in). */
    public void refreshVolumes() {
        post(() -> {
            if (phase != Phase.CONSOLE) {
                return;
            }
            touched();
            long e = epoch;
            CompletableFuture.supplyAsync(ports.volumes()::mounted, worker).thenAccept(list -> post(() -> {
                if (e == epoch) {
                    volumes = list;
                    publish();
                }
            }));
        });
    }

    /** Makes a diagnostic bundle and saves it to the chosen volume. */
    public void saveBundle(Path volume) {
        bundleJob("save to " + volume, () -> {
            if (ports.volumes().mounted().stream().noneMatch(v -> v.path().equals(volume))) {
                return CompletableFuture.completedFuture(new BundleOutcome(false, Optional.empty(), Optional.empty(), 0,
                        "the volume " + volume + " is no longer mounted"));
            }
            byte[] zip = ports.bundles().make();
            Path file = ports.bundles().saveInto(volume, zip);
            return CompletableFuture.completedFuture(new BundleOutcome(true, Optional.of(file), Optional.empty(), zip.length, ""));
        });
    }

    /** Makes a diagnostic bundle and uploads it to the backend for the office. */
    public void uploadBundle() {
        bundleJob("upload", () -> {
            byte[] zip = ports.bundles().make();
            return ports.backend().uploadDiagnostics(zip).handle((receipt, failure) -> failure == null
                    ? new BundleOutcome(true, Optional.empty(), Optional.of(receipt.bundleId()), zip.length, "")
                    : new BundleOutcome(false, Optional.empty(), Optional.empty(), zip.length, reason(failure)));
        });
    }

    private interface BundleWork {
        CompletableFuture<BundleOutcome> run() throws IOException;
    }

    private void bundleJob(String what, BundleWork work) {
        post(() -> {
            if (phase != Phase.CONSOLE || bundleBusy) {
                return;
            }
            touched();
            bundleBusy = true;
            bundle = null;
            publish();
            long e = epoch;
            CompletableFuture.supplyAsync(() -> {
                try {
                    return work.run();
                } catch (IOException | RuntimeException ex) {
                    return CompletableFuture.completedFuture(new BundleOutcome(false, Optional.empty(), Optional.empty(), 0, reason(ex)));
                }
            }, worker).thenCompose(f -> f).thenAccept(outcome -> post(() -> {
                ports.audit().action("kiosk", "diagnostic bundle " + what, outcome.ok()
                        ? outcome.size() + " bytes" + outcome.savedTo().map(p -> " saved to " + p).orElse("")
                                + outcome.uploadedAs().map(id -> " uploaded as " + id).orElse("")
                        : "failed: " + outcome.problem());
                if (e == epoch) {
                    bundleBusy = false;
                    bundle = outcome;
                    publish();
                }
            }));
        });
    }

    private static String reason(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (c instanceof BackendException b) {
            return b.detail().orElse(b.getMessage());
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    // ---- the way out ----------------------------------------------------------------------------

    /** The technician's "leave maintenance" button. */
    public void leave() {
        post(() -> {
            if (phase == Phase.CONSOLE) {
                close("by the technician");
            }
        });
    }

    private void tick() {
        Instant now = timer.now();
        switch (phase) {
            case KEYPAD -> {
                if (!checking && Duration.between(lastTouch, now).compareTo(settings.keypadTimeout()) >= 0) {
                    close("keypad left unused for " + settings.keypadTimeout().toSeconds() + " s");
                } else if (notice != null && notice.kind() == KeypadNotice.Kind.LOCKED && !ports.lock().lockedAt(now)) {
                    notice = null;
                    publish();
                }
            }
            case CONSOLE -> {
                if (Duration.between(lastTouch, now).compareTo(settings.idleTimeout()) >= 0) {
                    close("no touch for " + settings.idleTimeout().toSeconds() + " s");
                } else {
                    publish();
                }
            }
            case CLOSED -> { }
        }
    }

    private void close(String why) {
        boolean wasConsole = phase == Phase.CONSOLE;
        epoch++;
        wipe(pin);
        pin = new char[0];
        checking = false;
        notice = null;
        technician = null;
        page = Page.DEVICES;
        device = null;
        results.clear();
        running.clear();
        logLines = List.of();
        volumes = List.of();
        bundleBusy = false;
        bundle = null;
        for (Light l : lightsTouched) {
            ports.devices().setLight(l, false);
        }
        lightsTouched.clear();
        phase = Phase.CLOSED;
        ports.machine().leaveMaintenance();
        if (wasConsole) {
            ports.audit().left(why + " (entered " + enteredBy + ")");
        } else {
            log.info("maintenance keypad closed: {}", why);
        }
        enteredBy = null;
        setActive(false);
        publish();
    }

    private void setActive(boolean now) {
        if (active == now) {
            return;
        }
        active = now;
        for (Consumer<Boolean> l : activeListeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                log.warn("a maintenance listener failed", e);
            }
        }
    }

    /** Closes maintenance (the kiosk is shutting down) and stops the tick. */
    @Override
    public void close() {
        post(() -> {
            if (phase != Phase.CLOSED) {
                close("the kiosk is shutting down");
            }
            if (ticking != null) {
                ticking.cancel();
            }
        });
    }

    // ---- the mode -------------------------------------------------------------------------------

    private void touched() {
        lastTouch = timer.now();
    }

    private static void wipe(char[] a) {
        Arrays.fill(a, '\0');
    }

    private void post(Runnable r) {
        thread.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("maintenance: internal error in {}; maintenance ends", phase, e);
                if (phase != Phase.CLOSED) {
                    close("internal error");
                }
            }
        });
    }

    private void publish() {
        MaintenanceView v;
        if (phase == Phase.CLOSED) {
            v = MaintenanceView.closed();
        } else if (phase == Phase.KEYPAD) {
            v = new MaintenanceView(phase, pin.length, settings.pinHash().isPresent(), checking, Optional.ofNullable(notice),
                    Optional.empty(), Page.DEVICES, Optional.empty(), List.of(), Set.of(), Map.of(), Set.of(), Optional.empty(), List.of(),
                    Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(), false, Optional.empty(), 0);
        } else {
            MaintenanceDevices d = ports.devices();
            boolean onDevice = page == Page.DEVICE && device != null;
            v = new MaintenanceView(phase, 0, settings.pinHash().isPresent(), false, Optional.empty(), Optional.ofNullable(technician),
                    page, Optional.ofNullable(device), page == Page.DEVICES || onDevice ? d.devices() : List.of(),
                    onDevice ? d.actions(device) : Set.of(), onDevice ? results.getOrDefault(device, Map.of()) : Map.of(),
                    onDevice ? running.getOrDefault(device, Set.of()) : Set.of(),
                    onDevice ? d.powerCycleUnavailable(device) : Optional.empty(), onDevice ? d.trace(device) : List.of(),
                    page == Page.GPIO ? Optional.of(d.gpio()) : Optional.empty(), page == Page.GPIO ? powerRows(d) : List.of(),
                    page == Page.VERSIONS ? Optional.of(ports.versions().get()) : Optional.empty(),
                    page == Page.LOG ? logLines : List.of(), page == Page.BUNDLE ? volumes : List.of(), bundleBusy, Optional.ofNullable(bundle),
                    (int) Math.max(0, settings.idleTimeout().minus(Duration.between(lastTouch, timer.now())).toSeconds()));
        }
        lastView = v;
        for (Consumer<MaintenanceView> l : listeners) {
            tell(l, v);
        }
    }

    private List<MaintenanceView.PowerRow> powerRows(MaintenanceDevices d) {
        return d.devices().stream().map(DeviceStatus::name).filter(n -> d.actions(n).contains(DeviceAction.POWER_CYCLE))
                .map(n -> new MaintenanceView.PowerRow(n, d.powerCycleUnavailable(n),
                        running.getOrDefault(n, Set.of()).contains(DeviceAction.POWER_CYCLE),
                        Optional.ofNullable(results.getOrDefault(n, Map.of()).get(DeviceAction.POWER_CYCLE))))
                .toList();
    }

    private static void tell(Consumer<MaintenanceView> l, MaintenanceView v) {
        try {
            l.accept(v);
        } catch (RuntimeException e) {
            log.warn("a maintenance view listener failed on {}", v, e);
        }
    }
}
