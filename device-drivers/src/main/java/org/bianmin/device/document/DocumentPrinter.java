package org.bianmin.device.document;

import java.util.concurrent.CompletableFuture;
import org.bianmin.device.Device;
import org.bianmin.device.printer.PrintResult;

/**
 * The A4 printer as the app uses it: print a PDF at most once per idempotency key, and say how the
 * printer is. Paper and cover changes seen by a status read are reported as
 * {@link org.bianmin.device.printer.PrinterEvent}s.
 */
public interface DocumentPrinter extends Device {

    /** Asks the printer now; fails with a typed error when its queue cannot be asked. */
    CompletableFuture<DocumentPrinterStatus> status();

    /**
     * Prints the PDF on A4 unless a job with the same key was already sent: then the recorded outcome
     * comes back ({@link PrintResult#repeated()}) and nothing is sent. The future always completes
     * with a result, after the job has finished printing or failed; a refused job may be retried
     * with the same key, a failed one needs a new key.
     *
     * @param jobTitle       what the queue shows for the job, e.g. the document's title; no personal data
     * @param idempotencyKey stored and logged, so it must not contain personal data
     * @throws IllegalArgumentException when the bytes are not a PDF or the key is not usable
     */
    CompletableFuture<PrintResult> print(byte[] pdf, String jobTitle, String idempotencyKey);
}
