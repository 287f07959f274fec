package org.bianmin.device.gpio;

/** The kiosk's status lights. */
public enum Light {
    /** At the card-reader slot: blinks while the kiosk waits for a card, steady while reading. */
    GUIDE,
    /** Tells staff the kiosk needs attention (a device is down, the door was opened). */
    FAULT
}
