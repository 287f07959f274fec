package org.bianmin.kiosk.maintenance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the technician's device list: how the device is, what last went wrong, its counters and where it is
 * connected. Holds no personal data.
 *
 * @param name     the device's name, e.g. {@code receipt-printer}
 * @param required whether services stop without it
 * @param health   at a glance
 * @param state    its lifecycle state, e.g. ENABLED; empty when the kiosk could not build it at all
 * @param port     where it is connected: a serial device path, {@code tcp://…}, a CUPS queue or GPIO pins
 * @param protocol what it speaks, e.g. SAM_V, ESC/POS, IPP
 * @param baud     the serial speed, for serial devices
 * @param paper    for printers, when known
 */
public record DeviceStatus(String name, boolean required, Health health, Optional<String> state, Optional<LastError> lastError,
                           Map<String, Long> counters, String port, String protocol, OptionalInt baud, Optional<Paper> paper) {

    /** The contract's device health (issue 5): ok, works but needs attention, checks fail now, not open or given up. */
    public enum Health { OK, WARNING, FAILING, DOWN }

    public enum Paper { OK, LOW, OUT }

    /** The last error: its technician code (e.g. {@code LNK-06}), the detail in technician words, and when. */
    public record LastError(String code, String detail, Instant at) {}

    public DeviceStatus {
        Objects.requireNonNull(name, "name");
        counters = Map.copyOf(counters);
    }
}
