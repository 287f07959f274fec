package org.bianmin.device.scanner;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything the serial scanner driver needs besides its link: the trigger protocol and its commands,
 * the framing of codes, and the timeouts.
 *
 * @param protocol NONE for continuous/sense mode, or the command protocol of the scanner
 * @param format how bytes become codes
 * @param commands what is sent to start and stop a scan and to query the scanner
 * @param replyTimeout how long a command may wait for its reply
 * @param healthScanTimeout how long an EXTERNAL health check waits for a code to be presented
 * @param pollInterval the longest the device thread reads before it looks at queued requests again
 */
public record ScannerConfig(TriggerProtocol protocol, ScanFormat format, TriggerCommands commands,
                            Duration replyTimeout, Duration healthScanTimeout, Duration pollInterval) {

    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_HEALTH_SCAN_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);

    public ScannerConfig {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(commands, "commands");
        positive(replyTimeout, "reply timeout", "500 ms");
        positive(healthScanTimeout, "health scan timeout", "10 s");
        positive(pollInterval, "poll interval", "50 ms");
        if (protocol.hasCommandChannel() && commands.start().length == 0) {
            throw new IllegalArgumentException("scanner protocol " + protocol + " needs a start command;"
                    + " use TriggerCommands.defaults(" + protocol + ", true)");
        }
    }

    private static void positive(Duration d, String what, String example) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("scanner " + what + " must be a positive duration, e.g. " + example + "; got " + d);
        }
    }

    /** The protocol's default commands (GM65 with a real CRC), default framing and timeouts. */
    public static ScannerConfig of(TriggerProtocol protocol) {
        return new ScannerConfig(protocol, ScanFormat.defaults(), TriggerCommands.defaults(protocol, true),
                DEFAULT_REPLY_TIMEOUT, DEFAULT_HEALTH_SCAN_TIMEOUT, DEFAULT_POLL_INTERVAL);
    }

    public ScannerConfig withFormat(ScanFormat f) {
        return new ScannerConfig(protocol, f, commands, replyTimeout, healthScanTimeout, pollInterval);
    }

    public ScannerConfig withCommands(TriggerCommands c) {
        return new ScannerConfig(protocol, format, c, replyTimeout, healthScanTimeout, pollInterval);
    }

    public ScannerConfig withReplyTimeout(Duration d) {
        return new ScannerConfig(protocol, format, commands, d, healthScanTimeout, pollInterval);
    }

    public ScannerConfig withHealthScanTimeout(Duration d) {
        return new ScannerConfig(protocol, format, commands, replyTimeout, d, pollInterval);
    }

    public ScannerConfig withPollInterval(Duration d) {
        return new ScannerConfig(protocol, format, commands, replyTimeout, healthScanTimeout, d);
    }
}
