package org.bianmin.device.gpio;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.Device;

/**
 * Cuts and restores power to a hung peripheral (printer, card reader, scanner) so its port can be reopened.
 *
 * <p>Relays are wired through the normally-closed contact: a released relay powers the device, so a
 * crashed kiosk or a closed relay device leaves every peripheral powered.
 */
public interface PowerRelay extends Device {

    /** The device names that have a relay. */
    Set<String> devices();

    /**
     * Cuts power to {@code device} for the configured off time, restores it, then calls {@code reopen} (the
     * caller's port reopen) once on the relay's thread. The future fails with:
     * {@link PowerCycleRefused} ({@code RATE_LIMITED}) when the device was cycled too often or a cycle is
     * running, {@code BAD_SETTINGS} when no relay is configured for the device, {@code GPIO_FAULT} when the
     * relay cannot be switched, {@code INTERNAL} when {@code reopen} throws or the relay is not enabled.
     */
    CompletableFuture<PowerCycle> powerCycle(String device, Runnable reopen);

    /** Empty when a power cycle of {@code device} would be accepted now; otherwise when it will be. */
    Optional<Instant> nextCycleAllowed(String device);
}
