package org.bianmin.kiosk.fleet;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.config.ConfigException;
import org.bianmin.config.ConfigProblem;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.signing.Rejection;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.SigningException;
import org.bianmin.config.signing.Verdict;
import org.bianmin.kiosk.fleet.ReportedConfig.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a desired configuration from the fleet and makes it the running one, or refuses it, with one report for
 * every outcome: verify the envelope (signature, trusted key, target, version) → bind it over the provisioned file
 * (the schema) → stage it → apply it live → health check → commit, or go back to the last known good configuration
 * and say why. One apply runs at a time.
 *
 * <pre>{@code
 * ConfigStore store = ConfigStore.open(stateDir.resolve("config"), provisioning, clock);
 * KioskConfig startWith = store.startup().config();
 * ConfigApplier applier = new ConfigApplier(provisioning, store, live, health, reporter, clock);
 * store.startup().reports().forEach(reporter::report);
 * ReportedConfig outcome = applier.apply(envelopeBytesFromTheFleet);
 * }</pre>
 */
public final class ConfigApplier {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplier.class);

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
     * Applies one envelope as the fleet delivered it. Never throws for anything in the envelope or the kiosk: every
     * outcome is the returned report, which has also gone to the reporter (a pending report goes first when the
     * configuration is applied).
     */
    public synchronized ReportedConfig apply(byte[] envelope) {
        long running = store.runningVersion();
        Verdict verdict = provisioning.verifier().verify(envelope, running);
        if (verdict instanceof Verdict.Rejected r) {
            return refused(envelope, r);
        }
        SignedConfig next = ((Verdict.Accepted) verdict).config();
        long version = next.version();
        Optional<ReportedConfig> reverted = store.lastReverted();
        if (reverted.isPresent() && version <= reverted.get().version()) {
            long failed = reverted.get().version();
            return version == failed
                    ? send(report(version, Status.REVERTED, "version " + version + " was reverted at " + reverted.get().at()
                            + " and is not applied again: " + reverted.get().reason()))
                    : send(report(version, Status.REJECTED, "The config for " + next.target() + ", version " + version
                            + ", is older than version " + failed + ", which this kiosk applied and reverted; push it as version "
                            + (failed + 1) + " or higher"));
        }
        KioskConfig config;
        try {
            config = provisioning.bind(next);
        } catch (ConfigException e) {
            return send(report(version, Status.REJECTED, "The config for " + next.target() + ", version " + version
                    + ", is not a valid config for this kiosk: " + String.join("; ", e.problems().stream().map(ConfigProblem::toString).toList())));
        }
        return applyChecked(next, config);
    }

    private ReportedConfig applyChecked(SignedConfig next, KioskConfig config) {
        long version = next.version();
        long before = store.runningVersion();
        KioskConfig previous = store.runningConfig();
        try {
            store.stage(next);
        } catch (IOException e) {
            return send(report(version, Status.FAILED, "version " + version + " cannot be stored on this kiosk (" + e.getMessage()
                    + "); it still runs " + describe(before) + "; a technician should check the disk"));
        }
        send(report(version, Status.PENDING, ""));
        String failure;
        try {
            LiveConfig.Applied applied = live.apply(config);
            HealthCheck.Health h = health.check(config);
            if (h.isOk()) {
                store.commit(next, config);
                LOG.info("config version {} applied: live {}, devices reopened {}, at next start {}", version, applied.live(),
                        applied.reopened(), applied.atNextStart());
                return send(report(version, Status.APPLIED, ""));
            }
            failure = "version " + version + " failed its health check after it was applied: " + h.problem().orElseThrow();
        } catch (LiveConfigException e) {
            failure = "version " + version + " could not be applied: " + e.getMessage();
        } catch (IOException e) {
            failure = "version " + version + " passed its health check but cannot be stored as the running config (" + e.getMessage()
                    + "); a technician should check the disk";
        } catch (RuntimeException e) {
            LOG.error("applying config version {} failed unexpectedly", version, e);
            failure = "version " + version + " could not be applied: an unexpected " + e.getClass().getSimpleName()
                    + " (details in the kiosk's log)";
        }
        return revert(version, before, previous, failure);
    }

    private ReportedConfig revert(long version, long before, KioskConfig previous, String failure) {
        Status status = Status.REVERTED;
        String reason = failure + "; the kiosk went back to " + (before == 0 ? "its provisioned config"
                : "version " + before + ", its last known good config");
        try {
            live.apply(previous);
        } catch (LiveConfigException | RuntimeException e) {
            LOG.error("re-applying config version {} after a failed apply failed too", before, e);
            status = Status.FAILED;
            reason = failure + "; re-applying " + describe(before) + " failed too (" + e.getMessage()
                    + "): the kiosk runs it again from its next start; restart the kiosk";
        }
        ReportedConfig outcome = report(version, status, reason + "; fix the config and push it as version " + (version + 1)
                + " or higher");
        try {
            store.abandon(outcome);
        } catch (IOException e) {
            LOG.warn("cannot record that version {} was reverted ({}); the next start rolls it back again", version, e.getMessage());
        }
        LOG.warn("config {}", outcome);
        return send(outcome);
    }

    private ReportedConfig refused(byte[] envelope, Verdict.Rejected r) {
        long version = 0;
        try {
            SignedConfig claimed = SignedConfig.parse(envelope);
            version = claimed.version();
            if (r.reason() == Rejection.REPLAYED && store.runningEnvelope().filter(claimed::equals).isPresent()) {
                // the one the kiosk runs, delivered again (a reconnect, a retried poll): nothing to do, and it runs
                return send(report(version, Status.APPLIED, "version " + version + " was sent again; it is the config this kiosk "
                        + "runs, nothing changed"));
            }
        } catch (SigningException e) {
            // a malformed envelope names no version the kiosk can believe; the report says 0
        }
        LOG.warn("config refused ({}): {}", r.reason(), r.message());
        return send(report(version, Status.REJECTED, r.message()));
    }

    private ReportedConfig report(long version, Status status, String reason) {
        return new ReportedConfig(version, status, reason, store.runningVersion(), clock.instant());
    }

    private ReportedConfig send(ReportedConfig report) {
        try {
            reporter.report(report);
        } catch (RuntimeException e) {
            LOG.warn("the report '{}' could not be handed over ({})", report, e.toString());
        }
        return report;
    }

    private static String describe(long version) {
        return version == 0 ? "its provisioned config" : "version " + version;
    }
}
