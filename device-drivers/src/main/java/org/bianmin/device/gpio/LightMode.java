package org.bianmin.device.gpio;

/** What a light has been told to do. */
public enum LightMode {
    OFF,
    ON,
    /** Lit for half the period, dark for the other half, starting lit. */
    BLINKING
}
