package org.bianmin.kiosk.devices;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceState;

/**
 * How one device is, as the {@link DeviceSupervisor} last saw it: what the maintenance screens show and the
 * heartbeat reports. It holds no personal data: details are the devices' technician texts with any ID number
 * masked.
 *
 * @param name      the device's name, e.g. {@code receipt-printer}
 * @param required  whether the services that cannot do without it stop while it is down
 * @param health    the verdict of the last check
 * @param state     the driver's lifecycle state ({@link DeviceState#CLOSED} for a device that never opened)
 * @param lastError the last failure seen, kept after the device recovers
 * @param paper     the paper of a printer; empty for other devices or when not yet known
 * @param counters  the device's statistics, with {@link DeviceSupervisor#POWER_CYCLES}, {@link DeviceSupervisor#RECOVERIES}
 *                  and {@link DeviceSupervisor#REOPENS}
 * @param checkedAt when the last check ended
 */
public record DeviceHealth(String name, boolean required, Health health, DeviceState state, Optional<LastError> lastError,
                           Optional<Paper> paper, Map<String, Long> counters, Instant checkedAt) {

    public DeviceHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(paper, "paper");
        counters = Map.copyOf(counters);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** The verdict of a check. */
    public enum Health {
        /** The last check passed. */
        OK,
        /** It works but needs attention soon (paper low). */
        WARNING,
        /** Checks fail now; a recovery may be under way. */
        FAILING,
        /** Not open, or given up on until a technician comes or the power-cycle limit allows another try. */
        DOWN;

        /** As the fleet API writes it: ok, warning, failing, down. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A printer's paper roll or tray. */
    public enum Paper {
        OK, LOW, OUT;

        /** As the fleet API writes it: ok, low, out. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A failure with its technician code, the device's words for it and when it was seen. */
    public record LastError(DeviceError error, String detail, Instant at) {
        public LastError {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(at, "at");
        }

        /** The stable technician code, e.g. {@code LNK-06}. */
        public String code() {
            return error.code();
        }
    }

    /** Whether the device can serve now: ok or warning. */
    public boolean usable() {
        return health == Health.OK || health == Health.WARNING;
    }

    /** Whether the two differ in what a technician or the fleet would notice: health, state, paper or the last error's code. */
    boolean differsFrom(DeviceHealth other) {
        return other == null || health != other.health || state != other.state || !paper.equals(other.paper)
                || !lastError.map(LastError::error).equals(other.lastError.map(LastError::error));
    }

    @Override
    public String toString() {
        return name + " " + health.wire() + " (" + state + ")" + paper.map(p -> ", paper " + p.wire()).orElse("")
                + lastError.map(e -> ", last error " + e.code() + " " + e.detail()).orElse("");
    }
}
