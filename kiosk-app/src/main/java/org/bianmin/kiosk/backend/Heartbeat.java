package org.bianmin.kiosk.backend;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the kiosk tells the fleet service every heartbeat interval: its versions, whether it serves citizens or a
 * technician, each device's health and counters, and the services out for want of a device. It carries no
 * personal data: device details are technician texts with ID numbers masked.
 *
 * @param intervalSeconds the kiosk's heartbeat interval: the fleet shows it offline after about three missed beats
 * @param uptimeSeconds   since the kiosk program started
 * @param servicesOut     codes of the services out of service because a device they need is down
 */
public record Heartbeat(Instant sentAt, int intervalSeconds, String appVersion, int configVersion, long uptimeSeconds, Mode mode,
                        List<DeviceReport> devices, List<String> servicesOut) {

    public Heartbeat {
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(mode, "mode");
        devices = List.copyOf(devices);
        servicesOut = List.copyOf(servicesOut);
    }

    /** Serving citizens, or in a technician's hands. */
    public enum Mode {
        SERVICE, MAINTENANCE;

        /** As the API writes it: service, maintenance. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One device as the fleet sees it.
     *
     * @param health ok, warning, failing or down
     * @param state  ENABLED, OPEN, CLOSED or DISCONNECTED
     * @param paper  ok, low or out for a printer
     */
    public record DeviceReport(String name, boolean required, String health, String state, Optional<ReportedError> lastError,
                               Optional<String> paper, Map<String, Long> counters) {
        public DeviceReport {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(lastError, "lastError");
            Objects.requireNonNull(paper, "paper");
            counters = Map.copyOf(counters);
        }
    }

    /** A device's last failure: its technician code (e.g. {@code LNK-06}), the technician's words, when. */
    public record ReportedError(String code, String detail, Instant at) {}
}
