package org.bianmin.kiosk.print;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Prints one visit's order: the A4 document, then its receipt. */
public interface Printing {

    /**
     * Prints the order, reporting each part's progress as it moves. The future always completes with
     * an outcome (never exceptionally); printing the same order again — same idempotency key — returns
     * the recorded outcome and prints nothing that was already printed.
     */
    CompletableFuture<PrintOutcome> print(PrintOrder order, Consumer<PrintProgress> progress);
}
