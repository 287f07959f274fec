package org.bianmin.backend.store;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a kiosk reports about one layer of its configuration.
 *
 * @param target  {@code fleet}, {@code group:NAME} or {@code kiosk:ID}
 * @param version the version the status is about
 * @param running the version of this layer the kiosk runs now, or null when it says nothing more than the status
 *                (then an applied version is the one it runs)
 * @param status  pending, applied, failed, reverted or rejected
 * @param reason  why it failed, reverted or was rejected, in technician words; null when applied or pending
 * @param at      when the kiosk reached this status, by its own clock
 */
public record LayerReport(String target, long version, Long running, ReportStatus status, String reason, Instant at) {
    static final Pattern TARGET = Pattern.compile("fleet|(group|kiosk):[a-z0-9][a-z0-9-]{2,63}");
    public static final int MAX_REASON = 500;

    public LayerReport {
        Checks.matches("target", target, TARGET, "must be fleet, group:NAME or kiosk:ID");
        if (version < 1) {
            throw new InvalidInputException("version", "must be 1 or more");
        }
        if (running != null && (running < 0 || running > version)) {
            throw new InvalidInputException("running", "must be from 0 (none) to the reported version " + version);
        }
        Checks.present("status", status);
        Checks.present("at", at);
        Checks.maxLength("reason", reason, MAX_REASON);
        if (status.isFailure() && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "is required when the status is " + status.wireName()
                    + ": say why, so the admin can act");
        }
        if (reason != null) {
            reason = reason.replaceAll("\\p{Cntrl}", " ");
        }
    }

    /** The version of this layer the kiosk runs: {@code running}, or the version itself when applied. */
    public long runs() {
        if (running != null) {
            return running;
        }
        return status == ReportStatus.APPLIED ? version : 0;
    }
}
