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
 * as the supervisor last saw it, and the backend answers.
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
                return Health.failing("the required " + kind.deviceName() + " (devices." + kind.key() + ") is not usable: " + h.get());
            }
        }
        if (!probe()) {
            return Health.failing("the backend at " + applied.backend().url() + " does not answer");
        }
        return Health.ok();
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
