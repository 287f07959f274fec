package org.bianmin.backend.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a staged rollout stands. Only a running rollout releases more kiosks; only a halted one can be resumed. */
public enum RolloutState {
    /** Releasing wave after wave as the released kiosks report. */
    RUNNING,
    /** Stopped at the failure threshold; the admin resumes or aborts it. */
    HALTED,
    /** Every kiosk of the target was released and the version is now the target's. */
    COMPLETED,
    /** Stopped by the admin; released kiosks keep the new version (kiosks refuse lower versions), the rest the old. */
    ABORTED,
    /** A later push to the same target took its place. */
    SUPERSEDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RolloutState of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
