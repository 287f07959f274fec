package org.bianmin.backend.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** What changed since the {@code older} heartbeat, one phrase each: {@code receipt-printer: ok → failing (LNK-06)}. */
    public List<String> changesSince(HistoryEntry older) {
        List<String> out = new ArrayList<>();
        Map<String, DeviceLine> was = new LinkedHashMap<>();
        older.devices().forEach(d -> was.putIfAbsent(d.name(), d));
        for (DeviceLine d : devices) {
            DeviceLine old = was.remove(d.name());
            if (old == null) {
                out.add(d.name() + ": new, " + d.health());
                continue;
            }
            if (!Objects.equals(old.health(), d.health())) {
                out.add(d.name() + ": " + old.health() + " → " + d.health()
                        + (d.lastError() != null && !"ok".equals(d.health()) ? " (" + d.lastError() + ")" : ""));
            }
            if (!Objects.equals(old.paper(), d.paper())) {
                out.add(d.name() + " paper: " + Objects.requireNonNullElse(old.paper(), "-") + " → "
                        + Objects.requireNonNullElse(d.paper(), "-"));
            }
        }
        was.keySet().forEach(name -> out.add(name + ": no longer reported"));
        if (!Objects.equals(older.mode(), mode)) {
            out.add("mode: " + older.mode() + " → " + mode);
        }
        if (older.configVersion() != configVersion) {
            out.add("config: " + older.configVersion() + " → " + configVersion);
        }
        if (!Objects.equals(older.appVersion(), appVersion)) {
            out.add("app: " + older.appVersion() + " → " + appVersion);
        }
        return out;
    }

    HistoryEntry receivedAt(Instant at) {
        return new HistoryEntry(at, sentAt, appVersion, configVersion, mode, devices, servicesOut);
    }
}
