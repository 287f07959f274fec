package org.bianmin.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The technicians' maintenance mode.
 *
 * @param pinHash         the hash of the maintenance PIN; absent until one is set (the technician QR code still works)
 * @param lockoutAttempts wrong PINs in a row that lock PIN entry
 * @param lockout         how long PIN entry stays locked after that
 * @param idleTimeout     how long maintenance mode waits for a touch before it leaves by itself
 */
public record MaintenanceSettings(Optional<PinHash> pinHash, int lockoutAttempts, Duration lockout, Duration idleTimeout) {

    public static final int DEFAULT_LOCKOUT_ATTEMPTS = 5;
    public static final Duration DEFAULT_LOCKOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public MaintenanceSettings {
        Objects.requireNonNull(pinHash, "pinHash");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (lockoutAttempts < 1) {
            throw new IllegalArgumentException("lockoutAttempts must be 1 or more, not " + lockoutAttempts);
        }
    }

    /** The defaults with this PIN hash, or none. */
    public static MaintenanceSettings withPin(Optional<PinHash> pinHash) {
        return new MaintenanceSettings(pinHash, DEFAULT_LOCKOUT_ATTEMPTS, DEFAULT_LOCKOUT, DEFAULT_IDLE_TIMEOUT);
    }

    /** Never shows the hash. */
    @Override
    public String toString() {
        return "MaintenanceSettings[pinHash=" + (pinHash.isPresent() ? "(set)" : "(none)") + ", lockoutAttempts=" + lockoutAttempts
                + ", lockout=" + lockout.toSeconds() + "s, idleTimeout=" + idleTimeout.toSeconds() + "s]";
    }
}
