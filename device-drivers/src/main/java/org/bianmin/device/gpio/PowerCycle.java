package org.bianmin.device.gpio;

import java.time.Duration;
import java.time.Instant;

/**
 * A completed power cycle of one device: power cut at {@code off}, back at {@code on}, port reopened by
 * the caller's callback at {@code reopened}.
 */
public record PowerCycle(String device, Instant off, Instant on, Instant reopened) {

    public Duration unpowered() {
        return Duration.between(off, on);
    }
}
