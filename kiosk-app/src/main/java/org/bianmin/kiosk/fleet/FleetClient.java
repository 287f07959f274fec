package org.bianmin.kiosk.fleet;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the fleet service: long-polls the layers this kiosk should run on its own thread (sending back the etag of
 * the last answer, so the service answers as soon as an admin pushes), hands each new answer to the {@link
 * ConfigApplier}, and sends the fleet service the latest report of every layer on a second thread, again and again
 * with backoff while the service is away (a newer report of a layer replaces one not yet sent). An outage is logged
 * once when it starts and once when it ends.
 *
 * <pre>{@code
 * FleetClient fleet = new FleetClient(backend, () -> config.fleet().pollWait(), FleetClient.BACKOFF);
 * ConfigApplier applier = new ConfigApplier(provisioning, store, live, health, fleet, clock);
 * fleet.start(applier, store.startup().reports());
 * }</pre>
 */
public final class FleetClient implements ConfigReporter, AutoCloseable {
    /** From 1 s, doubling, to at most a minute between two tries while the fleet service is away. */
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private static final Logger LOG = LoggerFactory.getLogger(FleetClient.class);

    private final FleetService service;
    private final Supplier<Duration> pollWait;
    private final Backoff backoff;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final AtomicBoolean away = new AtomicBoolean();
    /** The latest report of each layer, in the order the layers lie; guarded by itself. */
    private final Map<String, ReportedConfig> reports = new LinkedHashMap<>();
    private final List<Consumer<ReportedConfig>> listeners = new CopyOnWriteArrayList<>();
    /** Raised with every change of {@link #reports}; the sender sends until it has sent the latest. */
    private long changes;
    private long sent;
    private volatile boolean closed;
    private volatile Optional<String> known = Optional.empty();
    private Thread poller;
    private Thread sender;

    /**
     * @param pollWait how long one long-poll may wait, read before each (so a pushed {@code fleet.pollWait} takes effect)
     * @param backoff  the waits between tries while the fleet service is away
     */
    public FleetClient(FleetService service, Supplier<Duration> pollWait, Backoff backoff) {
        this.service = Objects.requireNonNull(service, "service");
        this.pollWait = Objects.requireNonNull(pollWait, "pollWait");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * Starts polling and reporting.
     *
     * @param applier        where new answers go; its reports come back through {@link #report}
     * @param startupReports what the kiosk must say about its start, e.g. an apply it was killed during
     */
    public synchronized void start(ConfigApplier applier, List<ReportedConfig> startupReports) {
        if (poller != null) {
            throw new IllegalStateException("the fleet client is started already");
        }
        startupReports.forEach(this::report);
        sender = Thread.ofPlatform().daemon().name("fleet-report").start(this::sendReports);
        poller = Thread.ofPlatform().daemon().name("fleet-poll").start(() -> poll(applier));
    }

    /**
     * The waits between tries while the fleet service is away: {@code first}, doubling up to {@code longest}, each between
     * half and all of its step at random, so that a fleet of kiosks coming back does not ask in step.
     */
    public record Backoff(Duration first, Duration longest) {
        public Backoff {
            if (first == null || longest == null || first.isNegative() || longest.compareTo(first) < 0) {
                throw new IllegalArgumentException("backoff: 0 <= first <= longest, not " + first + " and " + longest);
            }
        }

        Duration after(int failures, RandomGenerator random) {
            long step = first.toMillis();
            for (int i = 1; i < failures && step < longest.toMillis(); i++) {
                step *= 2;
            }
            step = Math.min(step, longest.toMillis());
            long half = step / 2;
            return Duration.ofMillis(step - half + (half == 0 ? 0 : random.nextLong(half + 1)));
        }
    }

    /** Keeps {@code report} as the latest of its layer and has it sent; never blocks on the network. */
    @Override
    public void report(ReportedConfig report) {
        synchronized (reports) {
            reports.put(report.target(), report);
            changes++;
            reports.notifyAll();
        }
        listeners.forEach(l -> l.accept(report));
    }

    /** Has {@code listener} told every report from now on, on the thread that made it; it must return quickly. */
    public void onReport(Consumer<ReportedConfig> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The etag of the last answer applied, empty before the first. */
    public Optional<String> known() {
        return known;
    }

    /** The latest report of each layer, as the fleet service will get (or got) it. */
    public List<ReportedConfig> latestReports() {
        synchronized (reports) {
            return List.copyOf(reports.values());
        }
    }

    /** Whether every report so far has reached the fleet service. */
    public boolean reportsDelivered() {
        synchronized (reports) {
            return sent == changes;
        }
    }

    private void poll(ConfigApplier applier) {
        int failures = 0;
        while (!closed) {
            Optional<DesiredLayers> answer;
            try {
                answer = service.desired(known, pollWait.get());
            } catch (FleetServiceException e) {
                if (closed) {
                    return;
                }
                away(e);
                pause(backoff.after(++failures, random));
                continue;
            } catch (RuntimeException e) {
                LOG.error("asking the fleet service for this kiosk's config failed unexpectedly: {}", describe(e));
                pause(backoff.after(++failures, random));
                continue;
            }
            failures = 0;
            back();
            if (answer.isPresent()) {
                DesiredLayers desired = answer.get();
                LOG.info("the fleet service names {} layer(s) for this kiosk (groups {}, etag {})", desired.layers().size(),
                        desired.groups(), desired.etag());
                List<ReportedConfig> outcome = applier.apply(desired);
                known = Optional.of(desired.etag());
                keepOnly(outcome.stream().map(ReportedConfig::target).collect(Collectors.toSet()));
            }
        }
    }

    /** The whole report replaces the last one: layers the fleet service no longer names for this kiosk leave it. */
    private void keepOnly(Set<String> targets) {
        synchronized (reports) {
            if (reports.keySet().retainAll(targets)) {
                changes++;
                reports.notifyAll();
            }
        }
    }

    private void sendReports() {
        int failures = 0;
        while (!closed) {
            List<ReportedConfig> latest;
            long version;
            synchronized (reports) {
                while (sent == changes && !closed) {
                    try {
                        reports.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                latest = List.copyOf(reports.values());
                version = changes;
            }
            try {
                service.report(latest);
                failures = 0;
                back();
                markSent(version);
            } catch (FleetServiceException e) {
                if (closed) {
                    return;
                }
                if (e.kind() == FleetServiceException.Kind.REFUSED) {
                    LOG.warn("the fleet service refused this kiosk's config report ({}); it is sent again with the next change",
                            e.getMessage());
                    markSent(version);
                    continue;
                }
                away(e);
                pause(backoff.after(++failures, random));
            } catch (RuntimeException e) {
                LOG.error("sending the config report failed unexpectedly: {}", describe(e));
                pause(backoff.after(++failures, random));
            }
        }
    }

    private void markSent(long version) {
        synchronized (reports) {
            sent = Math.max(sent, version);
        }
    }

    private void away(FleetServiceException e) {
        if (away.compareAndSet(false, true)) {
            if (e.kind() == FleetServiceException.Kind.UNAUTHORISED) {
                LOG.warn("the fleet service refuses this kiosk ({}); check the kiosk id and token it was provisioned with. The kiosk "
                        + "keeps its config and asks again with backoff", e.getMessage());
            } else {
                LOG.warn("the fleet service is away ({}); the kiosk keeps its config, keeps its reports and asks again with "
                        + "backoff", e.getMessage());
            }
        }
    }

    private void back() {
        if (away.compareAndSet(true, false)) {
            LOG.info("the fleet service answers again");
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            // close() interrupts: the loop sees closed and ends
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Stops both threads; a long-poll in flight is abandoned. The next start reports afresh what the kiosk runs. */
    @Override
    public void close() {
        closed = true;
        Thread p;
        Thread s;
        synchronized (this) {
            p = poller;
            s = sender;
        }
        synchronized (reports) {
            reports.notifyAll();
        }
        for (Thread t : new Thread[] {p, s}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
