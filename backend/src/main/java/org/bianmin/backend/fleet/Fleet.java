package org.bianmin.backend.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.KioskHeartbeats;
import org.bianmin.backend.store.Store;
import org.bianmin.backend.store.StoreException;

/**
 * The fleet as admins see it: takes the kiosks' heartbeats, and answers which kiosks are online, which devices fail,
 * and what each kiosk reported lately. The HTTP API, the console and the tests share it.
 */
public final class Fleet {
    public static final int DEFAULT_HISTORY = 50;

    private final Store store;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Fleet(Store store, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The time the fleet's statuses are judged at. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Validates {@code heartbeat} from {@code kioskId} and stores it as the kiosk's latest state and in its history.
     *
     * @return when it was received
     */
    public Instant report(String kioskId, Heartbeat heartbeat) {
        heartbeat.validate();
        return store.heartbeats().record(kioskId, heartbeat.intervalSeconds(), write(heartbeat),
                write(HistoryEntry.summaryOf(heartbeat)));
    }

    /** Every registered kiosk, by id, with its status now. */
    public List<KioskSummary> kiosks() {
        Map<String, KioskHeartbeats.Latest> latest = store.heartbeats().latest().stream()
                .collect(Collectors.toMap(KioskHeartbeats.Latest::kioskId, Function.identity()));
        Instant now = now();
        return store.kiosks().all().stream().map(k -> summary(k, latest.get(k.id()), now)).toList();
    }

    /** The kiosk {@code kioskId} with its status now, if it is registered. */
    public Optional<KioskSummary> kiosk(String kioskId) {
        return store.kiosks().find(kioskId).map(k -> summary(k, store.heartbeats().latest(kioskId).orElse(null), now()));
    }

    /** The newest {@code limit} heartbeats of {@code kioskId}, newest first. */
    public List<HistoryEntry> history(String kioskId, int limit) {
        return store.heartbeats().history(kioskId, limit).stream()
                .map(e -> read(e.summaryJson(), HistoryEntry.class).receivedAt(e.receivedAt()))
                .toList();
    }

    private KioskSummary summary(Kiosk kiosk, KioskHeartbeats.Latest latest, Instant now) {
        if (latest == null) {
            return new KioskSummary(kiosk.id(), kiosk.name(), KioskStatus.NEVER_SEEN, null, null, null, null, null,
                    List.of(), List.of(), List.of(), List.of());
        }
        Heartbeat h = read(latest.heartbeatJson(), Heartbeat.class);
        return new KioskSummary(kiosk.id(), kiosk.name(), KioskStatus.of(latest.receivedAt(), latest.intervalSeconds(), now),
                latest.receivedAt(), latest.intervalSeconds(), h.appVersion(), h.configVersion(), h.mode(),
                h.devices().stream().filter(Heartbeat.DeviceHealth::failing).map(Heartbeat.DeviceHealth::name).toList(),
                h.devices().stream().filter(Heartbeat.DeviceHealth::paperLow).map(Heartbeat.DeviceHealth::name).toList(),
                h.servicesOut(), h.devices());
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated heartbeat always serialises", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored heartbeat cannot be read back (" + e.getOriginalMessage() + ")", e);
        }
    }
}
