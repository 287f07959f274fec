package org.bianmin.kiosk.maintenance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.gpio.Light;
import org.bianmin.device.gpio.TamperAck;
import org.bianmin.kiosk.devices.LinkTrace;

/**
 * The kiosk's devices as the technician's screens need them: the list with health and counters, each device's
 * actions, its hex trace, and the GPIO panel. Futures complete off the caller's thread; nothing here blocks.
 */
public interface MaintenanceDevices {

    /** Every device of the kiosk, in a fixed order. */
    List<DeviceStatus> devices();

    /** The actions that apply to this device (a scanner has no paper, lights no external check). */
    Set<DeviceAction> actions(String device);

    /**
     * Runs one action. {@link DeviceAction#EXTERNAL_CHECK} waits up to {@code wait} for the technician's part (placing
     * a test card, showing a code). The future never fails: a failure is a {@link CheckResult} that says why.
     */
    CompletableFuture<CheckResult> run(String device, DeviceAction action, Duration wait);

    /** Why this device cannot be power-cycled now, in technician words (no relay wired, GPIO off…); empty when it can. */
    Optional<String> powerCycleUnavailable(String device);

    /** The last frames that crossed its serial link, personal data withheld; empty for devices without one. */
    List<LinkTrace.Line> trace(String device);

    /** The lights and sensors now. */
    GpioState gpio();

    /** Turns a light on or off (the technician's lamp test); ignored when there is no GPIO. */
    void setLight(Light light, boolean on);

    /** Clears the latched cabinet-door alarm once the door is shut again; {@link TamperAck#NOTHING_RAISED} without GPIO. */
    CompletableFuture<TamperAck> acknowledgeTamper();
}
