package org.bianmin.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The rhythm of a visit.
 *
 * @param timeouts         the screens' and watchdogs' timeouts in normal mode
 * @param elderFactor      elder mode (适老化) multiplies every screen's timeout by this, at least 1.5
 * @param countdownWarning how long before a screen's timeout its countdown and "more time" button appear
 */
public record SessionSettings(SessionTimeouts timeouts, double elderFactor, Duration countdownWarning) {

    public SessionSettings {
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(countdownWarning, "countdownWarning");
    }

    /** The timeouts in force, stretched by {@link #elderFactor} in elder mode. */
    public SessionTimeouts timeoutsFor(boolean elderMode) {
        return elderMode ? timeouts.screensTimes(elderFactor) : timeouts;
    }
}
