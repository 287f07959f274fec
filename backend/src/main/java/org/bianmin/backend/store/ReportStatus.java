package org.bianmin.backend.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a kiosk says about one layer version it was given. */
public enum ReportStatus {
    /** Received and being applied. */
    PENDING,
    /** Running it. */
    APPLIED,
    /** Could not apply it; still runs what it ran. */
    FAILED,
    /** Applied it, the health check failed, and it went back to its last known good config. */
    REVERTED,
    /** Refused it unapplied: signature, key, target, version or schema. */
    REJECTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A failure the rollout counts: the kiosk does not run the version. */
    public boolean isFailure() {
        return this == FAILED || this == REVERTED || this == REJECTED;
    }

    @JsonCreator
    public static ReportStatus of(String wireName) {
        for (ReportStatus s : values()) {
            if (s.wireName().equals(wireName)) {
                return s;
            }
        }
        throw new InvalidInputException("status", "'" + wireName + "' is not a status; use one of "
                + Arrays.stream(values()).map(ReportStatus::wireName).collect(Collectors.joining(", ")));
    }
}
