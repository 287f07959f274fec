package org.bianmin.device.printer;

import java.util.concurrent.CompletableFuture;
import org.bianmin.device.Device;

/**
 * The receipt printer as the app uses it: print a receipt at most once per idempotency key, and
 * say how the printer is. Events ({@link PrinterEvent}) report paper and cover changes.
 */
public interface ReceiptPrinter extends Device {

    PrinterProfile profile();

    /** Asks the printer now (DLE EOT 1..4); fails with a typed error if it does not answer. */
    CompletableFuture<PrinterStatus> status();

    /**
     * Prints the receipt unless a request with the same key was already sent: then the recorded
     * outcome comes back and nothing is sent. The future always completes with a result; a refused
     * job may be retried with the same key, a failed one needs a new key. Keys are stored and
     * logged, so they must not contain personal data.
     */
    CompletableFuture<PrintResult> print(Receipt receipt, String idempotencyKey);
}
