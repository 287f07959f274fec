package org.bianmin.kiosk.diag;

/** One device's check: runs against the device where the config puts it and says what it found. */
interface DeviceCheck {

    /** The device's name, e.g. {@code id-card}. */
    String device();

    /** Where it is checked, as the technician reads it in the config: a port, a queue, spool:DIR. */
    String port();

    boolean required();

    boolean simulated();

    /** Talks to the device; a device problem is a {@link Verdict#fail}, not an exception. */
    Verdict check();
}
