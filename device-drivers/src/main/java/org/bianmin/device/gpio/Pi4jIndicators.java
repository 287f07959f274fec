package org.bianmin.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Statistics;

/**
 * The guide and fault lights on Pi4J digital outputs, honouring active-low LED drivers; blinking is a
 * chain of one-shot tasks on the device's {@link GpioScheduler}, so no caller ever waits.
 */
public final class Pi4jIndicators extends GpioDevice implements Indicators {
    /** Counter: times the fault light went from off to on or blinking. */
    public static final String FAULT_LIGHT_RAISED = "fault-light-raised";

    private record Command(LightMode mode, Duration period) {}

    private static final Command DARK = new Command(LightMode.OFF, Duration.ZERO);

    /** One light; fields without volatile are touched on the device thread only. */
    private static final class Channel {
        final String use;
        final int bcm;
        volatile Command command = DARK;
        DigitalOutput out;
        boolean lit;
        long generation;
        GpioScheduler.Cancellable blinkTask;
        boolean failing;

        Channel(String use, int bcm) {
            this.use = use;
            this.bcm = bcm;
        }
    }

    private final boolean activeLow;
    private final Map<Light, Channel> channels = new EnumMap<>(Light.class);

    /**
     * @param name       the configured device name, e.g. "indicators"
     * @param pi4j       from {@link GpioContexts}
     * @param pins       the wiring; the light pins and {@link GpioPins#lightsActiveLow()} are used
     * @param scheduler  the device's thread and clock; the caller owns it and closes it after the device
     * @param statistics counters, e.g. {@link Statistics#load}
     */
    public Pi4jIndicators(String name, Context pi4j, GpioPins pins, GpioScheduler scheduler, Statistics statistics) {
        super(name, pi4j, scheduler, statistics);
        Objects.requireNonNull(pins, "pins");
        this.activeLow = pins.lightsActiveLow();
        channels.put(Light.GUIDE, new Channel(GpioPins.GUIDE_LIGHT, pins.guideLight()));
        channels.put(Light.FAULT, new Channel(GpioPins.FAULT_LIGHT, pins.faultLight()));
    }

    @Override
    public void on(Light light) {
        command(light, new Command(LightMode.ON, Duration.ZERO));
    }

    @Override
    public void off(Light light) {
        command(light, DARK);
    }

    @Override
    public void blink(Light light, Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.compareTo(MIN_BLINK_PERIOD) < 0 || period.compareTo(MAX_BLINK_PERIOD) > 0) {
            throw new IllegalArgumentException("blink period " + period.toMillis() + " ms is outside "
                    + MIN_BLINK_PERIOD.toMillis() + " ms.." + MAX_BLINK_PERIOD.toSeconds() + " s; use e.g. "
                    + WAITING_FOR_CARD.toMillis() + " ms");
        }
        command(light, new Command(LightMode.BLINKING, period));
    }

    @Override
    public LightMode mode(Light light) {
        return channel(light).command.mode();
    }

    private void command(Light light, Command command) {
        Channel c = channel(light);
        if (!enabled()) {
            throw new IllegalStateException(name + " is " + state() + "; call open() and enable() before switching lights");
        }
        Command before = c.command;
        c.command = command;
        if (light == Light.FAULT && before.mode() == LightMode.OFF && command.mode() != LightMode.OFF) {
            statistics.increment(FAULT_LIGHT_RAISED);
            log.info("{}: fault light {}", name, command.mode());
        }
        scheduler.execute(() -> apply(c));
    }

    private Channel channel(Light light) {
        return channels.get(Objects.requireNonNull(light, "light"));
    }

    /** Applies the latest command, so a burst of commands ends in the last one whatever order the tasks run. */
    private void apply(Channel c) {
        if (c.out == null) {
            return;
        }
        stopBlinking(c);
        Command cmd = c.command;
        switch (cmd.mode()) {
            case OFF -> set(c, false);
            case ON -> set(c, true);
            case BLINKING -> {
                set(c, true);
                scheduleToggle(c, c.generation, cmd.period().dividedBy(2));
            }
        }
    }

    private void scheduleToggle(Channel c, long generation, Duration half) {
        c.blinkTask = scheduler.schedule(half, () -> {
            if (c.generation == generation && c.out != null) {
                set(c, !c.lit);
                scheduleToggle(c, generation, half);
            }
        });
    }

    private void stopBlinking(Channel c) {
        c.generation++;
        if (c.blinkTask != null) {
            c.blinkTask.cancel();
            c.blinkTask = null;
        }
    }

    private void set(Channel c, boolean lit) {
        try {
            write(c.out, lit != activeLow);
            c.lit = lit;
            if (c.failing) {
                c.failing = false;
                log.info("{}: {} (BCM {}) switches again", name, c.use, c.bcm);
            }
        } catch (DeviceException e) {
            statistics.increment(Statistics.ERRORS);
            if (!c.failing) {
                c.failing = true;
                log.warn("{}: {}", name, e.technicianLine());
            }
        }
    }

    @Override
    protected void openPins() throws DeviceException {
        for (Channel c : channels.values()) {
            // an LED driver that is active-low is dark at HIGH
            c.out = claimOutput(c.use, c.bcm, activeLow);
            c.lit = false;
            c.command = DARK;
        }
    }

    @Override
    protected void beforeClose() {
        for (Channel c : channels.values()) {
            c.command = DARK;
            if (c.out != null) {
                stopBlinking(c);
                set(c, false);
                c.out = null;
            }
        }
    }

    @Override
    protected HealthReport health(HealthLevel level) throws DeviceException {
        List<String> seen = new ArrayList<>();
        for (Channel c : channels.values()) {
            expectLit(c, c.lit);
            if (level != HealthLevel.INTERNAL) {
                boolean was = c.lit;
                for (boolean lit : new boolean[] {!was, was}) {
                    write(c.out, lit != activeLow);
                    c.lit = lit;
                    expectLit(c, lit);
                }
            }
            seen.add(c.use + " " + c.command.mode());
        }
        String how = level == HealthLevel.INTERNAL ? "levels read back" : "each light flashed and read back";
        return HealthReport.ok(name, level, how + ": " + String.join(", ", seen));
    }

    private void expectLit(Channel c, boolean lit) throws DeviceException {
        boolean high = read(c.out);
        if (high != (lit != activeLow)) {
            throw new DeviceException(DeviceError.GPIO_FAULT, c.use + " (BCM " + c.bcm + ") reads " + (high ? "HIGH" : "LOW")
                    + " but should be " + (lit ? "lit" : "dark") + (activeLow ? " (active-low)" : "")
                    + "; check the LED driver and " + GpioPins.LIGHTS_ACTIVE_LOW);
        }
    }
}
