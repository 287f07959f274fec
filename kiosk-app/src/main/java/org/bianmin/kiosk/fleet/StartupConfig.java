package org.bianmin.kiosk.fleet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.signing.SignedConfig;

/**
 * The configuration a kiosk starts with, as {@link ConfigStore} recovered it.
 *
 * @param config   the configuration to run
 * @param envelope the signed configuration it came from; empty when the kiosk runs its provisioned file
 * @param reports  what the fleet service must hear about the recovery, e.g. an apply the kiosk was killed during
 */
public record StartupConfig(KioskConfig config, Optional<SignedConfig> envelope, List<ReportedConfig> reports) {

    public StartupConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(envelope, "envelope");
        reports = List.copyOf(reports);
    }

    /** The signed version the kiosk runs; 0 for its provisioned file. */
    public long runningVersion() {
        return envelope.map(SignedConfig::version).orElse(0L);
    }
}
