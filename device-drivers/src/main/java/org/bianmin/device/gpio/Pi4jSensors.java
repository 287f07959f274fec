package org.bianmin.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Statistics;

/**
 * The presence sensor and the door/tamper switch on Pi4J digital inputs: presence with a hold time before
 * "lost", the door through a {@link Debouncer} and a latched tamper alarm.
 *
 * <p>Pi4J listeners only hop onto the device's {@link GpioScheduler}; all state lives on that thread.
 */
public final class Pi4jSensors extends GpioDevice implements Sensors {
    public static final String PRESENCE_DETECTIONS = "presence-detections";
    public static final String TAMPER_ALARMS = "tamper-alarms";
    public static final String TAMPER_ACKS = "tamper-acks";

    private final GpioPins pins;
    private final SensorSettings settings;

    private DigitalInput presenceInput;
    private DigitalInput doorInput;
    private Debouncer door;
    private GpioScheduler.Cancellable doorSettle;
    private GpioScheduler.Cancellable presenceLost;
    private boolean presenceRaw;
    private Instant presentSince;
    private Instant tamperSince;
    private long session;

    private volatile boolean present;
    private volatile boolean doorOpen;
    private volatile boolean tamper;

    /**
     * @param name       the configured device name, e.g. "sensors"
     * @param pi4j       from {@link GpioContexts}
     * @param pins       the wiring; the presence and door pins are used
     * @param settings   debounce and hold times
     * @param scheduler  the device's thread and clock; the caller owns it and closes it after the device
     * @param statistics counters, e.g. {@link Statistics#load}
     */
    public Pi4jSensors(String name, Context pi4j, GpioPins pins, SensorSettings settings, GpioScheduler scheduler,
                       Statistics statistics) {
        super(name, pi4j, scheduler, statistics);
        this.pins = Objects.requireNonNull(pins, "pins");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public boolean someonePresent() {
        return present;
    }

    @Override
    public boolean doorOpen() {
        return doorOpen;
    }

    @Override
    public boolean tamperAlarmRaised() {
        return tamper;
    }

    @Override
    public CompletableFuture<TamperAck> acknowledgeTamper() {
        return scheduler.submit(() -> {
            if (!tamper) {
                return TamperAck.NOTHING_RAISED;
            }
            if (door == null) {
                throw new DeviceException(DeviceError.GPIO_FAULT, name + " is closed; open it so the door can be read, then acknowledge");
            }
            if (doorOpen || door.rawLevel()) {
                log.info("{}: tamper acknowledge refused: the door still reads open; close it and try again", name);
                return TamperAck.DOOR_STILL_OPEN;
            }
            tamper = false;
            statistics.increment(TAMPER_ACKS);
            log.warn("{}: tamper alarm raised at {} acknowledged", name, tamperSince);
            fire(new SensorEvent.TamperCleared(name, scheduler.instant()));
            return TamperAck.CLEARED;
        });
    }

    @Override
    protected void openPins() throws DeviceException {
        session++;
        long mine = session;
        presenceInput = claimInput(GpioPins.PRESENCE_SENSOR, pins.presenceSensor(), PullResistance.PULL_DOWN, settings.inputFilter());
        // normally-closed switch to GND with pull-up: closed = LOW, open or cut wire = HIGH
        doorInput = claimInput(GpioPins.DOOR_SWITCH, pins.doorSwitch(), PullResistance.PULL_UP, settings.inputFilter());
        door = new Debouncer(settings.doorStableFor(), scheduler, false);
        presenceInput.addListener(e -> hop(mine, () -> onPresence(e.state().isHigh())));
        doorInput.addListener(e -> hop(mine, () -> onDoor(e.state().isHigh())));
        onPresence(read(presenceInput));
        onDoor(read(doorInput));
    }

    private void hop(long mine, Runnable task) {
        try {
            scheduler.execute(() -> {
                if (session == mine && door != null) {
                    task.run();
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("{}: input edge after the GPIO thread stopped, ignored", name);
        }
    }

    private void onPresence(boolean high) {
        presenceRaw = high;
        if (high) {
            cancelPresenceLost();
            if (!present) {
                present = true;
                presentSince = scheduler.instant();
                statistics.increment(PRESENCE_DETECTIONS);
                log.debug("{}: presence detected", name);
                fire(new SensorEvent.PresenceDetected(name, presentSince));
            }
        } else if (present && presenceLost == null) {
            presenceLost = scheduler.schedule(settings.presenceHold(), this::presenceHoldOver);
        }
    }

    private void presenceHoldOver() {
        presenceLost = null;
        if (present && !presenceRaw) {
            present = false;
            Instant now = scheduler.instant();
            log.debug("{}: presence lost", name);
            fire(new SensorEvent.PresenceLost(name, now, Duration.between(presentSince, now)));
        }
    }

    private void cancelPresenceLost() {
        if (presenceLost != null) {
            presenceLost.cancel();
            presenceLost = null;
        }
    }

    private void onDoor(boolean high) {
        applyDoor(door.edge(high));
        scheduleDoorSettle();
    }

    private void scheduleDoorSettle() {
        if (doorSettle != null) {
            doorSettle.cancel();
            doorSettle = null;
        }
        Optional<Instant> deadline = door.deadline();
        if (deadline.isPresent()) {
            Duration wait = Duration.between(scheduler.instant(), deadline.get());
            doorSettle = scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> {
                doorSettle = null;
                if (door != null) {
                    applyDoor(door.settle());
                    scheduleDoorSettle();
                }
            });
        }
    }

    private void applyDoor(Optional<Boolean> change) {
        if (change.isEmpty()) {
            return;
        }
        boolean open = change.get();
        doorOpen = open;
        if (!open) {
            log.info("{}: door closed{}", name, tamper ? "; the tamper alarm stays raised until acknowledged" : "");
            return;
        }
        if (tamper) {
            log.warn("{}: door opened again while the tamper alarm is raised", name);
            return;
        }
        tamper = true;
        tamperSince = scheduler.instant();
        statistics.increment(TAMPER_ALARMS);
        String detail = "door open or switch wire cut: BCM " + pins.doorSwitch() + " HIGH for "
                + settings.doorStableFor().toMillis() + " ms or more";
        log.warn("{}: TAMPER ALARM raised: {}", name, detail);
        fire(new SensorEvent.TamperAlarm(name, tamperSince, detail));
    }

    @Override
    protected void beforeClose() {
        session++;
        cancelPresenceLost();
        if (doorSettle != null) {
            doorSettle.cancel();
            doorSettle = null;
        }
        presenceInput = null;
        doorInput = null;
        door = null;
        present = false;
        doorOpen = false;
    }

    @Override
    protected HealthReport health(HealthLevel level) throws DeviceException {
        boolean someone = read(presenceInput);
        boolean open = read(doorInput);
        if (tamper) {
            throw new DeviceException(DeviceError.GPIO_FAULT, "tamper alarm raised at " + tamperSince
                    + " is not acknowledged; check the cabinet, close the door, then acknowledge it");
        }
        return HealthReport.ok(name, level, GpioPins.PRESENCE_SENSOR + " " + (someone ? "HIGH (someone there)" : "LOW (nobody)")
                + ", " + GpioPins.DOOR_SWITCH + " " + (open ? "HIGH (open or wire cut)" : "LOW (closed)") + ", no tamper alarm");
    }
}
