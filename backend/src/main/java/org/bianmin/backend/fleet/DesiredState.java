package org.bianmin.backend.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bianmin.backend.store.DesiredConfigs;

/**
 * What every kiosk should run, computed in memory from one snapshot of the store: the version of a target a kiosk gets
 * is the target's own, or the version of an open rollout that released the kiosk when that is higher (a kiosk is never
 * asked to go back to a lower version: it would refuse it).
 */
public final class DesiredState {
    private final DesiredConfigs.Snapshot snapshot;

    public DesiredState(DesiredConfigs.Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    public long generation() {
        return snapshot.generation();
    }

    /** Whether {@code kioskId} was removed from the fleet: it gets nothing, and a request of its still waiting ends. */
    public boolean removed(String kioskId) {
        return snapshot.removed().contains(kioskId);
    }

    /** The layers {@code kioskId} should run. */
    public Desired of(String kioskId) {
        List<String> groups = snapshot.groupsByKiosk().getOrDefault(kioskId, List.of());
        List<String> targets = new ArrayList<>();
        targets.add("fleet");
        groups.forEach(g -> targets.add("group:" + g));
        targets.add("kiosk:" + kioskId);
        List<Desired.Layer> layers = new ArrayList<>();
        StringBuilder key = new StringBuilder("groups=").append(String.join(",", groups));
        for (String t : targets) {
            long version = snapshot.versions().getOrDefault(t, 0L);
            for (DesiredConfigs.OpenRollout r : snapshot.rollouts()) {
                if (r.target().equals(t) && r.version() > version && r.released().contains(kioskId)) {
                    version = r.version();
                }
            }
            if (version > 0) {
                layers.add(new Desired.Layer(t, version));
                key.append(';').append(t).append('=').append(version);
            }
        }
        return new Desired(etag(key.toString()), List.copyOf(groups), List.copyOf(layers));
    }

    private static String etag(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
