package org.bianmin.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the kiosk follows the fleet service: whose signatures it accepts on pushed configuration, and how long one
 * long-poll for desired configuration waits.
 *
 * @param adminKeys absolute paths of the admin public keys (PEM, Ed25519) whose signed configurations the kiosk applies;
 *                  empty means it applies none and reports every push rejected
 * @param pollWait  how long the backend may hold one request for desired configuration before it answers "no change"
 */
public record FleetSettings(List<Path> adminKeys, Duration pollWait) {

    public FleetSettings {
        adminKeys = List.copyOf(adminKeys);
        Objects.requireNonNull(pollWait, "pollWait");
    }
}
