package org.bianmin.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the kiosk watches its devices and brings a hung one back: a health check of every device at a steady
 * interval, and a power cycle through the device's relay after enough checks in a row went unanswered.
 *
 * @param checkInterval            between two health checks of every device
 * @param timeoutsBeforePowerCycle unanswered checks in a row that make the kiosk power-cycle the device (or
 *                                 reopen it, when it has no relay)
 * @param powerOff                 how long the relay keeps the device unpowered
 * @param maxPowerCyclesPerHour    at most this many power cycles of one device in any hour; then the device is
 *                                 left down for a technician
 */
public record RecoverySettings(Duration checkInterval, int timeoutsBeforePowerCycle, Duration powerOff, int maxPowerCyclesPerHour) {

    public RecoverySettings {
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(powerOff, "powerOff");
    }
}
