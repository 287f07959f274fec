package org.bianmin.kiosk.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.print.PrintOrder;
import org.bianmin.kiosk.print.PrintOutcome;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;
import org.bianmin.kiosk.print.Printing;

/** Printing that reports each part's progress at once; the document or the receipt can be set to fail. */
final class FakePrinting implements Printing {
    /** When set, the A4 document fails with it. */
    volatile DeviceError documentFails;
    /** When set, the receipt fails with it. */
    volatile DeviceError receiptFails;
    /** When false, the order stays in progress (documents printing) until {@link #finish()} is called. */
    volatile boolean completeAtOnce = true;
    private volatile Runnable pending;

    @Override
    public CompletableFuture<PrintOutcome> print(PrintOrder order, Consumer<PrintProgress> progress) {
        CompletableFuture<PrintOutcome> f = new CompletableFuture<>();
        progress.accept(PrintProgress.of(PrintPart.DOCUMENT, PrintProgress.Phase.CHECKING));
        progress.accept(PrintProgress.of(PrintPart.DOCUMENT, PrintProgress.Phase.PRINTING));
        Runnable finish = () -> {
            PrintProgress doc = documentFails == null ? PrintProgress.of(PrintPart.DOCUMENT, PrintProgress.Phase.DONE)
                    : PrintProgress.failed(PrintPart.DOCUMENT, documentFails);
            PrintProgress receipt = documentFails != null ? PrintProgress.of(PrintPart.RECEIPT, PrintProgress.Phase.SKIPPED)
                    : receiptFails == null ? PrintProgress.of(PrintPart.RECEIPT, PrintProgress.Phase.DONE)
                    : PrintProgress.failed(PrintPart.RECEIPT, receiptFails);
            progress.accept(doc);
            progress.accept(receipt);
            f.complete(new PrintOutcome(doc, receipt));
        };
        if (completeAtOnce) {
            finish.run();
        } else {
            pending = finish;
        }
        return f;
    }

    void finish() {
        Runnable r = pending;
        pending = null;
        if (r != null) {
            r.run();
        }
    }
}
