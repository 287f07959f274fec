package org.bianmin.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each screen waits for the citizen, and how long the kiosk waits for a document and for its printers.
 *
 * @param home          Home screen, before the kiosk returns to its idle screen
 * @param identify      waiting for a card or a code
 * @param guide         the service guide (办事指南)
 * @param preview       the document preview
 * @param done          "take your documents and your card"
 * @param evaluate      the evaluation (好差评)
 * @param problem       an error screen
 * @param fetchWatchdog fetching a document from the backend, before the kiosk reports a problem
 * @param printWatchdog both print jobs, before the kiosk reports a problem
 */
public record SessionTimeouts(Duration home, Duration identify, Duration guide, Duration preview, Duration done,
                              Duration evaluate, Duration problem, Duration fetchWatchdog, Duration printWatchdog) {

    public SessionTimeouts {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(identify, "identify");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(evaluate, "evaluate");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fetchWatchdog, "fetchWatchdog");
        Objects.requireNonNull(printWatchdog, "printWatchdog");
    }

    /** Every screen's timeout multiplied by {@code factor}, to the millisecond; the watchdogs unchanged. */
    public SessionTimeouts screensTimes(double factor) {
        return new SessionTimeouts(times(home, factor), times(identify, factor), times(guide, factor), times(preview, factor),
                times(done, factor), times(evaluate, factor), times(problem, factor), fetchWatchdog, printWatchdog);
    }

    private static Duration times(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }
}
