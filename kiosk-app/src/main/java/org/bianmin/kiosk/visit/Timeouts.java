package org.bianmin.kiosk.visit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each screen waits for the citizen (or, on busy screens, for the kiosk), how much longer in
 * elder mode, and from how many seconds left the countdown warns.
 */
public record Timeouts(Map<Step, Duration> perStep, double elderFactor, Duration warnBefore) {

    public Timeouts {
        if (elderFactor < 1.0) {
            throw new IllegalArgumentException("elderFactor must be at least 1, was " + elderFactor);
        }
        EnumMap<Step, Duration> m = new EnumMap<>(Step.class);
        m.putAll(perStep);
        for (Step s : Step.values()) {
            if (s.inVisit() && !m.containsKey(s)) {
                throw new IllegalArgumentException("no timeout for step " + s);
            }
        }
        perStep = Map.copyOf(m);
    }

    /** Reasonable defaults for a township kiosk. */
    public static Timeouts defaults() {
        EnumMap<Step, Duration> m = new EnumMap<>(Step.class);
        m.put(Step.HOME, Duration.ofSeconds(60));
        m.put(Step.IDENTIFY, Duration.ofSeconds(60));
        m.put(Step.SERVICE_GUIDE, Duration.ofSeconds(90));
        m.put(Step.FETCH, Duration.ofSeconds(30));
        m.put(Step.PREVIEW, Duration.ofSeconds(90));
        m.put(Step.PRINT, Duration.ofSeconds(120));
        m.put(Step.DONE, Duration.ofSeconds(30));
        m.put(Step.EVALUATE, Duration.ofSeconds(45));
        m.put(Step.PROBLEM, Duration.ofSeconds(45));
        return new Timeouts(m, 2.0, Duration.ofSeconds(15));
    }

    /** The step's timeout, stretched in elder mode (busy screens' watchdogs are not stretched). */
    public Duration of(Step step, boolean elderMode) {
        Duration d = perStep.get(step);
        if (d == null) {
            return Duration.ZERO;
        }
        return elderMode && !step.busy() ? Duration.ofMillis(Math.round(d.toMillis() * elderFactor)) : d;
    }
}
