package org.bianmin.device.gpio;

import java.time.Instant;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/** A power cycle was refused by the rate limit (or one is already running); {@link #notBefore()} says when to try again. */
public final class PowerCycleRefused extends DeviceException {
    private final Instant notBefore;

    public PowerCycleRefused(String detail, Instant notBefore) {
        super(DeviceError.RATE_LIMITED, detail);
        this.notBefore = notBefore;
    }

    /** The earliest time another power cycle of this device will be accepted. */
    public Instant notBefore() {
        return notBefore;
    }
}
