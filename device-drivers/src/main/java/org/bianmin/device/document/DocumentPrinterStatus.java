package org.bianmin.device.document;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bianmin.device.DeviceError;

/**
 * How the A4 printer's queue is, in IPP's words: the printer state, whether the queue accepts jobs,
 * the state reasons ({@code media-empty-error}, {@code paused}, {@code cover-open}…), the jobs
 * waiting, and the server's message. {@link #problem()} says whether a job may start.
 *
 * @param reasons IPP keywords with their severity suffix, e.g. {@code media-empty-error}; never {@code none}
 */
public record DocumentPrinterStatus(State state, boolean acceptingJobs, List<String> reasons, int queuedJobs, String message) {

    /** printer-state: 3 idle, 4 processing, 5 stopped. */
    public enum State {
        IDLE, PROCESSING, STOPPED, UNKNOWN;

        public static State ofIpp(int value) {
            return switch (value) {
                case 3 -> IDLE;
                case 4 -> PROCESSING;
                case 5 -> STOPPED;
                default -> UNKNOWN;
            };
        }
    }

    private static final Set<String> PAPER_OUT = Set.of("media-empty", "media-needed", "input-tray-missing");
    private static final Set<String> PAPER_LOW = Set.of("media-low");
    private static final Set<String> COVER_OPEN = Set.of("cover-open", "door-open", "interlock-open");
    private static final Set<String> OFFLINE = Set.of("offline", "shutdown", "paused", "moving-to-paused", "stopped-partly",
            "stopping", "connecting-to-device", "timed-out");

    public DocumentPrinterStatus {
        reasons = reasons.stream().filter(r -> !r.equals("none")).toList();
        message = message == null ? "" : message;
    }

    /** A queue that is idle, accepts jobs and reports nothing. */
    public static DocumentPrinterStatus idle() {
        return new DocumentPrinterStatus(State.IDLE, true, List.of(), 0, "");
    }

    /**
     * Why a job may not start, most specific first: paper, cover, a fault the printer reports as an
     * error, then a stopped or rejecting queue. Warnings and reports (paper low) do not stop a job.
     */
    public Optional<DeviceError> problem() {
        List<String> errors = reasons.stream().filter(DocumentPrinterStatus::isError).map(DocumentPrinterStatus::keyword).toList();
        if (errors.stream().anyMatch(PAPER_OUT::contains)) {
            return Optional.of(DeviceError.PAPER_OUT);
        }
        if (errors.stream().anyMatch(COVER_OPEN::contains)) {
            return Optional.of(DeviceError.COVER_OPEN);
        }
        if (errors.stream().anyMatch(r -> !OFFLINE.contains(r))) {
            return Optional.of(DeviceError.PRINTER_FAULT);
        }
        // a backend that cannot reach the printer says offline-report while the job waits: no use to a citizen
        boolean offline = reasons.stream().map(DocumentPrinterStatus::keyword).anyMatch("offline"::equals);
        if (!acceptingJobs || state == State.STOPPED || !errors.isEmpty() || offline) {
            return Optional.of(DeviceError.PRINTER_OFFLINE);
        }
        return Optional.empty();
    }

    public boolean ready() {
        return problem().isEmpty();
    }

    /** The paper is out (an error) or the printer warns it is low. */
    public boolean paperOut() {
        return reasons.stream().filter(DocumentPrinterStatus::isError).map(DocumentPrinterStatus::keyword).anyMatch(PAPER_OUT::contains);
    }

    public boolean paperLow() {
        return reasons.stream().map(DocumentPrinterStatus::keyword).anyMatch(PAPER_LOW::contains);
    }

    public boolean coverOpen() {
        return reasons.stream().filter(DocumentPrinterStatus::isError).map(DocumentPrinterStatus::keyword).anyMatch(COVER_OPEN::contains);
    }

    /** "idle, accepting jobs, 0 queued" or "stopped, accepting jobs, 1 queued: paused (Paused by admin)". */
    public String summary() {
        return state.name().toLowerCase(Locale.ROOT) + ", " + (acceptingJobs ? "accepting jobs" : "rejecting jobs") + ", "
                + queuedJobs + " queued" + (reasons.isEmpty() ? "" : ": " + String.join(" ", reasons))
                + (message.isBlank() ? "" : " (" + message + ")");
    }

    // RFC 8011 §5.4.12: a reason without a suffix is an error
    private static boolean isError(String reason) {
        return !reason.endsWith("-warning") && !reason.endsWith("-report");
    }

    private static String keyword(String reason) {
        for (String suffix : List.of("-error", "-warning", "-report")) {
            if (reason.endsWith(suffix)) {
                return reason.substring(0, reason.length() - suffix.length());
            }
        }
        return reason;
    }
}
