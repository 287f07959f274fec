package org.bianmin.device;

import java.time.Instant;
import java.util.Optional;

/** The outcome of a health check: healthy, or the typed error and a detail for the technician. */
public record HealthReport(String device, HealthLevel level, boolean healthy, DeviceError error, String detail, Instant at) {

    public static HealthReport ok(String device, HealthLevel level, String detail) {
        return new HealthReport(device, level, true, null, detail, Instant.now());
    }

    public static HealthReport failed(String device, HealthLevel level, DeviceException e) {
        return new HealthReport(device, level, false, e.error(), e.getMessage(), Instant.now());
    }

    public Optional<DeviceError> errorIfAny() {
        return Optional.ofNullable(error);
    }
}
