package org.bianmin.device;

import java.time.Instant;

/**
 * Something a device reports on its own: a card placed, paper out, a link lost. Each device package
 * adds its own event records; the link events live here because every device has a link.
 */
public interface DeviceEvent {
    /** The configured name of the device, e.g. "id-card". */
    String device();

    Instant at();

    /** The link to the device was lost (I/O error or repeated timeouts); the driver is reopening it. */
    record Disconnected(String device, Instant at, DeviceError cause, String detail) implements DeviceEvent {}

    /** The link came back after a {@link Disconnected}. */
    record Reconnected(String device, Instant at, int attempts) implements DeviceEvent {}
}
