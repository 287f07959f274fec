package org.bianmin.backend.fleet;

import java.time.Instant;
import java.util.List;

/**
 * One heartbeat in a kiosk's history: when it arrived and what it said, without the counters.
 *
 * @param devices each device's health, state, paper and last error code
 */
public record HistoryEntry(Instant receivedAt, Instant sentAt, String appVersion, long configVersion, String mode,
                           List<DeviceLine> devices, List<String> servicesOut) {

    /** A device's line in the history; {@code paper} and {@code lastError} may be null. */
    public record DeviceLine(String name, String health, String state, String paper, String lastError) {
    }

    static HistoryEntry summaryOf(Heartbeat h) {
        return new HistoryEntry(null, h.sentAt(), h.appVersion(), h.configVersion(), h.mode(), h.devices().stream()
                .map(d -> new DeviceLine(d.name(), d.health(), d.state(), d.paper(),
                        d.lastError() == null ? null : d.lastError().code()))
                .toList(), h.servicesOut());
    }

    HistoryEntry receivedAt(Instant at) {
        return new HistoryEntry(at, sentAt, appVersion, configVersion, mode, devices, servicesOut);
    }
}
