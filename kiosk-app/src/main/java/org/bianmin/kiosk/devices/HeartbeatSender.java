package org.bianmin.kiosk.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.bianmin.device.Statistics;
import org.bianmin.kiosk.backend.Heartbeat;
import org.bianmin.kiosk.backend.KioskBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the kiosk's heartbeat to the fleet service every heartbeat interval, and at once when asked (a device's
 * health changed, the kiosk entered or left maintenance). One heartbeat is in flight at a time; asks that come
 * meanwhile are answered by one more heartbeat, built when it is sent. A heartbeat that fails is not sent again,
 * so an offline kiosk piles nothing up: only the newest state ever travels.
 */
public final class HeartbeatSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatSender.class);

    /**
     * What a heartbeat tells besides the devices.
     *
     * @param startedAt when the kiosk program started, for the uptime
     */
    public record Identity(String appVersion, int configVersion, Instant startedAt) {
        public Identity {
            Objects.requireNonNull(appVersion, "appVersion");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    /** What the fleet API takes: at most 32 counters a device, names of at most 32 characters, details of at most 300. */
    private static final int MAX_COUNTERS = 32;
    private static final int MAX_COUNTER_NAME = 32;
    private static final int MAX_DETAIL = 300;
    private static final List<String> FIRST_COUNTERS = List.of(DeviceSupervisor.POWER_CYCLES, DeviceSupervisor.RECOVERIES,
            DeviceSupervisor.REOPENS, Statistics.ERRORS);

    private final KioskBackend backend;
    private final Supplier<List<DeviceHealth>> devices;
    private final Supplier<List<String>> servicesOut;
    private final Duration interval;
    private final Identity identity;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("heartbeat").unstarted(r));
    private volatile Supplier<Heartbeat.Mode> mode = () -> Heartbeat.Mode.SERVICE;
    private volatile IntSupplier configVersion;
    // guarded by this
    private boolean inFlight;
    private boolean askedMeanwhile;
    private boolean started;
    private volatile boolean failing;

    /**
     * @param devices     the devices' health now, e.g. {@link DeviceSupervisor#health()}
     * @param servicesOut the services out for want of a device now
     * @param interval    between two heartbeats ({@code backend.heartbeatInterval})
     */
    public HeartbeatSender(KioskBackend backend, Supplier<List<DeviceHealth>> devices, Supplier<List<String>> servicesOut,
                           Duration interval, Identity identity, Clock clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.servicesOut = Objects.requireNonNull(servicesOut, "servicesOut");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.toSeconds() < 1) {
            throw new IllegalArgumentException("heartbeat interval must be at least 1 s, e.g. 60 s");
        }
    }

    /** Where the heartbeat reads the version of the config the kiosk runs, once pushed configs can change it. */
    public void configVersionFrom(IntSupplier supplier) {
        configVersion = Objects.requireNonNull(supplier, "supplier");
    }

    /** Where the heartbeat reads the kiosk's mode from (service until told otherwise); call {@link #sendSoon()} when it changes. */
    public void modeFrom(Supplier<Heartbeat.Mode> supplier) {
        this.mode = Objects.requireNonNull(supplier, "supplier");
    }

    /** Sends a heartbeat now and then every interval, until {@link #close()}. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        thread.scheduleAtFixedRate(this::sendSoon, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a heartbeat as soon as the one in flight (if any) is answered; asks that come meanwhile make one heartbeat. */
    public void sendSoon() {
        synchronized (this) {
            if (inFlight) {
                askedMeanwhile = true;
                return;
            }
            inFlight = true;
        }
        try {
            thread.execute(this::send);
        } catch (RejectedExecutionException e) {
            // closed: no more heartbeats
        }
    }

    /** The heartbeat as it would be sent now. */
    public Heartbeat build() {
        Instant now = clock.instant();
        List<Heartbeat.DeviceReport> reports = devices.get().stream().map(HeartbeatSender::report).toList();
        return new Heartbeat(now, (int) interval.toSeconds(), identity.appVersion(),
                configVersion != null ? configVersion.getAsInt() : identity.configVersion(),
                Math.max(0, Duration.between(identity.startedAt(), now).toSeconds()), mode.get(), reports, servicesOut.get());
    }

    private static Heartbeat.DeviceReport report(DeviceHealth h) {
        return new Heartbeat.DeviceReport(h.name(), h.required(), h.health().wire(), h.state().name(),
                h.lastError().map(e -> new Heartbeat.ReportedError(e.code(), detail(e), e.at())), h.paper().map(DeviceHealth.Paper::wire),
                counters(h.counters()));
    }

    /** The technician's words in 1 to {@value #MAX_DETAIL} characters, as the fleet API takes them. */
    static String detail(DeviceHealth.LastError e) {
        String d = e.detail().strip();
        if (d.isEmpty()) {
            return e.error().name();
        }
        return d.codePointCount(0, d.length()) <= MAX_DETAIL ? d : d.substring(0, d.offsetByCodePoints(0, MAX_DETAIL - 1)) + "…";
    }

    /**
     * The device's counters named as the fleet API takes them (lower-case letters, digits and hyphens: the card
     * reader's {@code sw3.9F} becomes {@code sw3-9f}), at most {@value #MAX_COUNTERS}: the supervisor's and
     * {@code errors} first, then the others by name.
     */
    static Map<String, Long> counters(Map<String, Long> raw) {
        Map<String, Long> named = new TreeMap<>();
        raw.forEach((k, v) -> named.merge(counterName(k), Math.max(0, v), Long::sum));
        Map<String, Long> kept = new LinkedHashMap<>();
        for (String first : FIRST_COUNTERS) {
            if (named.containsKey(first)) {
                kept.put(first, named.get(first));
            }
        }
        for (Map.Entry<String, Long> c : named.entrySet()) {
            if (kept.size() >= MAX_COUNTERS) {
                break;
            }
            kept.putIfAbsent(c.getKey(), c.getValue());
        }
        return kept;
    }

    private static String counterName(String raw) {
        String n = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        if (n.isEmpty() || n.charAt(0) < 'a' || n.charAt(0) > 'z') {
            n = "c-" + n;
        }
        return n.length() <= MAX_COUNTER_NAME ? n : n.substring(0, MAX_COUNTER_NAME);
    }

    private void send() {
        CompletableFuture<Void> sent;
        try {
            sent = backend.heartbeat(build());
        } catch (RuntimeException e) {
            log.warn("heartbeat not built: {}", e.toString());
            answered();
            return;
        }
        sent.whenComplete((v, failure) -> {
            if (failure != null && !failing) {
                failing = true;
                log.info("heartbeat not delivered ({}); the next one goes in {} s", failure.getMessage(), interval.toSeconds());
            } else if (failure == null && failing) {
                failing = false;
                log.info("heartbeats are delivered again");
            }
            answered();
        });
    }

    private void answered() {
        boolean again;
        synchronized (this) {
            again = askedMeanwhile;
            askedMeanwhile = false;
            inFlight = again;
        }
        if (again) {
            try {
                thread.execute(this::send);
            } catch (RejectedExecutionException e) {
                // closed: no more heartbeats
            }
        }
    }

    /** Stops the heartbeats; one in flight is left to finish or fail on its own. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
