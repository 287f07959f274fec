package org.bianmin.kiosk.fleet;

import java.util.List;
import java.util.Objects;
import org.bianmin.config.KioskConfig;

/**
 * The configuration a kiosk starts with, as {@link ConfigStore} recovered it.
 *
 * @param config  the configuration to run
 * @param layers  the signed layers it came from; {@link SignedLayers#NONE} when the kiosk runs its provisioned file
 * @param reports what the fleet service must hear about the recovery, e.g. an apply the kiosk was killed during
 */
public record StartupConfig(KioskConfig config, SignedLayers layers, List<ReportedConfig> reports) {

    public StartupConfig {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(layers, "layers");
        reports = List.copyOf(reports);
    }

    /** The version of {@code target} the kiosk runs; 0 when it runs no layer for it. */
    public long runningVersion(String target) {
        return layers.version(target);
    }
}
