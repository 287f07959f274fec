package org.bianmin.kiosk.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bianmin.config.RecoverySettings;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.PersonalData;
import org.bianmin.device.gpio.PowerCycle;
import org.bianmin.device.gpio.PowerCycleRefused;
import org.bianmin.device.gpio.PowerRelay;
import org.bianmin.kiosk.devices.DeviceHealth.Health;
import org.bianmin.kiosk.devices.DeviceHealth.LastError;
import org.bianmin.kiosk.devices.DeviceHealth.Paper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the kiosk's devices and brings back one that stops answering. Every check interval it runs each
 * device's internal health check (no paper moves, no card needed) on its own thread and keeps a
 * {@link DeviceHealth} per device. After the configured number of unanswered checks in a row it power-cycles
 * the device through its relay, when one is wired and the relay's hourly limit allows, and reopens it; a device
 * with no relay is reopened only. A device that never opened is tried again at every check. Listeners hear
 * every change a technician or the fleet would notice. Devices replaced with new settings while the kiosk runs
 * are watched afresh ({@link #rewatch}), the others as they were.
 */
public final class DeviceSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeviceSupervisor.class);

    /** Counted in each device's statistics: power cycles through its relay. */
    public static final String POWER_CYCLES = "power-cycles";
    /** Counted in each device's statistics: times it was failing or down and came back after the supervisor acted. */
    public static final String RECOVERIES = "recoveries";
    /** Counted in each device's statistics: times the supervisor opened it again. */
    public static final String REOPENS = "reopens";

    /** Failures that mean the device did not answer: what a power cycle can cure (paper out or a cover cannot). */
    private static final Set<DeviceError> NO_ANSWER = EnumSet.of(DeviceError.TIMEOUT, DeviceError.DISCONNECTED, DeviceError.LINK_IO);
    // an 18-character resident ID number inside a device's detail text
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    /** Time allowed for the reopen after power returns: a driver's open waits a few seconds for its device at most. */
    private static final Duration REOPEN_ALLOWANCE = Duration.ofSeconds(30);

    /**
     * @param checkInterval            between the end of one round of checks and the start of the next
     * @param timeoutsBeforePowerCycle unanswered checks in a row before the device is power-cycled or reopened
     * @param powerCycleWait           the longest wait for a power cycle and its reopen
     */
    public record Settings(Duration checkInterval, int timeoutsBeforePowerCycle, Duration powerCycleWait) {
        public Settings {
            if (checkInterval == null || !checkInterval.isPositive()) {
                throw new IllegalArgumentException("check interval must be positive, e.g. 15 s");
            }
            if (timeoutsBeforePowerCycle < 1) {
                throw new IllegalArgumentException("timeouts before a power cycle must be at least 1, e.g. 3");
            }
            if (powerCycleWait == null || !powerCycleWait.isPositive()) {
                throw new IllegalArgumentException("power cycle wait must be positive, e.g. 33 s");
            }
        }

        /** From the configuration: the wait for a power cycle is the relay's off time and time for the reopen. */
        public static Settings from(RecoverySettings r) {
            return new Settings(r.checkInterval(), r.timeoutsBeforePowerCycle(), r.powerOff().plus(REOPEN_ALLOWANCE));
        }
    }

    /**
     * One device to watch.
     *
     * @param device      the driver; empty when it could not even be built
     * @param paper       reads a printer's paper after a check; empty for other devices
     * @param openFailure why the driver could not be built, when it could not
     */
    public record Watched(String name, Optional<Device> device, boolean required, Supplier<Optional<Paper>> paper,
                          Optional<DeviceException> openFailure) {
        public Watched {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(paper, "paper");
            Objects.requireNonNull(openFailure, "openFailure");
        }

        public static Watched device(String name, Device device, boolean required) {
            return new Watched(name, Optional.of(device), required, Optional::empty, Optional.empty());
        }

        /** A device whose driver could not be built: down, with the reason. */
        public static Watched missing(String name, boolean required, DeviceException why) {
            return new Watched(name, Optional.empty(), required, Optional::empty, Optional.of(why));
        }

        public Watched withPaper(Supplier<Optional<Paper>> reader) {
            return new Watched(name, device, required, reader, openFailure);
        }
    }

    /** What the supervisor knows of one device; everything but {@link #health} is touched on the supervisor's thread only. */
    private static final class Entry {
        /** Replaced when a device change leaves the driver but changes its required flag. */
        volatile Watched watched;
        volatile DeviceHealth health;
        int unanswered;
        /** It was failing and the supervisor acted: coming back counts as a recovery. */
        boolean acted;
        /** The relay refused another power cycle until then: the device is given up on until that time. */
        Instant givenUpUntil;
        LastError lastError;
        /** It was just replaced with new settings: coming back is the reopen's doing, not a recovery. */
        volatile boolean replaced;

        Entry(Watched watched) {
            this.watched = watched;
        }

        String name() {
            return watched.name();
        }
    }

    /** The watched devices in order; replaced whole, on the supervisor's thread, when the devices change. */
    private volatile Map<String, Entry> entries;
    private volatile Optional<PowerRelay> relay;
    private volatile Settings settings;
    /** Held while the watched devices are swapped, and while a verdict is recorded and told. */
    private final Object swap = new Object();
    private final List<Consumer<DeviceHealth>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("device-supervisor").unstarted(r));
    private ScheduledFuture<?> rounds;

    /**
     * @param devices the devices to watch, in the order the health list shows them
     * @param relay   the power relay, if the kiosk has one; it power-cycles the devices it names
     */
    public DeviceSupervisor(List<Watched> devices, Optional<PowerRelay> relay, Settings settings) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.settings = Objects.requireNonNull(settings, "settings");
        Instant now = Instant.now();
        Map<String, Entry> all = new LinkedHashMap<>();
        for (Watched w : devices) {
            Entry e = fresh(w, now);
            all.put(w.name(), e);
        }
        entries = Collections.unmodifiableMap(all);
    }

    /** A device not yet checked: up if its driver is open, down (with the reason) if it never opened. */
    private static Entry fresh(Watched w, Instant now) {
        Entry e = new Entry(w);
        w.openFailure().ifPresent(x -> e.lastError = new LastError(x.error(), mask(x.getMessage()), now));
        DeviceState state = w.device().map(Device::state).orElse(DeviceState.CLOSED);
        Health h = state == DeviceState.ENABLED || state == DeviceState.OPEN ? Health.OK : Health.DOWN;
        e.health = new DeviceHealth(w.name(), w.required(), h, state, Optional.ofNullable(e.lastError), Optional.empty(),
                counters(w), now);
        return e;
    }

    /** Checks every device now, then every check interval, until {@link #close()}. */
    public synchronized void start() {
        if (rounds != null) {
            return;
        }
        rounds = thread.scheduleWithFixedDelay(this::round, 0, settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * What a change of the kiosk's devices left.
     *
     * @param replaced the names of the devices whose drivers were replaced
     * @param devices  every device to watch now, in the order the health list shows them
     * @param relay    the power relay now
     * @param settings how the devices are watched now
     */
    public record Change(Set<String> replaced, List<Watched> devices, Optional<PowerRelay> relay, Settings settings) {
        public Change {
            replaced = Set.copyOf(replaced);
            devices = List.copyOf(devices);
            Objects.requireNonNull(relay, "relay");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * Watches the devices a change left, at once and from any thread (the kiosk calls it right after it replaced
     * drivers, between visits): a replaced device starts afresh; the others keep what was known of them (last error,
     * unanswered checks, a relay's refusal) with their {@code required} flag as now given. A check of a replaced driver
     * still under way is dropped when it ends. Listeners hear a replaced device's health after its first check, if it
     * differs from what they heard of its predecessor; {@link #check(Set)} checks it now.
     */
    public void rewatch(Change c) {
        Instant now = Instant.now();
        synchronized (swap) {
            Map<String, Entry> before = entries;
            Map<String, Entry> next = new LinkedHashMap<>();
            for (Watched w : c.devices()) {
                Entry old = before.get(w.name());
                if (old == null || c.replaced().contains(w.name())) {
                    Entry e = fresh(w, now);
                    if (old != null) {
                        // compared with what the listeners last heard, so that they hear the new driver's health if it differs
                        e.health = old.health;
                        e.replaced = true;
                    }
                    next.put(w.name(), e);
                } else {
                    old.watched = w;
                    DeviceHealth h = old.health;
                    old.health = new DeviceHealth(h.name(), w.required(), h.health(), h.state(), h.lastError(), h.paper(), h.counters(),
                            h.checkedAt());
                    next.put(w.name(), old);
                }
            }
            entries = Collections.unmodifiableMap(next);
            relay = c.relay();
        }
        watchWith(c.settings());
    }

    /** Checks the named devices now, after any round under way, and gives every device's health after it. */
    public CompletableFuture<List<DeviceHealth>> check(Set<String> devices) {
        return onThread(() -> {
            for (Entry e : entries.values()) {
                if (devices.contains(e.name())) {
                    check(e);
                }
            }
            return health();
        });
    }

    private boolean current(Entry e) {
        return entries.get(e.name()) == e;
    }

    /** New check timing: the rounds go on at the new interval from now. */
    private synchronized void watchWith(Settings next) {
        Settings before = settings;
        settings = next;
        if (rounds != null && !before.checkInterval().equals(next.checkInterval())) {
            rounds.cancel(false);
            rounds = thread.scheduleWithFixedDelay(this::round, next.checkInterval().toMillis(), next.checkInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The devices as last seen, in the order given. */
    public List<DeviceHealth> health() {
        List<DeviceHealth> all = new ArrayList<>();
        entries.values().forEach(e -> all.add(e.health));
        return List.copyOf(all);
    }

    public Optional<DeviceHealth> health(String device) {
        return Optional.ofNullable(entries.get(device)).map(e -> e.health);
    }

    /** Called on the supervisor's thread with a device's new health whenever it changes; a listener that throws is logged. */
    public void addListener(Consumer<DeviceHealth> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<DeviceHealth> listener) {
        listeners.remove(listener);
    }

    /** Runs a round of checks now (after any round under way) and gives the devices' health after it. */
    public CompletableFuture<List<DeviceHealth>> checkNow() {
        return onThread(() -> {
            round();
            return health();
        });
    }

    /**
     * Power-cycles {@code device} through its relay now and reopens it, as a technician asks from the maintenance
     * screen; the future gives its health checked afterwards. It fails with a {@link DeviceException}:
     * {@code BAD_SETTINGS} when there is no such device or no relay is wired to it, {@link PowerCycleRefused}
     * ({@code RATE_LIMITED}) when the relay's hourly limit is used up, {@code GPIO_FAULT} when the relay cannot
     * be switched.
     */
    public CompletableFuture<DeviceHealth> powerCycle(String device) {
        return onThread(() -> {
            Entry e = entries.get(device);
            if (e == null) {
                throw new DeviceException(DeviceError.BAD_SETTINGS, "no device is called '" + device + "'; the kiosk's devices are "
                        + String.join(", ", entries.keySet()));
            }
            PowerRelay r = relayOf(device).orElseThrow(() -> new DeviceException(DeviceError.BAD_SETTINGS, "no relay is wired to "
                    + device + (relay.isEmpty() ? "; the kiosk has no power relay (devices.gpio.relays)"
                    : "; relays are wired to " + String.join(", ", relay.get().devices()) + " (devices.gpio.relays)")));
            Optional<Device> d = e.watched.device();
            PowerCycle cycle = await(r.powerCycle(device, () -> d.ifPresent(x -> reopen(device, x))));
            d.ifPresent(x -> x.statistics().increment(POWER_CYCLES));
            log.info("{}: power-cycled on request ({} unpowered) and reopened", device, seconds(cycle.unpowered()));
            e.acted = !e.health.usable();
            e.unanswered = 0;
            check(e);
            return e.health;
        });
    }

    /** Stops checking; a power cycle under way finishes on the relay's own thread. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("the device supervisor did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws DeviceException, InterruptedException;
    }

    private <T> CompletableFuture<T> onThread(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    f.complete(work.run());
                } catch (DeviceException e) {
                    f.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "the device supervisor was stopped"));
                } catch (RuntimeException e) {
                    f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "unexpected " + e, e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "the device supervisor is closed"));
        }
        return f;
    }

    private void round() {
        for (Entry e : entries.values()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                check(e);
                // given up on: checked still, but not power-cycled again before the relay's limit allows
                boolean givenUp = e.givenUpUntil != null && Instant.now().isBefore(e.givenUpUntil);
                if (e.unanswered >= settings.timeoutsBeforePowerCycle() && !givenUp && current(e)) {
                    recover(e);
                }
            } catch (RuntimeException x) {
                // a defect in one check must not stop the others, nor the next round
                log.error("{}: the health check broke unexpectedly: {}", e.name(), x.toString());
            }
        }
    }

    /** Checks one device (opening it first if it is closed) and records the verdict. */
    private void check(Entry e) {
        Optional<Device> device = e.watched.device();
        if (device.isEmpty()) {
            record(e, null, null);
            return;
        }
        Device d = device.get();
        HealthReport r = d.state() == DeviceState.CLOSED ? openAgain(e, d) : checkHealth(d);
        if (Thread.currentThread().isInterrupted()) {
            // the supervisor is closing: a check cut short says nothing about the device
            return;
        }
        boolean noAnswer = !r.healthy() && (NO_ANSWER.contains(r.error()) || d.state() == DeviceState.DISCONNECTED);
        e.unanswered = noAnswer ? e.unanswered + 1 : 0;
        record(e, d, r);
    }

    private static HealthReport checkHealth(Device d) {
        try {
            return d.checkHealth(HealthLevel.INTERNAL);
        } catch (RuntimeException x) {
            return HealthReport.failed(d.name(), HealthLevel.INTERNAL, new DeviceException(DeviceError.INTERNAL, "unexpected " + x));
        }
    }

    /** A device that never opened (or was closed) is opened and enabled again; the check tells how that went. */
    private HealthReport openAgain(Entry e, Device d) {
        try {
            d.open();
            d.enable();
        } catch (DeviceException x) {
            return HealthReport.failed(d.name(), HealthLevel.INTERNAL, x);
        } catch (RuntimeException x) {
            return HealthReport.failed(d.name(), HealthLevel.INTERNAL, new DeviceException(DeviceError.INTERNAL, x.getMessage()));
        }
        d.statistics().increment(REOPENS);
        e.acted = true;
        log.info("{} opened again", d.name());
        return checkHealth(d);
    }

    /** The device stopped answering: a power cycle through its relay and a reopen, or a reopen only. */
    private void recover(Entry e) {
        Device d = e.watched.device().orElseThrow();
        String name = e.name();
        String why = e.lastError.code() + " " + e.lastError.error().name() + ": no answer to " + e.unanswered + " health check"
                + (e.unanswered == 1 ? "" : "s in a row");
        e.unanswered = 0;
        e.acted = true;
        Optional<PowerRelay> r = relayOf(name);
        if (r.isEmpty()) {
            log.warn("{}: {}; no relay is wired to it, so it is reopened only", name, why);
            reopen(name, d);
        } else {
            try {
                PowerCycle cycle = await(r.get().powerCycle(name, () -> reopen(name, d)));
                d.statistics().increment(POWER_CYCLES);
                log.warn("{}: {}; power-cycled through its relay ({} unpowered) and reopened", name, why, seconds(cycle.unpowered()));
            } catch (PowerCycleRefused x) {
                e.givenUpUntil = x.notBefore();
                log.warn("{}: {}; not power-cycled ({}); reopened only", name, why, x.getMessage());
                reopen(name, d);
            } catch (DeviceException x) {
                log.warn("{}: {}; the power cycle failed ({}); reopened only", name, why, x.technicianLine());
                reopen(name, d);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        check(e);
    }

    /**
     * Opens the device again: enabled devices are disabled and enabled (the drivers resynchronise with the device),
     * closed ones opened and enabled. A device disabled on purpose stays so; a disconnected one is left to its link's
     * watchdog. Runs on the relay's thread after a power cycle, so it touches only the device.
     */
    private static void reopen(String name, Device d) {
        try {
            switch (d.state()) {
                case CLOSED -> {
                    d.open();
                    d.enable();
                }
                case ENABLED -> {
                    d.disable();
                    d.enable();
                }
                case OPEN, DISCONNECTED -> {
                    return;
                }
            }
            d.statistics().increment(REOPENS);
        } catch (DeviceException x) {
            log.warn("{}: reopening failed: {}", name, x.technicianLine());
        } catch (RuntimeException x) {
            log.warn("{}: reopening failed: {}", name, x.getMessage());
        }
    }

    private PowerCycle await(CompletableFuture<PowerCycle> cycle) throws DeviceException, InterruptedException {
        try {
            return cycle.get(settings.powerCycleWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException x) {
            if (x.getCause() instanceof DeviceException de) {
                throw de;
            }
            throw new DeviceException(DeviceError.INTERNAL, "the power cycle broke: " + x.getCause());
        } catch (TimeoutException x) {
            throw new DeviceException(DeviceError.GPIO_FAULT, "the power cycle did not end within " + seconds(settings.powerCycleWait()));
        }
    }

    private Optional<PowerRelay> relayOf(String device) {
        return relay.filter(r -> r.devices().contains(device));
    }

    /** Records a verdict ({@code d} and {@code r} null for a device that could not be built) and tells the listeners of a change. */
    private void record(Entry e, Device d, HealthReport r) {
        Instant now = Instant.now();
        if (r != null && !r.healthy()) {
            DeviceError error = r.error() == null ? DeviceError.INTERNAL : r.error();
            e.lastError = new LastError(error, mask(r.detail()), r.at());
        }
        Optional<Paper> paper = d == null ? Optional.empty() : paper(e);
        Health health;
        if (r != null && r.healthy()) {
            health = paper.filter(p -> p == Paper.LOW).isPresent() ? Health.WARNING : Health.OK;
        } else if (d == null || d.state() == DeviceState.CLOSED || (e.givenUpUntil != null && now.isBefore(e.givenUpUntil))) {
            health = Health.DOWN;
        } else {
            health = Health.FAILING;
        }
        synchronized (swap) {
            if (current(e)) {
                tell(e, d, r, health, paper, now);
            }
        }
    }

    /** Keeps the verdict of a device still watched and tells the listeners of a change; under the swap lock. */
    private void tell(Entry e, Device d, HealthReport r, Health health, Optional<Paper> paper, Instant now) {
        DeviceHealth before = e.health;
        boolean back = (health == Health.OK || health == Health.WARNING) && !before.usable();
        if (back) {
            if (e.replaced) {
                log.info("{} is usable with its new settings: {}", e.name(), mask(r.detail()));
            } else if (e.acted) {
                d.statistics().increment(RECOVERIES);
                log.info("{} recovered: {}", e.name(), mask(r.detail()));
            } else {
                log.info("{} is back by itself: {}", e.name(), mask(r.detail()));
            }
            e.acted = false;
            e.givenUpUntil = null;
        }
        e.replaced = false;
        DeviceHealth next = new DeviceHealth(e.name(), e.watched.required(), health,
                d == null ? DeviceState.CLOSED : d.state(), Optional.ofNullable(e.lastError), paper, counters(e.watched), now);
        e.health = next;
        if (!next.differsFrom(before)) {
            return;
        }
        if (!next.usable() && before.usable()) {
            log.warn("{} is {}: {}", e.name(), health.wire(), next.lastError().map(x -> x.code() + " " + x.error().name() + ": "
                    + x.detail()).orElse("not open"));
        }
        for (Consumer<DeviceHealth> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException x) {
                log.warn("a device health listener failed on {}: {}", e.name(), x.toString());
            }
        }
    }

    private static Optional<Paper> paper(Entry e) {
        try {
            return e.watched.paper().get();
        } catch (RuntimeException x) {
            return Optional.empty();
        }
    }

    private static Map<String, Long> counters(Watched w) {
        return w.device().map(d -> d.statistics().snapshot()).orElse(Map.of());
    }

    /** A device's detail text with any ID number in it masked: details reach logs, screens and the fleet. */
    static String mask(String detail) {
        if (detail == null) {
            return "";
        }
        return ID_NUMBER.matcher(detail).replaceAll(m -> PersonalData.maskIdNumber(m.group()));
    }

    /** Seconds to a tenth, e.g. "3 s", "1.2 s". */
    private static String seconds(Duration d) {
        long tenths = Math.round(d.toMillis() / 100.0);
        return (tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10) + " s";
    }
}
