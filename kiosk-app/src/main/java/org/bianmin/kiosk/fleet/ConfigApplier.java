package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bianmin.config.ConfigException;
import org.bianmin.config.ConfigProblem;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.Rejection;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.SigningException;
import org.bianmin.config.signing.Verdict;
import org.bianmin.kiosk.fleet.ReportedConfig.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the fleet service's desired layers and makes them the running configuration, or refuses them, with one report
 * per layer for every outcome: verify each envelope against the version of its target the kiosk runs (signature,
 * trusted key, target, version) → lay the layers over the provisioned configuration in order, fleet &lt; groups &lt;
 * kiosk, and bind the result (the schema) → stage it → apply it live → health check → commit, or go back to the last
 * known good layers and say why. A layer refused alone leaves the running version of its target in place while the
 * others move on. One apply runs at a time.
 *
 * <pre>{@code
 * ConfigStore store = ConfigStore.open(stateDir.resolve("config"), provisioning, clock);
 * KioskConfig startWith = store.startup().config();
 * ConfigApplier applier = new ConfigApplier(provisioning, store, live, health, reporter, clock);
 * store.startup().reports().forEach(reporter::report);
 * List<ReportedConfig> outcome = applier.apply(desiredFromTheFleet);
 * }</pre>
 */
public final class ConfigApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Provisioning provisioning;
    private final ConfigStore store;
    private final LiveConfig live;
    private final HealthCheck health;
    private final ConfigReporter reporter;
    private final Clock clock;

    public ConfigApplier(Provisioning provisioning, ConfigStore store, LiveConfig live, HealthCheck health, ConfigReporter reporter,
                         Clock clock) {
        this.provisioning = Objects.requireNonNull(provisioning, "provisioning");
        this.store = Objects.requireNonNull(store, "store");
        this.live = Objects.requireNonNull(live, "live");
        this.health = Objects.requireNonNull(health, "health");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies the layers as the fleet delivered them. Never throws for anything in them or the kiosk: every outcome is
     * in the returned reports (one per layer whose target could be read, in the order delivered), which have also gone
     * to the reporter (a pending report goes first for each layer that is applied).
     */
    public synchronized List<ReportedConfig> apply(DesiredLayers desired) {
        SignedLayers running = store.running();
        ConfigVerifier verifier = provisioning.verifier(desired.groups());
        Map<String, ReportedConfig> outcome = new LinkedHashMap<>();
        // a running layer stays unless the answer brings a newer one, or the kiosk left the group it is for
        Map<String, SignedConfig> chosen = new LinkedHashMap<>();
        running.layers().stream().filter(l -> stillCovered(l, verifier)).forEach(l -> chosen.put(l.target().toString(), l));
        List<SignedConfig> fresh = new ArrayList<>();
        for (byte[] bytes : desired.layers()) {
            Verdict verdict = verifier.verify(bytes, target -> running.version(target.toString()));
            if (verdict instanceof Verdict.Rejected r) {
                refused(bytes, r, running).ifPresent(report -> outcome.put(report.target(), report));
                continue;
            }
            SignedConfig next = ((Verdict.Accepted) verdict).config();
            String target = next.target().toString();
            Optional<ReportedConfig> notAgain = revertedBefore(next);
            if (notAgain.isPresent()) {
                outcome.put(target, notAgain.get());
                continue;
            }
            chosen.put(target, next);
            fresh.add(next);
        }
        SignedLayers next = new SignedLayers(desired.groups(), inOrder(chosen, desired.groups()));
        if (next.layers().equals(running.layers())) {
            return send(ordered(outcome, desired));
        }
        KioskConfig config;
        try {
            config = provisioning.bind(next.layers());
        } catch (ConfigException e) {
            String problems = String.join("; ", e.problems().stream().map(ConfigProblem::toString).toList());
            if (fresh.isEmpty()) {
                LOG.warn("the layers {} left for this kiosk do not make a valid config ({}); it keeps running {}", next, problems,
                        running);
            }
            for (SignedConfig layer : fresh) {
                outcome.put(layer.target().toString(), report(layer, Status.REJECTED, what(layer) + " is not a valid config for "
                        + "this kiosk" + (next.layers().size() > 1 ? " laid over the layers under it" : "") + ": " + problems));
            }
            return send(ordered(outcome, desired));
        }
        applyChecked(running, next, config, fresh).forEach(r -> outcome.put(r.target(), r));
        return send(ordered(outcome, desired));
    }

    private List<ReportedConfig> applyChecked(SignedLayers before, SignedLayers next, KioskConfig config, List<SignedConfig> fresh) {
        KioskConfig previous = store.runningConfig();
        try {
            store.stage(next);
        } catch (IOException e) {
            return each(fresh, Status.FAILED, layer -> "version " + layer.version() + " cannot be stored on this kiosk ("
                    + e.getMessage() + "); it still runs " + describe(before, layer) + "; a technician should check the disk");
        }
        String waiting = live.waitsFor(config);
        send(each(fresh, Status.PENDING, layer -> waiting));
        String failure;
        try {
            LiveConfig.Applied applied = live.apply(config);
            HealthCheck.Health h = health.check(config);
            if (h.isOk()) {
                store.commit(next, config);
                LOG.info("config layers {} applied: live {}, devices reopened {}, at next start {}", next, applied.live(),
                        applied.reopened(), applied.atNextStart());
                return each(fresh, Status.APPLIED, layer -> note(applied, h.notes()));
            }
            failure = "failed its health check after it was applied: " + h.problem().orElseThrow();
        } catch (LiveConfigException e) {
            failure = "could not be applied: " + e.getMessage();
        } catch (IOException e) {
            failure = "passed its health check but cannot be stored as the running config (" + e.getMessage()
                    + "); a technician should check the disk";
        } catch (RuntimeException e) {
            LOG.error("applying config layers {} failed unexpectedly", next, e);
            failure = "could not be applied: an unexpected " + e.getClass().getSimpleName() + " (details in the kiosk's log)";
        }
        return revert(before, previous, fresh, next, failure);
    }

    private List<ReportedConfig> revert(SignedLayers before, KioskConfig previous, List<SignedConfig> fresh, SignedLayers next,
                                        String failure) {
        Status status = Status.REVERTED;
        String after = "the kiosk went back to " + (before.isEmpty() ? "its provisioned config" : before
                + ", its last known good config");
        try {
            live.apply(previous);
        } catch (LiveConfigException | RuntimeException e) {
            LOG.error("re-applying config layers {} after a failed apply failed too", before, e);
            status = Status.FAILED;
            after = "re-applying " + (before.isEmpty() ? "its provisioned config" : before)
                    + " failed too (" + e.getMessage() + "): the kiosk runs it again from its next start; restart the kiosk";
        }
        String reason = failure + "; " + after;
        List<ReportedConfig> outcome = each(fresh, status, layer -> "version " + layer.version() + together(layer, fresh) + " "
                + reason + "; fix the config and push it as version " + (layer.version() + 1) + " or higher");
        try {
            store.abandon(outcome);
        } catch (IOException e) {
            LOG.warn("cannot record that layers {} were reverted ({}); the next start rolls them back again", next, e.getMessage());
        }
        outcome.forEach(r -> LOG.warn("config {}", r));
        return outcome;
    }

    /** What an admin should know of an apply, e.g. "applied; receipt-printer reopened with the new settings". */
    private static String note(LiveConfig.Applied applied, List<String> healthNotes) {
        List<String> notes = new ArrayList<>();
        if (!applied.reopened().isEmpty()) {
            notes.add(String.join(", ", applied.reopened().stream().sorted().toList()) + " reopened with the new settings");
        }
        if (!applied.atNextStart().isEmpty()) {
            notes.add(String.join(", ", applied.atNextStart().stream().map(ConfigSection::key).sorted().toList())
                    + " change at the next start of the kiosk");
        }
        notes.addAll(healthNotes);
        return notes.isEmpty() ? "" : "applied; " + String.join("; ", notes);
    }

    /** The other new layers that went live with {@code layer}, e.g. " (applied with fleet version 4)". */
    private static String together(SignedConfig layer, List<SignedConfig> fresh) {
        List<String> others = fresh.stream().filter(l -> l != layer).map(l -> l.target() + " version " + l.version()).toList();
        return others.isEmpty() ? "" : " (applied with " + String.join(", ", others) + ")";
    }

    /** Whether a running layer is still for this kiosk: false for the layer of a group the kiosk left. */
    private static boolean stillCovered(SignedConfig running, ConfigVerifier verifier) {
        return verifier.verify(running, target -> 0L).isAccepted();
    }

    /** The report for an accepted layer whose version this kiosk reverted before, if it is one. */
    private Optional<ReportedConfig> revertedBefore(SignedConfig next) {
        String target = next.target().toString();
        Optional<ReportedConfig> reverted = store.lastReverted(target);
        if (reverted.isEmpty() || next.version() > reverted.get().version()) {
            return Optional.empty();
        }
        long failed = reverted.get().version();
        return Optional.of(next.version() == failed
                ? report(next, reverted.get().status(), "version " + failed + " was reverted at " + reverted.get().at()
                        + " and is not applied again: " + reverted.get().reason())
                : report(next, Status.REJECTED, what(next) + " is older than version " + failed + ", which this kiosk applied and "
                        + "reverted; push it as version " + (failed + 1) + " or higher"));
    }

    /** The report for a refused envelope; empty when the envelope is too broken to say which layer it is. */
    private Optional<ReportedConfig> refused(byte[] envelope, Verdict.Rejected r, SignedLayers running) {
        Optional<Claim> claim = claim(envelope);
        if (claim.isEmpty()) {
            LOG.warn("a layer was refused and names no layer the fleet service could be told about ({}): {}", r.reason(), r.message());
            return Optional.empty();
        }
        String target = claim.get().target();
        long runs = running.version(target);
        if (r.reason() == Rejection.REPLAYED && running.layer(target).filter(l -> l.equals(claim.get().envelope())).isPresent()) {
            // the layer the kiosk runs, delivered again with the others: nothing to do, and it runs
            return Optional.of(new ReportedConfig(target, runs, Status.APPLIED, "", runs, clock.instant()));
        }
        LOG.warn("config {} version {} refused ({}): {}", target, claim.get().version(), r.reason(), r.message());
        return Optional.of(new ReportedConfig(target, claim.get().version(), Status.REJECTED, r.message(), runs, clock.instant()));
    }

    /** What a refused envelope says it is: believed only to say which report the refusal goes into. */
    private record Claim(String target, long version, SignedConfig envelope) {
    }

    private static Optional<Claim> claim(byte[] envelope) {
        try {
            SignedConfig claimed = SignedConfig.parse(envelope);
            return Optional.of(new Claim(claimed.target().toString(), claimed.version(), claimed));
        } catch (SigningException malformed) {
            // a malformed envelope may still say which layer it was meant to be
            try {
                JsonNode n = JSON.readTree(envelope);
                String target = ConfigTarget.parse(n.path("target").asText("")).toString();
                long version = n.path("version").canConvertToExactIntegral() ? n.path("version").longValue() : 0;
                return version >= 1 ? Optional.of(new Claim(target, version, null)) : Optional.empty();
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
        }
    }

    /** Fleet, then the groups in the kiosk's order, then its own layer. */
    private List<SignedConfig> inOrder(Map<String, SignedConfig> chosen, List<String> groups) {
        return order(groups).stream().map(chosen::get).filter(Objects::nonNull).toList();
    }

    private List<String> order(List<String> groups) {
        List<String> order = new ArrayList<>();
        order.add(ConfigTarget.FLEET.toString());
        groups.forEach(g -> order.add("group:" + g));
        order.add("kiosk:" + provisioning.kioskId());
        return order;
    }

    /** The reports in the order the layers lie: fleet, the groups, the kiosk's own (any other target last). */
    private List<ReportedConfig> ordered(Map<String, ReportedConfig> outcome, DesiredLayers desired) {
        List<String> order = order(desired.groups());
        return outcome.values().stream().sorted(Comparator.comparingInt(r -> {
            int at = order.indexOf(r.target());
            return at < 0 ? order.size() : at;
        })).toList();
    }

    private List<ReportedConfig> each(List<SignedConfig> layers, Status status, Function<SignedConfig, String> reason) {
        return layers.stream().map(l -> report(l, status, reason.apply(l))).toList();
    }

    private ReportedConfig report(SignedConfig layer, Status status, String reason) {
        String target = layer.target().toString();
        return new ReportedConfig(target, layer.version(), status, reason, store.runningVersion(target), clock.instant());
    }

    private List<ReportedConfig> send(List<ReportedConfig> reports) {
        for (ReportedConfig report : reports) {
            try {
                reporter.report(report);
            } catch (RuntimeException e) {
                LOG.warn("the report '{}' could not be handed over ({})", report, e.toString());
            }
        }
        return reports;
    }

    private static String what(SignedConfig layer) {
        return "The config for " + layer.target() + ", version " + layer.version() + ",";
    }

    private static String describe(SignedLayers before, SignedConfig layer) {
        long runs = before.version(layer.target().toString());
        return runs == 0 ? "no version of " + layer.target() : "version " + runs;
    }
}
