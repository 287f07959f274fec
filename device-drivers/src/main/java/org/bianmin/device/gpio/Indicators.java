package org.bianmin.device.gpio;

import java.time.Duration;
import org.bianmin.device.Device;

/**
 * The kiosk's lights as the app sees them: the guide light at the card slot and the fault light.
 *
 * <p>Every command returns at once; the light changes on the device's own thread, and blinking runs from
 * its scheduler. The last command wins. {@link #close()} turns every light off.
 */
public interface Indicators extends Device {

    /** The guide light's blink period while the kiosk waits for a card. */
    Duration WAITING_FOR_CARD = Duration.ofSeconds(1);

    /** Shortest blink period accepted: faster than this the LED just looks dim. */
    Duration MIN_BLINK_PERIOD = Duration.ofMillis(100);

    /** Longest blink period accepted. */
    Duration MAX_BLINK_PERIOD = Duration.ofMinutes(1);

    /**
     * @throws IllegalStateException when the device is not enabled
     */
    void on(Light light);

    /**
     * @throws IllegalStateException when the device is not enabled
     */
    void off(Light light);

    /**
     * Blinks the light: lit for half the period, dark for the other half, starting lit.
     *
     * @throws IllegalArgumentException when the period is outside {@link #MIN_BLINK_PERIOD}..{@link #MAX_BLINK_PERIOD}
     * @throws IllegalStateException    when the device is not enabled
     */
    void blink(Light light, Duration period);

    /** The last command given to the light ({@link LightMode#OFF} while closed). */
    LightMode mode(Light light);
}
