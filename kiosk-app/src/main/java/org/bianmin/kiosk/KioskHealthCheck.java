package org.bianmin.kiosk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bianmin.config.DeviceKind;
import org.bianmin.config.KioskConfig;
import org.bianmin.kiosk.backend.HttpKioskBackend;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.devices.DeviceHealth;
import org.bianmin.kiosk.devices.DeviceSupervisor;
import org.bianmin.kiosk.fleet.HealthCheck;

/**
 * The kiosk's check right after a configuration was applied: every device the configuration calls required is usable
 * as the supervisor last saw it (a device reopened with new settings was checked as it was reopened), the backend
 * answers, and it offers at least one of the services the configuration names (noting those it does not offer).
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
            return Health.failing(backend.certificateRefused().map(why -> "the backend at " + applied.backend().url()
                    + " cannot be reached securely: " + why).orElse("the backend at " + applied.backend().url() + " does not answer"));
        }
        if (applied.services().isEmpty() && applied.guides().isEmpty()) {
            return Health.ok();
        }
        Optional<List<String>> offered = offered();
        if (offered.isEmpty()) {
            return Health.ok(List.of("the services it names were not checked: the backend's service list did not come"));
        }
        return servicesOffered(applied, offered.get());
    }

    /**
     * The config's services and guides against the codes the backend offers this kiosk: a config none of whose services
     * is offered would leave Home empty and fails; a code not offered is noted (a typo, or a service not enabled here).
     */
    static Health servicesOffered(KioskConfig applied, List<String> offered) {
        List<String> missing = applied.services().stream().filter(code -> !offered.contains(code)).toList();
        if (!applied.services().isEmpty() && missing.size() == applied.services().size()) {
            return Health.failing("none of the services it names (" + String.join(", ", missing) + ") is offered to this kiosk by "
                    + "the backend, which offers " + (offered.isEmpty() ? "none" : String.join(", ", offered))
                    + ", so Home would offer nothing");
        }
        List<String> notes = new ArrayList<>();
        if (!missing.isEmpty()) {
            notes.add("services: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not offered to this kiosk by the backend, so Home does not show " + (missing.size() == 1 ? "it" : "them"));
        }
        List<String> guides = applied.guides().keySet().stream().filter(code -> !offered.contains(code)).sorted().toList();
        if (!guides.isEmpty()) {
            notes.add("guides: " + String.join(", ", guides) + (guides.size() == 1 ? " is" : " are")
                    + " not offered to this kiosk, so " + (guides.size() == 1 ? "its guide is" : "their guides are") + " never shown");
        }
        return Health.ok(notes);
    }

    /** The device's last error as a technician reads it, e.g. "LNK-01 /dev/ttyUSB3 does not exist; ports found: /dev/ttyS0". */
    private static String why(DeviceHealth h) {
        return h.lastError().map(e -> e.code() + " " + e.detail()).orElse(h.health().wire() + " (" + h.state() + ")");
    }

    /** The codes of the services the backend offers this kiosk, or empty when they did not come in time. */
    private Optional<List<String>> offered() {
        try {
            List<ServiceInfo> services = backend.services().get(backendDeadline.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(services.stream().map(ServiceInfo::code).toList());
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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
