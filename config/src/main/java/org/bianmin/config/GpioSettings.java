package org.bianmin.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Lights, sensors and relays on the GPIO header. Pins are BCM GPIO numbers (0–27), each used once.
 *
 * @param enabled         whether the kiosk drives GPIO at all
 * @param simulated       use simulated pins instead of the hardware
 * @param lights          the status lights
 * @param lightsActiveLow true when a LOW level lights a light
 * @param presenceSensor  PIR or radar output, HIGH when someone is in front of the kiosk
 * @param doorSwitch      normally-closed cabinet door switch to GND, HIGH when open
 * @param relays          the relay that power-cycles each device, for the devices that have one
 * @param relaysActiveLow true when a LOW level energises a relay coil
 */
public record GpioSettings(boolean enabled, boolean simulated, Lights lights, boolean lightsActiveLow, int presenceSensor,
                           int doorSwitch, Map<DeviceKind, Integer> relays, boolean relaysActiveLow) {

    /** Lowest and highest BCM GPIO number on the 40-pin header. */
    public static final int MIN_PIN = 0;
    public static final int MAX_PIN = 27;

    public GpioSettings {
        Objects.requireNonNull(lights, "lights");
        relays = Collections.unmodifiableMap(relays.isEmpty() ? new EnumMap<>(DeviceKind.class) : new EnumMap<>(relays));
    }

    /**
     * The status lights.
     *
     * @param cardReader at the card-reader slot: blinks while the kiosk waits for a card
     * @param scanner    at the scanner window, if wired
     * @param printer    at the printer outlet, if wired
     * @param fault      tells staff the kiosk needs attention
     */
    public record Lights(int cardReader, OptionalInt scanner, OptionalInt printer, int fault) {
        public Lights {
            Objects.requireNonNull(scanner, "scanner");
            Objects.requireNonNull(printer, "printer");
        }
    }
}
