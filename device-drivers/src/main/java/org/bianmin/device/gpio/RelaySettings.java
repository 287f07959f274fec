package org.bianmin.device.gpio;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing and limits of a power cycle.
 *
 * @param offTime   how long the device stays unpowered (PROTOCOLS §4.4: 3–5 s)
 * @param settle    wait after power returns before the reopen callback (USB re-enumeration) [U: per device]
 * @param maxCycles at most this many power cycles of one device…
 * @param window    …within this sliding window
 */
public record RelaySettings(Duration offTime, Duration settle, int maxCycles, Duration window) {

    public static final RelaySettings DEFAULTS = new RelaySettings(Duration.ofSeconds(3), Duration.ZERO, 3, Duration.ofMinutes(10));

    public RelaySettings {
        Objects.requireNonNull(offTime, "offTime");
        Objects.requireNonNull(settle, "settle");
        Objects.requireNonNull(window, "window");
        if (offTime.compareTo(Duration.ofMillis(100)) < 0 || offTime.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("relay off time " + offTime.toMillis()
                    + " ms is outside 100 ms..60 s; use 3 to 5 s so the device really loses power");
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("relay settle time " + settle.toMillis() + " ms is negative; use 0 or more, e.g. 2 s");
        }
        if (maxCycles < 1) {
            throw new IllegalArgumentException("relay rate limit of " + maxCycles + " cycles is below 1; allow at least 1, e.g. 3 per 10 min");
        }
        if (!window.isPositive()) {
            throw new IllegalArgumentException("relay rate-limit window " + window.toMillis() + " ms is not positive; use e.g. 10 min");
        }
    }
}
