package org.bianmin.device.idcard;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Settings of {@link SamIdCardReader}, validated when built; each message names the setting and the fix.
 *
 * <p>The removal probe: after a read the card is halted, so find answers 80 whether it is still on
 * the reader or not. With {@link RemovalProbe#SELECT} (the default) the armed reader sends select
 * after each such find; {@code removalProbeFailures} non-90 answers in a row (2 by default) end the
 * card with {@code CardRemoved}, and any 90 starts the count again. That a halted card answers select
 * with 90 is unconfirmed [U], so one odd answer must not end a citizen's visit; a lift is noticed one
 * poll interval later than with a single probe. Set 1 only on a model checked to answer select
 * reliably; choose {@link RemovalProbe#NONE} on a model whose halted cards never answer 90.
 *
 * @param timeouts             per-command reply timeouts
 * @param pollInterval         pause between finds while armed; at least 300 ms (vendor SDKs require it)
 * @param readFingerprints     read with 30 10 (text + photo + fingerprints) instead of 30 01
 * @param readAppendedAddress  also read the appended address (30 03) after every card
 * @param maxRfFrameBytes      sent as 61 FF nn at open and after every reconnect when present (hev-idcard-reader sends 80)
 * @param removalProbe         how an armed reader notices that a card it read has been lifted
 * @param removalProbeFailures select probes in a row that must fail before a read card counts as lifted; 1..10
 * @param baudCodes            rate codes of the set-baud command 60 xx [U]
 */
public record SamReaderConfig(Timeouts timeouts, Duration pollInterval, boolean readFingerprints, boolean readAppendedAddress,
        OptionalInt maxRfFrameBytes, RemovalProbe removalProbe, int removalProbeFailures, BaudCodes baudCodes) {

    /** Polling faster than this makes modules miss cards (Huashi SDK notes: "> 300 ms"). */
    public static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(300);
    /** Failed select probes in a row that end a read card: one stray answer is not a lift. */
    public static final int DEFAULT_REMOVAL_PROBE_FAILURES = 2;

    /**
     * How a read card's departure is noticed. After a read the card is halted and find answers 80
     * whether or not it is still there, so find alone cannot tell.
     */
    public enum RemovalProbe {
        /**
         * After find answers 80, send select: 90 = the read card is still on the reader [U]; only
         * {@code removalProbeFailures} other answers in a row count as lifted.
         */
        SELECT,
        /** No probe: a lift is only noticed when find answers 9F again (the card was put back or another came). */
        NONE
    }

    /**
     * How long to wait for each reply (PROTOCOLS.md §1.5, Synjones SDK: SAM 300 ms, find and select
     * 500 ms, read 3500 ms, appended address 1000 ms).
     */
    public record Timeouts(Duration sam, Duration find, Duration select, Duration read, Duration appendedAddress) {
        /** A text + photo + two fingerprints reply at 9600 baud needs 2.4 s of wire time plus up to 0.9 s RF time. */
        public static final Duration MIN_READ = Duration.ofMillis(3500);
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofMillis(300), Duration.ofMillis(500),
                Duration.ofMillis(500), MIN_READ, Duration.ofMillis(1000));

        public Timeouts {
            positive(sam, "timeouts.sam");
            positive(find, "timeouts.find");
            positive(select, "timeouts.select");
            positive(appendedAddress, "timeouts.appended-address");
            if (read == null || read.compareTo(MIN_READ) < 0) {
                throw new IllegalArgumentException("timeouts.read " + (read == null ? "missing" : read.toMillis() + " ms")
                        + " is below " + MIN_READ.toMillis() + " ms; a read at 9600 baud with fingerprints takes about 3.3 s, so use 3500 ms or more");
            }
        }

        public Timeouts withSam(Duration d) {
            return new Timeouts(d, find, select, read, appendedAddress);
        }

        public Timeouts withFind(Duration d) {
            return new Timeouts(sam, d, select, read, appendedAddress);
        }

        public Timeouts withSelect(Duration d) {
            return new Timeouts(sam, find, d, read, appendedAddress);
        }

        public Timeouts withRead(Duration d) {
            return new Timeouts(sam, find, select, d, appendedAddress);
        }

        private static void positive(Duration d, String key) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be a positive duration, e.g. 500 ms; got " + d);
            }
        }
    }

    public SamReaderConfig {
        if (timeouts == null || removalProbe == null || baudCodes == null || maxRfFrameBytes == null) {
            throw new IllegalArgumentException("timeouts, removal probe, max RF frame bytes and baud codes must be given; start from SamReaderConfig.defaults()");
        }
        if (pollInterval == null || pollInterval.compareTo(MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("poll-interval " + (pollInterval == null ? "missing" : pollInterval.toMillis() + " ms")
                    + " is below the " + MIN_POLL_INTERVAL.toMillis() + " ms floor; reader modules miss cards when polled faster, so use 300 ms or more");
        }
        if (maxRfFrameBytes.isPresent() && (maxRfFrameBytes.getAsInt() < 1 || maxRfFrameBytes.getAsInt() > 255)) {
            throw new IllegalArgumentException("max-rf-frame-bytes " + maxRfFrameBytes.getAsInt() + " must be 1..255 (80 is usual), or leave it unset");
        }
        if (removalProbeFailures < 1 || removalProbeFailures > 10) {
            throw new IllegalArgumentException("removal-probe-failures " + removalProbeFailures + " must be 1..10; use "
                    + DEFAULT_REMOVAL_PROBE_FAILURES + " so that one stray select answer does not end a visit");
        }
    }

    /** 700 ms polling (vendor advice: above 600 ms), text + photo only, no appended address, select probe failing twice. */
    public static SamReaderConfig defaults() {
        return new SamReaderConfig(Timeouts.DEFAULTS, Duration.ofMillis(700), false, false, OptionalInt.empty(),
                RemovalProbe.SELECT, DEFAULT_REMOVAL_PROBE_FAILURES, BaudCodes.COMMON);
    }

    public SamReaderConfig withTimeouts(Timeouts t) {
        return new SamReaderConfig(t, pollInterval, readFingerprints, readAppendedAddress, maxRfFrameBytes, removalProbe, removalProbeFailures, baudCodes);
    }

    public SamReaderConfig withPollInterval(Duration d) {
        return new SamReaderConfig(timeouts, d, readFingerprints, readAppendedAddress, maxRfFrameBytes, removalProbe, removalProbeFailures, baudCodes);
    }

    public SamReaderConfig withFingerprints(boolean on) {
        return new SamReaderConfig(timeouts, pollInterval, on, readAppendedAddress, maxRfFrameBytes, removalProbe, removalProbeFailures, baudCodes);
    }

    public SamReaderConfig withAppendedAddress(boolean on) {
        return new SamReaderConfig(timeouts, pollInterval, readFingerprints, on, maxRfFrameBytes, removalProbe, removalProbeFailures, baudCodes);
    }

    public SamReaderConfig withMaxRfFrameBytes(int bytes) {
        return new SamReaderConfig(timeouts, pollInterval, readFingerprints, readAppendedAddress, OptionalInt.of(bytes), removalProbe, removalProbeFailures, baudCodes);
    }

    public SamReaderConfig withRemovalProbe(RemovalProbe p) {
        return new SamReaderConfig(timeouts, pollInterval, readFingerprints, readAppendedAddress, maxRfFrameBytes, p, removalProbeFailures, baudCodes);
    }

    public SamReaderConfig withRemovalProbeFailures(int inARow) {
        return new SamReaderConfig(timeouts, pollInterval, readFingerprints, readAppendedAddress, maxRfFrameBytes, removalProbe, inARow, baudCodes);
    }

    public SamReaderConfig withBaudCodes(BaudCodes codes) {
        return new SamReaderConfig(timeouts, pollInterval, readFingerprints, readAppendedAddress, maxRfFrameBytes, removalProbe, removalProbeFailures, codes);
    }
}
