package org.bianmin.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The technicians' maintenance mode.
 *
 * @param pinHash the hash of the maintenance PIN; absent until one is set
 */
public record MaintenanceSettings(Optional<String> pinHash) {

    public MaintenanceSettings {
        Objects.requireNonNull(pinHash, "pinHash");
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "MaintenanceSettings[pinHash=" + (pinHash.isPresent() ? "(set)" : "(none)") + "]";
    }
}
