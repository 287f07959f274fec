package org.bianmin.device.gpio;

import java.time.Duration;
import java.time.Instant;
import org.bianmin.device.DeviceEvent;

/** What the kiosk's sensors report: a person arriving or leaving, the cabinet door opened or the alarm cleared. */
public sealed interface SensorEvent extends DeviceEvent {

    /** Someone stepped in front of the kiosk (presence input went HIGH): wake the screen. */
    record PresenceDetected(String device, Instant at) implements SensorEvent {}

    /** The presence input stayed LOW for the hold time: the person left after being there {@code stayed}. */
    record PresenceLost(String device, Instant at, Duration stayed) implements SensorEvent {}

    /**
     * The door/tamper switch read open (HIGH) for the stable time: the door was opened or its wire cut.
     * The alarm stays raised until {@link Sensors#acknowledgeTamper()}.
     */
    record TamperAlarm(String device, Instant at, String detail) implements SensorEvent {}

    /** A technician acknowledged the tamper alarm with the door closed. */
    record TamperCleared(String device, Instant at) implements SensorEvent {}
}
