package org.bianmin.backend.fleet;

import java.time.Instant;
import java.util.List;

/**
 * One kiosk in the fleet table: who it is, whether it is heard from, and what its last heartbeat said.
 *
 * <p>For a kiosk never seen, everything after {@code lastSeen} is null or empty.
 *
 * @param failingDevices the devices whose health is failing or down
 * @param paperLow       the printers whose paper is low or out
 */
public record KioskSummary(String kioskId, String name, KioskStatus status, Instant lastSeen, Integer intervalSeconds,
                           String appVersion, Long configVersion, String mode, List<String> failingDevices,
                           List<String> paperLow, List<String> servicesOut, List<Heartbeat.DeviceHealth> devices) {
}
