package org.bianmin.kiosk.visit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.print.PrintOrder;
import org.bianmin.kiosk.print.PrintOutcome;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;
import org.bianmin.kiosk.print.Printing;

/**
 * Printing as a ledger, in memory: each part of an order is printed at most once per idempotency key
 * (a reprint of the same key returns the recorded outcome), and each call follows the next scripted
 * run — paper out on either printer, another device error, an answer that comes late, or a failure
 * the contract does not allow.
 */
final class FakePrinting implements Printing {

    private record Run(Optional<DeviceError> documentError, Optional<DeviceError> receiptError, boolean late, boolean broken) {
        static final Run CLEAN = new Run(Optional.empty(), Optional.empty(), false, false);
    }

    private final Deque<Run> next = new ArrayDeque<>();
    private final List<PrintOrder> orders = new ArrayList<>();
    private final Map<String, Set<PrintPart>> ledger = new HashMap<>();
    private final List<String> sheets = new ArrayList<>();
    private Runnable lateFinish;
    private Consumer<DeviceError> lateFailure;

    void willRunOutOfPaperOnTheDocumentPrinter() {
        willFailTheDocument(DeviceError.PAPER_OUT);
    }

    void willRunOutOfPaperOnTheReceiptPrinter() {
        next.add(new Run(Optional.empty(), Optional.of(DeviceError.PAPER_OUT), false, false));
    }

    void willFailTheDocument(DeviceError error) {
        next.add(new Run(Optional.of(error), Optional.empty(), false, false));
    }

    /** The next order starts (the document printer is checked) but finishes only when {@link #finishLatePrint()} is called. */
    void willFinishLate() {
        next.add(new Run(Optional.empty(), Optional.empty(), true, false));
    }

    /** The next order's future fails, which the contract forbids: the visit must survive it. */
    void willBreak() {
        next.add(new Run(Optional.empty(), Optional.empty(), false, true));
    }

    void finishLatePrint() {
        Runnable r = lateFinish;
        if (r == null) {
            throw new AssertionError("no print is waiting to finish");
        }
        lateFinish = null;
        lateFailure = null;
        r.run();
    }

    /** The late order ends with its document failed, as when the printer gives up on the job; the document is not read. */
    void failLatePrint(DeviceError error) {
        Consumer<DeviceError> f = lateFailure;
        if (f == null) {
            throw new AssertionError("no print is waiting to finish");
        }
        lateFinish = null;
        lateFailure = null;
        f.accept(error);
    }

    @Override
    public CompletableFuture<PrintOutcome> print(PrintOrder order, Consumer<PrintProgress> progress) {
        orders.add(order);
        Run run = next.isEmpty() ? Run.CLEAN : next.poll();
        if (run.broken()) {
            return CompletableFuture.failedFuture(new IllegalStateException("scripted: the print service broke its contract"));
        }
        if (run.late()) {
            CompletableFuture<PrintOutcome> f = new CompletableFuture<>();
            progress.accept(PrintProgress.of(PrintPart.DOCUMENT, PrintProgress.Phase.CHECKING));
            lateFinish = () -> f.complete(run(order, run, progress));
            lateFailure = error -> f.complete(new PrintOutcome(PrintProgress.failed(PrintPart.DOCUMENT, error),
                    PrintProgress.of(PrintPart.RECEIPT, PrintProgress.Phase.SKIPPED)));
            return f;
        }
        return CompletableFuture.completedFuture(run(order, run, progress));
    }

    private PrintOutcome run(PrintOrder order, Run run, Consumer<PrintProgress> progress) {
        PrintProgress document = part(order, PrintPart.DOCUMENT, run.documentError(), progress);
        PrintProgress receipt;
        if (document.phase() == PrintProgress.Phase.DONE) {
            receipt = part(order, PrintPart.RECEIPT, run.receiptError(), progress);
        } else {
            receipt = PrintProgress.of(PrintPart.RECEIPT, PrintProgress.Phase.SKIPPED);
            progress.accept(receipt);
        }
        return new PrintOutcome(document, receipt);
    }

    private PrintProgress part(PrintOrder order, PrintPart part, Optional<DeviceError> error, Consumer<PrintProgress> progress) {
        Set<PrintPart> done = ledger.computeIfAbsent(order.idempotencyKey(), k -> EnumSet.noneOf(PrintPart.class));
        PrintProgress finished = PrintProgress.of(part, PrintProgress.Phase.DONE);
        if (done.contains(part)) {
            progress.accept(finished);
            return finished;
        }
        progress.accept(PrintProgress.of(part, PrintProgress.Phase.CHECKING));
        if (error.isPresent()) {
            PrintProgress failed = PrintProgress.failed(part, error.get());
            progress.accept(failed);
            return failed;
        }
        if (part == PrintPart.DOCUMENT) {
            order.document().pdf(); // a wiped document throws: printing one is a defect
        }
        progress.accept(PrintProgress.of(part, PrintProgress.Phase.PRINTING));
        sheets.add(order.idempotencyKey() + "/" + part);
        done.add(part);
        progress.accept(finished);
        return finished;
    }

    /** Every order handed to the printers, retries included. */
    List<PrintOrder> orders() {
        return List.copyOf(orders);
    }

    /** What came out of the printers, as "key/PART", in order. */
    List<String> sheets() {
        return List.copyOf(sheets);
    }
}
