package org.bianmin.backend.fleet;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;

/** Whether a kiosk is heard from: online, offline (missed three heartbeats), or never seen since it was registered. */
public enum KioskStatus {
    ONLINE("online"), OFFLINE("offline"), NEVER_SEEN("never-seen");

    /** Beats a kiosk may miss before it counts as offline. */
    public static final int MISSED_BEATS = 3;
    /** Added to the allowance for network and processing delays. */
    public static final Duration SLACK = Duration.ofSeconds(5);

    private final String wireName;

    KioskStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The status at {@code now} of a kiosk last heard from at {@code lastSeen} (null: never) that beats every {@code intervalSeconds}. */
    public static KioskStatus of(Instant lastSeen, int intervalSeconds, Instant now) {
        if (lastSeen == null) {
            return NEVER_SEEN;
        }
        Duration allowance = Duration.ofSeconds((long) MISSED_BEATS * intervalSeconds).plus(SLACK);
        return Duration.between(lastSeen, now).compareTo(allowance) > 0 ? OFFLINE : ONLINE;
    }
}
