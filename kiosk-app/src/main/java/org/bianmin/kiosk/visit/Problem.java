package org.bianmin.kiosk.visit;

import java.util.Optional;
import org.bianmin.device.DeviceError;

/**
 * What went wrong, for the problem screen: its kind, the device's error when a device caused it, and
 * the step "try again" goes back to (empty when the only way on is to end the visit).
 */
public record Problem(ProblemKind kind, Optional<DeviceError> deviceError, Optional<Step> retryStep) {

    public static Problem of(ProblemKind kind) {
        return new Problem(kind, Optional.empty(), Optional.empty());
    }

    public static Problem retrying(ProblemKind kind, Step step) {
        return new Problem(kind, Optional.empty(), Optional.of(step));
    }

    public Problem withDeviceError(DeviceError e) {
        return new Problem(kind, Optional.of(e), retryStep);
    }

    public boolean canRetry() {
        return retryStep.isPresent();
    }
}
