package org.bianmin.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.DeviceWorker;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle every Pi4J-backed device shares: pins are claimed on open and given back on close, all
 * pin work runs on the device's {@link GpioScheduler}, and events flow only while enabled.
 */
abstract class GpioDevice implements Device {
    private static final Duration WAIT = Duration.ofSeconds(5);

    protected final Logger log = LoggerFactory.getLogger(getClass());
    protected final String name;
    protected final Context pi4j;
    protected final GpioScheduler scheduler;
    protected final Statistics statistics;
    private final Listeners listeners = new Listeners();
    private final List<IO<?, ?, ?>> claimed = new ArrayList<>();
    private final Object lifecycle = new Object();
    private volatile DeviceState state = DeviceState.CLOSED;

    GpioDevice(String name, Context pi4j, GpioScheduler scheduler, Statistics statistics) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("device name is empty; give the configured name, e.g. indicators");
        }
        this.name = name;
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j context");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    /** Claims the pins; runs on the device thread. A failure here releases whatever was claimed. */
    protected abstract void openPins() throws DeviceException;

    /** Puts the outputs in their safe state and cancels timers; runs on the device thread before the pins are released. */
    protected abstract void beforeClose();

    /** The health check proper; runs on the device thread while the device is open. */
    protected abstract HealthReport health(HealthLevel level) throws DeviceException;

    /** Called on the caller's thread after the state became {@link DeviceState#ENABLED}. */
    protected void afterEnable() {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open() throws DeviceException {
        synchronized (lifecycle) {
            if (state != DeviceState.CLOSED) {
                return;
            }
            onDeviceThread(() -> {
                try {
                    openPins();
                } catch (DeviceException | RuntimeException e) {
                    releaseAll();
                    throw e;
                }
                return null;
            });
            state = DeviceState.OPEN;
            log.info("{} open", name);
        }
    }

    @Override
    public void enable() {
        synchronized (lifecycle) {
            if (state == DeviceState.CLOSED) {
                throw new IllegalStateException(name + " is closed; call open() before enable()");
            }
            state = DeviceState.ENABLED;
        }
        afterEnable();
    }

    @Override
    public void disable() {
        synchronized (lifecycle) {
            if (state == DeviceState.ENABLED) {
                state = DeviceState.OPEN;
            }
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state == DeviceState.CLOSED) {
                return;
            }
            state = DeviceState.CLOSED;
            try {
                onDeviceThread(() -> {
                    beforeClose();
                    releaseAll();
                    return null;
                });
            } catch (DeviceException e) {
                log.warn("{} did not close cleanly ({}); releasing its pins from this thread", name, e.technicianLine());
                releaseAll();
            }
            log.info("{} closed", name);
        }
    }

    @Override
    public DeviceState state() {
        return state;
    }

    @Override
    public HealthReport checkHealth(HealthLevel level) {
        if (state == DeviceState.CLOSED) {
            return HealthReport.failed(name, level,
                    new DeviceException(DeviceError.GPIO_FAULT, name + " is closed; open it before checking its health"));
        }
        try {
            return onDeviceThread(() -> health(level));
        } catch (DeviceException e) {
            return HealthReport.failed(name, level, e);
        }
    }

    @Override
    public Statistics statistics() {
        return statistics;
    }

    @Override
    public void addListener(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<DeviceEvent> listener) {
        listeners.remove(listener);
    }

    /** Delivers the event to listeners if the device is enabled; call it on the device thread. */
    protected void fire(DeviceEvent event) {
        if (state == DeviceState.ENABLED) {
            listeners.fire(event);
        }
    }

    protected boolean enabled() {
        return state == DeviceState.ENABLED;
    }

    /** Runs the operation on the device thread and waits for it (inline when already there). */
    protected <T> T onDeviceThread(DeviceWorker.Operation<T> op) throws DeviceException {
        if (scheduler.inSchedulerThread()) {
            return op.run();
        }
        try {
            return scheduler.submit(op).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException de) {
                throw de;
            }
            throw new DeviceException(DeviceError.INTERNAL, "unexpected " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DeviceException(DeviceError.TIMEOUT, "the GPIO thread of " + name + " did not answer within "
                    + WAIT.toSeconds() + " s; a task on it is stuck", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceError.INTERNAL, "interrupted while waiting for the GPIO thread of " + name, e);
        }
    }

    /** Claims an output pin at the given level; its level on Pi4J shutdown is the same safe level. */
    protected DigitalOutput claimOutput(String use, int bcm, boolean safeHigh) throws DeviceException {
        DigitalState safe = DigitalState.getState(safeHigh);
        try {
            DigitalOutput out = pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                    .id(name + "." + use).name(use).address(bcm).initial(safe).shutdown(safe));
            claimed.add(out);
            return out;
        } catch (RuntimeException e) {
            throw cannotClaim(use, bcm, e);
        }
    }

    /** Claims an input pin; {@code filter} is the provider's own glitch filter (Pi4J takes it in microseconds). */
    protected DigitalInput claimInput(String use, int bcm, PullResistance pull, Duration filter) throws DeviceException {
        try {
            DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                    .id(name + "." + use).name(use).address(bcm).pull(pull).debounce(filter.toNanos() / 1_000));
            claimed.add(in);
            return in;
        } catch (RuntimeException e) {
            throw cannotClaim(use, bcm, e);
        }
    }

    /** Sets an output level; a failure is a {@link DeviceError#GPIO_FAULT} naming the pin. */
    protected static void write(DigitalOutput out, boolean high) throws DeviceException {
        try {
            out.state(DigitalState.getState(high));
        } catch (RuntimeException e) {
            throw new DeviceException(DeviceError.GPIO_FAULT, out.name() + " (BCM " + out.address() + "): cannot set "
                    + (high ? "HIGH" : "LOW") + ": " + e.getMessage() + "; check the GPIO provider and the wiring", e);
        }
    }

    /** Reads a pin level; a failure or an unknown level is a {@link DeviceError#GPIO_FAULT} naming the pin. */
    protected static boolean read(Digital<?, ?, ?> pin) throws DeviceException {
        DigitalState s;
        try {
            s = pin.state();
        } catch (RuntimeException e) {
            throw new DeviceException(DeviceError.GPIO_FAULT, pin.name() + " (BCM " + pin.address() + "): cannot read: "
                    + e.getMessage() + "; check the GPIO provider and the wiring", e);
        }
        if (s == null || s == DigitalState.UNKNOWN) {
            throw new DeviceException(DeviceError.GPIO_FAULT, pin.name() + " (BCM " + pin.address()
                    + "): level is unknown; the provider has not set or read it yet");
        }
        return s.isHigh();
    }

    private DeviceException cannotClaim(String use, int bcm, RuntimeException e) {
        return new DeviceException(DeviceError.GPIO_FAULT, name + ": cannot claim BCM " + bcm + " (" + use + "): " + e.getMessage()
                + "; check gpio.provider (mock or gpiod), the pin config, and that no other program or device holds the pin", e);
    }

    private void releaseAll() {
        for (int i = claimed.size() - 1; i >= 0; i--) {
            IO<?, ?, ?> io = claimed.get(i);
            try {
                pi4j.shutdown(io.id());
            } catch (RuntimeException e) {
                log.warn("{}: releasing {} failed: {}", name, io.id(), e.toString());
            }
        }
        claimed.clear();
    }
}
