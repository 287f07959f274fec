package org.bianmin.device.document;

import java.time.Duration;

/**
 * How long the A4 printer's driver waits and how often it looks.
 *
 * @param jobTimeout   from handing the job to the queue until it must have finished; after it the job
 *                     is cancelled (so it never prints for the next citizen) and fails
 * @param pollInterval between two looks at the job and the printer while it prints
 * @param maxPages     the most pages one job may have; a longer PDF is refused before it reaches the queue
 */
public record DocumentPrinterSettings(Duration jobTimeout, Duration pollInterval, int maxPages) {
    /** Two minutes for a job (a cold laser printer takes 30 s for its first page), a look every 250 ms, 50 pages. */
    public static final DocumentPrinterSettings DEFAULTS = new DocumentPrinterSettings(Duration.ofMinutes(2), Duration.ofMillis(250), 50);

    public DocumentPrinterSettings {
        if (jobTimeout == null || jobTimeout.isNegative() || jobTimeout.isZero()) {
            throw new IllegalArgumentException("document printer job timeout must be more than zero, e.g. 120 s");
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("document printer poll interval must be more than zero, e.g. 250 ms");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("document printer page limit " + maxPages + " must be at least 1");
        }
    }

    public DocumentPrinterSettings withJobTimeout(Duration d) {
        return new DocumentPrinterSettings(d, pollInterval, maxPages);
    }

    public DocumentPrinterSettings withPollInterval(Duration d) {
        return new DocumentPrinterSettings(jobTimeout, d, maxPages);
    }
}
