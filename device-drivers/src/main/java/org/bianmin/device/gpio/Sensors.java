package org.bianmin.device.gpio;

import java.util.concurrent.CompletableFuture;
import org.bianmin.device.Device;

/**
 * The kiosk's sensors as the app sees them: is someone in front of it, and has the cabinet been opened.
 *
 * <p>Events ({@link SensorEvent}) arrive on the device's own thread while enabled. Inputs are watched from
 * {@link #open()} on, so a door opened while the device is only open still latches the alarm; read the
 * current state with the query methods after {@link #enable()}.
 */
public interface Sensors extends Device {

    /** True while someone is in front of the kiosk (including the hold time after they step away). */
    boolean someonePresent();

    /** The debounced door level: true when the door is open or its switch wire is cut. */
    boolean doorOpen();

    /** True from a tamper alarm until it is acknowledged, even if the door was closed in between. */
    boolean tamperAlarmRaised();

    /**
     * Clears a latched tamper alarm, if the door is closed; logged and counted. Completes on the device thread.
     */
    CompletableFuture<TamperAck> acknowledgeTamper();
}
