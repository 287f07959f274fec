package org.bianmin.kiosk.diag;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one device: where it is, ok / FAIL / skipped, how long the check took, what
 * was seen, and — for a failure, or an ok with a warning such as paper near end — the finding.
 *
 * @param device    the device's name, e.g. {@code receipt-printer}
 * @param port      where it was checked: a serial port, tcp://host:port, a CUPS queue, spool:DIR, or "simulator"
 * @param required  a required device that fails makes the self-test fail; an optional one only warns
 * @param simulated checked against the built-in simulator the config asks for
 * @param detail    what the check saw, in the technician's terms (status bytes, queue state), never personal data
 */
public record CheckResult(String device, String port, Outcome outcome, boolean required, boolean simulated, Duration took,
                          String detail, Optional<Finding> finding) {

    public enum Outcome { OK, FAIL, SKIPPED }

    public CheckResult {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(finding, "finding");
        if (outcome == Outcome.FAIL && finding.isEmpty()) {
            throw new IllegalArgumentException(device + ": a failure needs a finding");
        }
    }

    /** A required device that failed: the kiosk is not ready. */
    public boolean blocksTheKiosk() {
        return outcome == Outcome.FAIL && required;
    }

    /** An ok that carries a warning (paper near end), or an optional device that failed. */
    public boolean warns() {
        return finding.isPresent() && !blocksTheKiosk();
    }
}
