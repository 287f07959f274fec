package org.bianmin.kiosk.fleet;

import java.time.Instant;
import java.util.Objects;

/**
 * What the kiosk tells the fleet service about one layer of its desired configuration: which layer, the version the
 * report is about, what became of it, why, and which version of that layer the kiosk runs as a result.
 *
 * @param target         {@code fleet}, {@code group:NAME} or {@code kiosk:ID}, as the envelope claims it
 * @param version        the version the report is about
 * @param status         what became of it
 * @param reason         one line for the admin: why it was refused, failed or reverted, or what a pending one waits for;
 *                       empty when applied
 * @param runningVersion the version of this layer the kiosk runs after this, 0 for none
 * @param at             when the kiosk decided
 */
public record ReportedConfig(String target, long version, Status status, String reason, long runningVersion, Instant at) {

    /** The life of a desired layer on one kiosk. */
    public enum Status {
        /** Stored and being applied; its health check has not passed yet. */
        PENDING,
        /** Applied, healthy and committed: the kiosk runs it and starts with it. */
        APPLIED,
        /** Applying or its health check failed, and the last known good configuration could not be re-applied live either;
         *  the kiosk starts with the last known good one. */
        FAILED,
        /** Applying or its health check failed, or the kiosk stopped during the apply; the last known good runs again. */
        REVERTED,
        /** Never applied: unreadable, unsigned, not trusted, changed after signing, for another kiosk, not newer than the
         *  running version, or not a valid configuration for this kiosk. */
        REJECTED
    }

    public ReportedConfig {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return target + " version " + version + " " + status + (reason.isEmpty() ? "" : " (" + reason + ")") + ", running "
                + runningVersion + " at " + at;
    }
}
