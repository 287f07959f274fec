package org.bianmin.device.document;

import java.util.List;
import org.bianmin.device.DeviceException;

/**
 * The wire of the A4 printer: a spooler that takes a PDF as a job and says how the job and the
 * printer are. {@link CupsPrintQueue} is a CUPS queue; the simulator's queue writes files. The
 * driver ({@link CupsDocumentPrinter}) keeps the ledger, checks status and waits; a queue only moves jobs.
 */
public interface PrintQueue extends AutoCloseable {

    /** A job's state, IPP's job-state: 3 pending … 9 completed. */
    enum JobState {
        PENDING, HELD, PROCESSING, STOPPED, CANCELED, ABORTED, COMPLETED, UNKNOWN;

        public static JobState ofIpp(int value) {
            return switch (value) {
                case 3 -> PENDING;
                case 4 -> HELD;
                case 5 -> PROCESSING;
                case 6 -> STOPPED;
                case 7 -> CANCELED;
                case 8 -> ABORTED;
                case 9 -> COMPLETED;
                default -> UNKNOWN;
            };
        }

        /** Canceled, aborted and completed jobs never change again. */
        public boolean terminal() {
            return this == CANCELED || this == ABORTED || this == COMPLETED;
        }
    }

    /** One job as the queue sees it; {@code reasons} are IPP job-state-reasons. */
    record Job(long id, JobState state, List<String> reasons) {
        public Job {
            reasons = List.copyOf(reasons);
        }
    }

    /** Where the jobs go, for logs and messages, e.g. "CUPS queue KioskPDF at localhost:631". */
    String describe();

    /** Finds the queue; fails with a message naming what exists when it is not there. */
    void connect() throws DeviceException;

    DocumentPrinterStatus status() throws DeviceException;

    /** What {@link #submit} returns for a job that was queued but whose id the queue did not tell. */
    long UNKNOWN_JOB = -1;

    /**
     * Hands the PDF to the queue as one job and returns its job id, or {@link #UNKNOWN_JOB}. The
     * queue names the job after {@code title} and {@code key} (neither holds personal data). When
     * this throws, no job was queued.
     */
    long submit(byte[] pdf, String title, String key) throws DeviceException;

    Job job(long id) throws DeviceException;

    /** Cancels a job that has not finished, so it never prints later (for the next citizen). */
    void cancel(long id) throws DeviceException;

    @Override
    void close();
}
