package org.bianmin.backend.store;

import java.time.Instant;

/**
 * A staged rollout of one group or fleet version and how far it got.
 *
 * @param stagePercent     the share of the target's kiosks each wave releases
 * @param stopOnFailures   released kiosks reporting failed, reverted or rejected (beyond those accepted) that halt it
 * @param failuresAccepted failures seen before the last resume, which no longer count toward the threshold
 * @param waves            waves released so far
 * @param released         kiosks released so far
 * @param applied          of those, how many report the version applied
 * @param failed           of those, how many report it failed, reverted or rejected
 * @param note             why it halted or ended, or null
 */
public record Rollout(long id, String target, long version, int stagePercent, int stopOnFailures, int failuresAccepted,
                      RolloutState state, int waves, int released, int applied, int failed, String note, String startedBy,
                      Instant startedAt, Instant updatedAt) {

    /** Released kiosks that have not reported an outcome for the version yet. */
    public int waiting() {
        return released - applied - failed;
    }
}
