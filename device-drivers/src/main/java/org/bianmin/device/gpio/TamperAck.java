package org.bianmin.device.gpio;

/** The outcome of {@link Sensors#acknowledgeTamper()}. */
public enum TamperAck {
    /** The alarm was raised and is now cleared. */
    CLEARED,
    /** There was no alarm to clear. */
    NOTHING_RAISED,
    /** The door still reads open (or its wire is cut): close it, wait for the stable time, then acknowledge. */
    DOOR_STILL_OPEN
}
