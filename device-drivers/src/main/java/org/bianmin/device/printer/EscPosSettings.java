package org.bianmin.device.printer;

import java.time.Duration;

/**
 * Timing of the ESC/POS driver. Defaults suit a 9600 8N1 Chinese printer without handshake.
 *
 * @param statusTimeout     how long one DLE EOT reply may take, on top of the wire time of bytes still queued
 * @param statusAttempts    tries per status byte before a TIMEOUT or UNEXPECTED_REPLY is reported
 * @param burstBytes        a job goes out in bursts of at most this many bytes (whole commands; a larger command goes alone)
 * @param pollBetweenBursts ask DLE EOT 1 after each burst: paces the job to the line and stops it when the printer goes offline
 * @param lineBaud          baud of the serial line, to allow for the wire time of queued bytes; 0 for TCP or unknown
 * @param afterJobWait      wait before the status check after a job, so the printer has printed what it buffered
 * @param pollInterval      status poll while enabled, which fires paper and cover events; zero turns it off
 * @param healthTimeout     how long {@code checkHealth} waits for the status or the test receipt
 */
public record EscPosSettings(Duration statusTimeout, int statusAttempts, int burstBytes, boolean pollBetweenBursts,
                             int lineBaud, Duration afterJobWait, Duration pollInterval, Duration healthTimeout) {

    public static final EscPosSettings DEFAULTS = new EscPosSettings(Duration.ofMillis(500), 2, 1024, true, 9600,
            Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(60));

    public EscPosSettings {
        requirePositive("statusTimeout", statusTimeout);
        requirePositive("healthTimeout", healthTimeout);
        if (afterJobWait == null || afterJobWait.isNegative()) {
            throw new IllegalArgumentException("afterJobWait must be zero or more, e.g. 300 ms");
        }
        if (pollInterval == null || pollInterval.isNegative()) {
            throw new IllegalArgumentException("pollInterval must be zero (off) or more, e.g. 2 s");
        }
        if (statusAttempts < 1 || statusAttempts > 10) {
            throw new IllegalArgumentException("statusAttempts " + statusAttempts + " is out of range; use 1..10");
        }
        if (burstBytes < 16 || burstBytes > 65_536) {
            throw new IllegalArgumentException("burstBytes " + burstBytes + " is out of range; use 16..65536 (1024 suits most printers)");
        }
        if (lineBaud < 0) {
            throw new IllegalArgumentException("lineBaud " + lineBaud + " must be the serial baud rate, or 0 for TCP");
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be more than zero");
        }
    }

    /** Nanoseconds {@code bytes} take on the line at 10 bits per byte (8N1); 0 when the baud is unknown. */
    public long wireNanos(long bytes) {
        return lineBaud == 0 ? 0 : bytes * 10 * 1_000_000_000L / lineBaud;
    }

    public EscPosSettings withStatusTimeout(Duration d) {
        return new EscPosSettings(d, statusAttempts, burstBytes, pollBetweenBursts, lineBaud, afterJobWait, pollInterval, healthTimeout);
    }

    public EscPosSettings withStatusAttempts(int n) {
        return new EscPosSettings(statusTimeout, n, burstBytes, pollBetweenBursts, lineBaud, afterJobWait, pollInterval, healthTimeout);
    }

    public EscPosSettings withBursts(int bytes, boolean poll) {
        return new EscPosSettings(statusTimeout, statusAttempts, bytes, poll, lineBaud, afterJobWait, pollInterval, healthTimeout);
    }

    public EscPosSettings withLineBaud(int baud) {
        return new EscPosSettings(statusTimeout, statusAttempts, burstBytes, pollBetweenBursts, baud, afterJobWait, pollInterval, healthTimeout);
    }

    public EscPosSettings withAfterJobWait(Duration d) {
        return new EscPosSettings(statusTimeout, statusAttempts, burstBytes, pollBetweenBursts, lineBaud, d, pollInterval, healthTimeout);
    }

    public EscPosSettings withPollInterval(Duration d) {
        return new EscPosSettings(statusTimeout, statusAttempts, burstBytes, pollBetweenBursts, lineBaud, afterJobWait, d, healthTimeout);
    }

    public EscPosSettings withHealthTimeout(Duration d) {
        return new EscPosSettings(statusTimeout, statusAttempts, burstBytes, pollBetweenBursts, lineBaud, afterJobWait, pollInterval, d);
    }
}
