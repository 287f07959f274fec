package org.bianmin.kiosk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bianmin.config.DeviceKind;
import org.bianmin.config.KioskConfig;
import org.bianmin.kiosk.backend.HttpKioskBackend;
import org.bianmin.kiosk.devices.DeviceHealth;
import org.bianmin.kiosk.devices.DeviceSupervisor;
import org.bianmin.kiosk.fleet.HealthCheck;

/**
 * The kiosk's check right after a configuration was applied: every device the configuration calls required is usable
 * as the supervisor last saw it (a device reopened with new settings was checked as it was reopened), and the backend
 * answers.
 */
final class KioskHealthCheck implements HealthCheck {
    private final DeviceSupervisor supervisor;
    private final HttpKioskBackend backend;
    private final Duration backendDeadline;

    /** @param backendDeadline how long to wait for the backend's answer to the probe */
    KioskHealthCheck(DeviceSupervisor supervisor, HttpKioskBackend backend, Duration backendDeadline) {
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.backendDeadline = Objects.requireNonNull(backendDeadline, "backendDeadline");
    }

    @Override
    public Health check(KioskConfig applied) {
        for (DeviceKind kind : DeviceKind.values()) {
            if (!applied.devices().required(kind)) {
                continue;
            }
            Optional<DeviceHealth> h = supervisor.health(kind.deviceName());
            if (h.isEmpty()) {
                return Health.failing("the required " + kind.deviceName() + " (devices." + kind.key() + ") is not open on this kiosk");
            }
            if (!h.get().usable()) {
                return Health.failing("the required " + kind.deviceName() + " (devices." + kind.key() + ") is not usable: " + why(h.get()));
            }
        }
        if (!probe()) {
            return Health.failing("the backend at " + applied.backend().url() + " does not answer");
        }
        return Health.ok();
    }

    /** The device's last error as a technician reads it, e.g. "LNK-01 /dev/ttyUSB3 does not exist; ports found: /dev/ttyS0". */
    private static String why(DeviceHealth h) {
        return h.lastError().map(e -> e.code() + " " + e.detail()).orElse(h.health().wire() + " (" + h.state() + ")");
    }

    private boolean probe() {
        try {
            return backend.probe().get(backendDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
