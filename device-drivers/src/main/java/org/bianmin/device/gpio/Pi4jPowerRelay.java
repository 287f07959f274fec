package org.bianmin.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Statistics;

/**
 * Power relays on Pi4J digital outputs: one relay per peripheral, wired through NC (released = powered),
 * honouring active-low relay modules; power cycles are timed on the device's {@link GpioScheduler} and
 * rate-limited per device.
 */
public final class Pi4jPowerRelay extends GpioDevice implements PowerRelay {
    public static final String POWER_CYCLES = "power-cycles";
    public static final String POWER_CYCLES_REFUSED = "power-cycles-refused";

    /** One power cycle in progress; touched on the device thread only. */
    private static final class Cycle {
        final String device;
        final CompletableFuture<PowerCycle> future;
        final Instant off;
        Instant on;
        GpioScheduler.Cancellable next;

        Cycle(String device, CompletableFuture<PowerCycle> future, Instant off) {
            this.device = device;
            this.future = future;
            this.off = off;
        }
    }

    private final GpioPins pins;
    private final RelaySettings settings;
    private final Map<String, RateLimit> limits = new LinkedHashMap<>();
    private final Map<String, DigitalOutput> relays = new LinkedHashMap<>();
    private final Map<String, Cycle> running = new HashMap<>();

    /**
     * @param name       the configured device name, e.g. "power-relay"
     * @param pi4j       from {@link GpioContexts}
     * @param pins       the wiring; {@link GpioPins#relays()} and {@link GpioPins#relaysActiveLow()} are used
     * @param settings   off time, settle time and rate limit
     * @param scheduler  the device's thread and clock; the reopen callbacks run on it. The caller owns it
     *                   and closes it after the device
     * @param statistics counters, e.g. {@link Statistics#load}
     */
    public Pi4jPowerRelay(String name, Context pi4j, GpioPins pins, RelaySettings settings, GpioScheduler scheduler,
                          Statistics statistics) {
        super(name, pi4j, scheduler, statistics);
        this.pins = Objects.requireNonNull(pins, "pins");
        this.settings = Objects.requireNonNull(settings, "settings");
        for (String device : pins.relays().keySet()) {
            limits.put(device, new RateLimit(settings.maxCycles(), settings.window()));
        }
    }

    @Override
    public Set<String> devices() {
        return pins.relays().keySet();
    }

    @Override
    public CompletableFuture<PowerCycle> powerCycle(String device, Runnable reopen) {
        Objects.requireNonNull(reopen, "reopen callback; pass the caller's port reopen, or () -> {} if there is nothing to reopen");
        CompletableFuture<PowerCycle> f = new CompletableFuture<>();
        try {
            scheduler.execute(() -> {
                try {
                    start(device, reopen, f);
                } catch (DeviceException e) {
                    f.completeExceptionally(e);
                } catch (RuntimeException e) {
                    f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "unexpected " + e, e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new DeviceException(DeviceError.INTERNAL, "the GPIO thread of " + name + " is closed", e));
        }
        return f;
    }

    @Override
    public Optional<Instant> nextCycleAllowed(String device) {
        RateLimit limit = limits.get(device);
        if (limit == null) {
            throw new IllegalArgumentException(noRelay(device));
        }
        synchronized (limits) {
            return limit.nextAllowed(scheduler.instant());
        }
    }

    private void start(String device, Runnable reopen, CompletableFuture<PowerCycle> f) throws DeviceException {
        if (!enabled()) {
            throw new DeviceException(DeviceError.INTERNAL, name + " is " + state() + "; call open() and enable() before a power cycle");
        }
        if (!limits.containsKey(device)) {
            throw new DeviceException(DeviceError.BAD_SETTINGS, noRelay(device));
        }
        Instant now = scheduler.instant();
        Cycle busy = running.get(device);
        if (busy != null) {
            Instant done = busy.off.plus(settings.offTime()).plus(settings.settle());
            throw new PowerCycleRefused(device + " is already being power-cycled since " + seconds(busy.off)
                    + "; wait for that cycle to finish (about " + seconds(done) + ")", done);
        }
        RateLimit limit = limits.get(device);
        Optional<Instant> next;
        synchronized (limits) {
            next = limit.tryAcquire(now);
        }
        if (next.isPresent()) {
            statistics.increment(POWER_CYCLES_REFUSED);
            String detail = device + " was power-cycled " + limit.max() + " times in the last " + human(limit.window())
                    + " (limit " + limit.max() + " per " + human(limit.window()) + "); next power cycle allowed at "
                    + seconds(next.get()) + " (in " + human(Duration.between(now, next.get())) + "); if it keeps hanging, call a technician";
            log.warn("{}: power cycle refused: {}", name, detail);
            throw new PowerCycleRefused(detail, next.get());
        }
        DigitalOutput relay = relays.get(device);
        try {
            write(relay, energised());
        } catch (DeviceException e) {
            statistics.increment(Statistics.ERRORS);
            releaseQuietly(device, relay);
            throw e;
        }
        statistics.increment(POWER_CYCLES);
        log.warn("{}: power to {} cut (relay BCM {}); back on in {}", name, device, relay.address(), human(settings.offTime()));
        Cycle cycle = new Cycle(device, f, now);
        running.put(device, cycle);
        cycle.next = scheduler.schedule(settings.offTime(), () -> powerBack(cycle, relay, reopen));
    }

    private void powerBack(Cycle cycle, DigitalOutput relay, Runnable reopen) {
        if (running.get(cycle.device) != cycle) {
            return;
        }
        try {
            write(relay, !energised());
        } catch (DeviceException e) {
            running.remove(cycle.device);
            statistics.increment(Statistics.ERRORS);
            log.error("{}: power to {} could NOT be restored: {}", name, cycle.device, e.technicianLine());
            cycle.future.completeExceptionally(e);
            return;
        }
        cycle.on = scheduler.instant();
        log.info("{}: power to {} restored; reopening after {}", name, cycle.device, human(settings.settle()));
        cycle.next = scheduler.schedule(settings.settle(), () -> reopen(cycle, reopen));
    }

    private void reopen(Cycle cycle, Runnable reopen) {
        if (running.get(cycle.device) != cycle) {
            return;
        }
        running.remove(cycle.device);
        try {
            reopen.run();
        } catch (RuntimeException e) {
            statistics.increment(Statistics.ERRORS);
            log.warn("{}: power to {} is back but its reopen callback failed: {}", name, cycle.device, e.toString());
            cycle.future.completeExceptionally(new DeviceException(DeviceError.INTERNAL,
                    "power to " + cycle.device + " is back but its reopen callback failed: " + e, e));
            return;
        }
        log.info("{}: {} power-cycled and reopened", name, cycle.device);
        cycle.future.complete(new PowerCycle(cycle.device, cycle.off, cycle.on, scheduler.instant()));
    }

    /** The level that energises the coil, opening the NC contact and cutting power. */
    private boolean energised() {
        return !pins.relaysActiveLow();
    }

    private void releaseQuietly(String device, DigitalOutput relay) {
        try {
            write(relay, !energised());
        } catch (DeviceException e) {
            log.error("{}: relay of {} could not be released: {}", name, device, e.technicianLine());
        }
    }

    @Override
    protected void openPins() throws DeviceException {
        for (Map.Entry<String, Integer> r : pins.relays().entrySet()) {
            // claimed released, so opening never cuts power
            relays.put(r.getKey(), claimOutput(GpioPins.RELAY_PREFIX + r.getKey(), r.getValue(), !energised()));
        }
    }

    @Override
    protected void beforeClose() {
        for (Cycle cycle : List.copyOf(running.values())) {
            if (cycle.next != null) {
                cycle.next.cancel();
            }
            cycle.future.completeExceptionally(new DeviceException(DeviceError.GPIO_FAULT, name + " was closed during the power cycle of "
                    + cycle.device + "; power is restored but the port was not reopened"));
        }
        running.clear();
        relays.forEach(this::releaseQuietly);
        relays.clear();
    }

    @Override
    protected HealthReport health(HealthLevel level) throws DeviceException {
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, DigitalOutput> r : relays.entrySet()) {
            Cycle cycle = running.get(r.getKey());
            boolean shouldCut = cycle != null && cycle.on == null;
            boolean high = read(r.getValue());
            boolean cut = high == energised();
            if (cut != shouldCut) {
                throw new DeviceException(DeviceError.GPIO_FAULT, GpioPins.RELAY_PREFIX + r.getKey() + " (BCM " + r.getValue().address()
                        + ") reads " + (cut ? "energised (power cut)" : "released (powered)") + " but should be "
                        + (shouldCut ? "energised" : "released") + "; check the relay module and " + GpioPins.RELAYS_ACTIVE_LOW);
            }
            seen.add(GpioPins.RELAY_PREFIX + r.getKey() + (cut ? " energised (power cut for a cycle)" : " released (powered)"));
        }
        return HealthReport.ok(name, level, (seen.isEmpty() ? "no relays configured" : String.join(", ", seen))
                + "; a health check never switches a relay (that would cut power)");
    }

    private String noRelay(String device) {
        return "no relay is configured for '" + device + "'; configured: "
                + (pins.relays().isEmpty() ? "none" : String.join(", ", pins.relays().keySet()))
                + "; add " + GpioPins.RELAY_PREFIX + device + "=<BCM pin> to the GPIO pins";
    }

    private static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = (ms + 999) / 1000;
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
}
