package org.bianmin.device.gpio;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the sensor inputs.
 *
 * @param doorStableFor the door/tamper switch must hold a new level this long before it counts (PROTOCOLS §4.4: ≥ 200 ms)
 * @param presenceHold  how long the presence sensor must stay LOW before "someone left" is reported
 * @param inputFilter   the GPIO provider's own glitch filter per input edge (10–50 ms for a switch) [U: honoured by gpiod?]
 */
public record SensorSettings(Duration doorStableFor, Duration presenceHold, Duration inputFilter) {

    public static final SensorSettings DEFAULTS =
            new SensorSettings(Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofMillis(10));

    public SensorSettings {
        notNegative("door stable time", doorStableFor, "200 ms");
        notNegative("presence hold time", presenceHold, "3 s");
        notNegative("input filter", inputFilter, "10 ms");
    }

    private static void notNegative(String what, Duration d, String example) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " " + d.toMillis() + " ms is negative; use 0 or more, e.g. " + example);
        }
    }
}
