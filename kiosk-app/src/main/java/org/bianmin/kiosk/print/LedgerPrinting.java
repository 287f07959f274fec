package org.bianmin.kiosk.print;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.document.DocumentPrinter;
import org.bianmin.device.document.DocumentPrinterStatus;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterStatus;
import org.bianmin.device.printer.Receipt;
import org.bianmin.device.printer.ReceiptPrinter;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.KioskBackend;
import org.bianmin.kiosk.backend.PrintState;
import org.bianmin.kiosk.print.PrintProgress.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints a visit's order as a ledger: the A4 document under {@code <key>-a4}, then, only if it
 * printed, the receipt under {@code <key>-rc}; each printer's status is read before its job and the
 * drivers check it again after. The document's job is reported to the backend (queued, then printed
 * or failed) without ever holding up or failing the print. The printers' ledgers keep a key from
 * printing twice; this class remembers finished orders so that repeating an order reports nothing
 * twice. A document that failed stays failed for its order: printing it again takes a new order
 * key, as the backend's ledger takes a failure as final.
 */
public final class LedgerPrinting implements Printing, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LedgerPrinting.class);
    /** The backend's idempotency keys are 8 to 64 of these; the order key leaves room for "-a4" and "-rc". */
    private static final Pattern ORDER_KEY = Pattern.compile("[A-Za-z0-9_-]{8,61}");
    private static final int REMEMBERED_ORDERS = 1000;
    private static final Duration DOCUMENT_WAIT = Duration.ofMinutes(5);
    private static final Duration RECEIPT_WAIT = Duration.ofMinutes(1);
    private static final Duration STATUS_WAIT = Duration.ofSeconds(30);

    private final Supplier<DocumentPrinter> documentPrinter;
    private final Supplier<Optional<ReceiptPrinter>> receiptPrinter;
    private final KioskBackend backend;
    private final String kioskName;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("printing").factory());
    private final Map<String, PrintOutcome> finished = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PrintOutcome> eldest) {
            return size() > REMEMBERED_ORDERS;
        }
    };

    /**
     * @param receiptPrinter null when none is in service: receipts then fail as offline, documents still print
     * @param kioskName the kiosk's name as the receipt prints it, e.g. "城关镇便民服务中心 1号机"
     */
    public LedgerPrinting(DocumentPrinter documentPrinter, ReceiptPrinter receiptPrinter, KioskBackend backend, String kioskName,
                          Clock clock) {
        this(() -> documentPrinter, () -> Optional.ofNullable(receiptPrinter), backend, kioskName, clock);
    }

    /**
     * Prints each order on the printers that run when it starts, e.g. those a kiosk reopened with new settings.
     *
     * @param receiptPrinter empty when none is in service: receipts then fail as offline, documents still print
     */
    public LedgerPrinting(Supplier<DocumentPrinter> documentPrinter, Supplier<Optional<ReceiptPrinter>> receiptPrinter,
                          KioskBackend backend, String kioskName, Clock clock) {
        this.documentPrinter = documentPrinter;
        this.receiptPrinter = receiptPrinter;
        this.backend = backend;
        this.kioskName = kioskName;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the order or its key is unusable: the key must be 8 to 61
     *     letters, digits, '-' or '_' (no personal data)
     */
    @Override
    public CompletableFuture<PrintOutcome> print(PrintOrder order, Consumer<PrintProgress> progress) {
        if (order == null || order.ticket() == null || order.document() == null) {
            throw new IllegalArgumentException("print order is incomplete: it needs a ticket and a verified document");
        }
        if (order.idempotencyKey() == null || !ORDER_KEY.matcher(order.idempotencyKey()).matches()) {
            throw new IllegalArgumentException("print order key '" + order.idempotencyKey() + "' is not usable: use 8 to 61 letters, "
                    + "digits, '-' or '_', e.g. a UUID");
        }
        Consumer<PrintProgress> listener = progress == null ? p -> { } : progress;
        CompletableFuture<PrintOutcome> outcome = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    outcome.complete(run(order, listener));
                } catch (RuntimeException | Error e) {
                    log.error("order {} broke: {}", order.idempotencyKey(), e.toString(), e);
                    outcome.complete(new PrintOutcome(PrintProgress.failed(PrintPart.DOCUMENT, DeviceError.INTERNAL),
                            PrintProgress.of(PrintPart.RECEIPT, Phase.SKIPPED)));
                }
            });
        } catch (RejectedExecutionException e) {
            outcome.complete(new PrintOutcome(PrintProgress.failed(PrintPart.DOCUMENT, DeviceError.INTERNAL),
                    PrintProgress.of(PrintPart.RECEIPT, Phase.SKIPPED)));
        }
        return outcome;
    }

    private PrintOutcome run(PrintOrder order, Consumer<PrintProgress> listener) {
        String key = order.idempotencyKey();
        DocumentPrinter a4 = documentPrinter.get();
        ReceiptPrinter receipts = receiptPrinter.get().orElse(null);
        Optional<PrintOutcome> prior = remembered(key);
        emit(listener, PrintProgress.of(PrintPart.DOCUMENT, Phase.WAITING));
        emit(listener, PrintProgress.of(PrintPart.RECEIPT, Phase.WAITING));

        PrintProgress document;
        if (prior.isPresent()) {
            // the backend already has this order's outcome; the document's part is not tried again
            document = prior.get().document();
            log.info("order {}: document already {}, not printed again", key, document.phase());
            emit(listener, document);
        } else {
            CompletableFuture<Void> queued = report(key + "-a4", order, PrintState.QUEUED, null);
            Part part = printDocument(a4, order, key + "-a4", listener);
            document = part.progress();
            if (!part.repeated()) {
                PrintState state = document.phase() == Phase.DONE ? PrintState.PRINTED : PrintState.FAILED;
                String reason = document.error().map(e -> e.code() + " " + e.name()).orElse(null);
                // after the queued report, whatever became of it: the backend takes the states in order
                queued.handle((v, e) -> null).thenCompose(v -> report(key + "-a4", order, state, reason));
            }
        }

        PrintProgress receipt;
        if (document.phase() != Phase.DONE) {
            receipt = PrintProgress.of(PrintPart.RECEIPT, Phase.SKIPPED);
            emit(listener, receipt);
        } else if (prior.isPresent() && prior.get().receiptPrinted()) {
            receipt = prior.get().receipt();
            emit(listener, receipt);
        } else {
            receipt = printReceipt(receipts, order, key + "-rc", listener);
        }
        PrintOutcome outcome = new PrintOutcome(document, receipt);
        synchronized (finished) {
            finished.put(key, outcome);
        }
        log.info("order {} ({}): document {}, receipt {}", key, order.ticket(), describe(document), describe(receipt));
        return outcome;
    }

    private record Part(PrintProgress progress, boolean repeated) {}

    private Part printDocument(DocumentPrinter documentPrinter, PrintOrder order, String key, Consumer<PrintProgress> listener) {
        emit(listener, PrintProgress.of(PrintPart.DOCUMENT, Phase.CHECKING));
        try {
            DocumentPrinterStatus before = await(documentPrinter::status, STATUS_WAIT);
            Optional<DeviceError> problem = before.problem();
            if (problem.isPresent()) {
                log.warn("job {}: A4 printer not ready: {}", key, before.summary());
                return new Part(emit(listener, PrintProgress.failed(PrintPart.DOCUMENT, problem.get())), false);
            }
            emit(listener, PrintProgress.of(PrintPart.DOCUMENT, Phase.PRINTING));
            byte[] pdf = order.document().pdf();
            PrintResult result = await(() -> documentPrinter.print(pdf, order.ticket().title(), key), DOCUMENT_WAIT);
            return new Part(emit(listener, progressOf(PrintPart.DOCUMENT, result)), result.repeated());
        } catch (DeviceException e) {
            log.warn("job {}: A4 printer: {}", key, e.technicianLine());
            return new Part(emit(listener, PrintProgress.failed(PrintPart.DOCUMENT, e.error())), false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a document wiped before it printed, or bytes the printer refuses: a fault of the kiosk, not the citizen
            log.error("job {}: the document cannot be printed: {}", key, e.getMessage());
            return new Part(emit(listener, PrintProgress.failed(PrintPart.DOCUMENT, DeviceError.INTERNAL)), false);
        }
    }

    private PrintProgress printReceipt(ReceiptPrinter receiptPrinter, PrintOrder order, String key, Consumer<PrintProgress> listener) {
        if (receiptPrinter == null) {
            log.warn("job {}: no receipt printer is in service", key);
            return emit(listener, PrintProgress.failed(PrintPart.RECEIPT, DeviceError.PRINTER_OFFLINE));
        }
        emit(listener, PrintProgress.of(PrintPart.RECEIPT, Phase.CHECKING));
        try {
            PrinterStatus before = await(receiptPrinter::status, STATUS_WAIT);
            Optional<DeviceError> problem = before.problem();
            if (problem.isPresent()) {
                log.warn("job {}: receipt printer not ready: {}", key, before.summary());
                return emit(listener, PrintProgress.failed(PrintPart.RECEIPT, problem.get()));
            }
            emit(listener, PrintProgress.of(PrintPart.RECEIPT, Phase.PRINTING));
            Receipt receipt = VisitReceipt.of(order, kioskName, clock.instant());
            PrintResult result = await(() -> receiptPrinter.print(receipt, key), RECEIPT_WAIT);
            return emit(listener, progressOf(PrintPart.RECEIPT, result));
        } catch (DeviceException e) {
            log.warn("job {}: receipt printer: {}", key, e.technicianLine());
            return emit(listener, PrintProgress.failed(PrintPart.RECEIPT, e.error()));
        } catch (IllegalArgumentException e) {
            log.error("job {}: the receipt cannot be made: {}", key, e.getMessage());
            return emit(listener, PrintProgress.failed(PrintPart.RECEIPT, DeviceError.INTERNAL));
        }
    }

    private static PrintProgress progressOf(PrintPart part, PrintResult result) {
        if (result.printed()) {
            return PrintProgress.of(part, Phase.DONE);
        }
        return PrintProgress.failed(part, result.error() == null ? DeviceError.PRINTER_FAULT : result.error());
    }

    /** Never fails: a backend that cannot be told now is logged (its client keeps what must be resent). */
    private CompletableFuture<Void> report(String key, PrintOrder order, PrintState state, String reason) {
        CompletableFuture<Void> sent;
        try {
            sent = backend.reportPrint(key, order.ticket().documentId(), state, reason);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((v, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                String kind = cause instanceof BackendException be ? be.kind().name() : cause.getClass().getSimpleName();
                log.warn("print job {} {} could not be reported to the backend ({}: {}); the print is not affected",
                        key, state, kind, cause.getMessage());
            }
            return null;
        });
    }

    private Optional<PrintOutcome> remembered(String key) {
        synchronized (finished) {
            return Optional.ofNullable(finished.get(key));
        }
    }

    private static <T> T await(Supplier<CompletableFuture<T>> call, Duration timeout) throws DeviceException {
        try {
            return call.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException de) {
                throw de;
            }
            throw new DeviceException(DeviceError.INTERNAL, "unexpected " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DeviceException(DeviceError.TIMEOUT, "no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceError.INTERNAL, "interrupted while printing");
        }
    }

    /** Calls the listener; one that throws is logged and never stops the print. */
    private static PrintProgress emit(Consumer<PrintProgress> listener, PrintProgress p) {
        try {
            listener.accept(p);
        } catch (RuntimeException e) {
            log.error("print progress listener failed on {} {}: {}", p.part(), p.phase(), e.toString());
            log.debug("print progress listener failure", e);
        }
        return p;
    }

    private static String describe(PrintProgress p) {
        return p.phase() + p.error().map(e -> " " + e.code() + " " + e.name()).orElse("");
    }

    /** Stops taking orders; an order being printed finishes first. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DOCUMENT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
