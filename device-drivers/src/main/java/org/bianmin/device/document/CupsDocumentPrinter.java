package org.bianmin.device.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.DeviceWorker;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.printer.PrintLedger;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.PrinterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A4 printer behind a CUPS queue ({@link CupsPrintQueue}, or any {@link PrintQueue} that behaves
 * like one): checks the queue's status before and after every job, hands the PDF over, waits until
 * the job has finished (cancelling it on timeout, so it never prints for the next citizen), and keeps
 * a {@link PrintLedger} so a job is never sent twice. One {@link DeviceWorker} owns the queue.
 */
public final class CupsDocumentPrinter implements DocumentPrinter {
    private static final Logger log = LoggerFactory.getLogger(CupsDocumentPrinter.class);

    public static final String JOBS = "jobs";
    public static final String PAGES = "pages";
    public static final String BYTES = "bytes";
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_TITLE_LENGTH = 80;

    private final String name;
    private final PrintQueue queue;
    private final DocumentPrinterSettings settings;
    private final PrintLedger ledger;
    private final Statistics statistics;
    private final Listeners listeners;
    private final DeviceWorker worker;
    private volatile DeviceState state = DeviceState.CLOSED;
    private volatile boolean closedForGood;
    private volatile DocumentPrinterStatus lastStatus;
    // on the worker thread only
    private DocumentPrinterStatus lastReported;

    public CupsDocumentPrinter(String name, PrintQueue queue, DocumentPrinterSettings settings, PrintLedger ledger,
                               Statistics statistics, Listeners listeners) {
        this.name = name;
        this.queue = queue;
        this.settings = settings;
        this.ledger = ledger;
        this.statistics = statistics;
        this.listeners = listeners;
        this.worker = new DeviceWorker(name);
    }

    /** The CUPS queue {@code queueName} on the local cupsd, default timings, ledger and counters in memory. */
    public static CupsDocumentPrinter forQueue(String name, String queueName) {
        return new CupsDocumentPrinter(name, new CupsPrintQueue(queueName), DocumentPrinterSettings.DEFAULTS,
                PrintLedger.inMemory(), Statistics.inMemory(), new Listeners());
    }

    @Override
    public String name() {
        return name;
    }

    public PrintLedger ledger() {
        return ledger;
    }

    public PrintQueue queue() {
        return queue;
    }

    /** The status seen last (by a job or {@link #status()}), if any. */
    public Optional<DocumentPrinterStatus> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /** Finds the queue and reads its status; a bad status (paper out) is reported, not refused. */
    @Override
    public void open() throws DeviceException {
        if (closedForGood) {
            throw new DeviceException(DeviceError.PRINTER_OFFLINE, name + " was closed; build a new CupsDocumentPrinter to use "
                    + queue.describe() + " again");
        }
        if (state != DeviceState.CLOSED) {
            return;
        }
        DocumentPrinterStatus s = await(worker.submit(() -> {
            queue.connect();
            return readStatus();
        }), OPEN_TIMEOUT);
        state = DeviceState.OPEN;
        log.info("{} open on {}: {}", name, queue.describe(), s.summary());
    }

    @Override
    public void enable() throws DeviceException {
        if (state == DeviceState.CLOSED) {
            throw new DeviceException(DeviceError.PRINTER_OFFLINE, name + " is closed; call open() before enable()");
        }
        if (state == DeviceState.ENABLED) {
            return;
        }
        state = DeviceState.ENABLED;
        worker.submit(() -> {
            if (lastStatus != null) {
                report(lastStatus);
            }
            return null;
        });
    }

    @Override
    public void disable() {
        if (state == DeviceState.ENABLED) {
            state = DeviceState.OPEN;
        }
    }

    @Override
    public void close() {
        closedForGood = true;
        state = DeviceState.CLOSED;
        worker.close();
        queue.close();
        saveStatistics();
    }

    @Override
    public DeviceState state() {
        return state;
    }

    @Override
    public Statistics statistics() {
        return statistics;
    }

    @Override
    public void addListener(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<DeviceEvent> listener) {
        listeners.remove(listener);
    }

    @Override
    public CompletableFuture<DocumentPrinterStatus> status() {
        if (state == DeviceState.CLOSED) {
            return CompletableFuture.failedFuture(new DeviceException(DeviceError.PRINTER_OFFLINE, name + " is closed; call open() first"));
        }
        return worker.submit(() -> {
            try {
                return readStatus();
            } catch (DeviceException e) {
                statistics.increment(Statistics.ERRORS);
                throw e;
            }
        });
    }

    @Override
    public CompletableFuture<PrintResult> print(byte[] pdf, String jobTitle, String idempotencyKey) {
        PrintLedger.checkKey(idempotencyKey);
        if (jobTitle == null || jobTitle.isBlank()) {
            throw new IllegalArgumentException("job title is missing; give the document's title, e.g. 社会保险参保证明");
        }
        int pages = pages(pdf);
        if (pages > settings.maxPages()) {
            throw new IllegalArgumentException("the document has " + pages + " pages; " + name + " takes at most "
                    + settings.maxPages() + " in one job");
        }
        byte[] copy = pdf.clone();
        String title = cleanTitle(jobTitle);
        if (state != DeviceState.ENABLED) {
            return CompletableFuture.completedFuture(new PrintResult(idempotencyKey, PrintResult.Outcome.REFUSED,
                    DeviceError.PRINTER_OFFLINE, name + " is " + state + ", not enabled; call open() and enable() first", 0, false));
        }
        return worker.submit(() -> job(copy, pages, title, idempotencyKey));
    }

    @Override
    public HealthReport checkHealth(HealthLevel level) {
        try {
            if (state == DeviceState.CLOSED) {
                throw new DeviceException(DeviceError.PRINTER_OFFLINE, name + " is closed; open it before a health check");
            }
            if (level == HealthLevel.INTERNAL) {
                DocumentPrinterStatus s = await(worker.submit(this::readStatus), OPEN_TIMEOUT);
                Optional<DeviceError> problem = s.problem();
                if (problem.isPresent()) {
                    throw new DeviceException(problem.get(), s.summary());
                }
                return HealthReport.ok(name, level, s.summary());
            }
            byte[] page = TestPage.a4(name + " / " + queue.describe(), Instant.now());
            String key = "health-check-" + UUID.randomUUID();
            PrintResult r = await(worker.submit(() -> job(page, 1, TestPage.TITLE, key)),
                    settings.jobTimeout().plus(OPEN_TIMEOUT));
            if (!r.printed()) {
                throw r.toException();
            }
            return HealthReport.ok(name, level, "test page printed" + (level == HealthLevel.INTERACTIVE
                    ? "; check that it came out on A4 and its text is sharp" : ""));
        } catch (DeviceException e) {
            return HealthReport.failed(name, level, e);
        }
    }

    private PrintResult job(byte[] pdf, int pages, String title, String key) {
        Optional<PrintLedger.Entry> prior = ledger.find(key);
        if (prior.isPresent()) {
            Optional<PrintResult> recorded = PrintLedger.recordedResult(prior.get());
            if (recorded.isPresent()) {
                log.info("{}: job {} not sent again: {}", name, key, recorded.get().outcome());
                return recorded.get();
            }
        }
        long sent = 0;
        try {
            ledger.record(new PrintLedger.Entry(key, PrintLedger.State.QUEUED, null, "queued", 0, Instant.now()));
            DocumentPrinterStatus before = readStatus();
            Optional<DeviceError> problem = before.problem();
            if (problem.isPresent()) {
                throw new DeviceException(problem.get(), "printer not ready before the job: " + before.summary());
            }
            ledger.record(new PrintLedger.Entry(key, PrintLedger.State.SENT, null, "handing to " + queue.describe(), 0, Instant.now()));
            long jobId = queue.submit(pdf, title, key);
            sent = pdf.length;
            if (jobId == PrintQueue.UNKNOWN_JOB) {
                throw new DeviceException(DeviceError.UNEXPECTED_REPLY, queue.describe()
                        + " took the job but did not say its id, so its end cannot be watched; check the paper");
            }
            awaitJob(jobId);
            DocumentPrinterStatus after = readStatus();
            problem = after.problem();
            if (problem.isPresent()) {
                throw new DeviceException(problem.get(), "printer reported a problem after job " + jobId + ": " + after.summary());
            }
            String detail = "printed as job " + jobId + ", " + pages + (pages == 1 ? " page" : " pages");
            recordQuietly(new PrintLedger.Entry(key, PrintLedger.State.DONE, null, detail, sent, Instant.now()));
            statistics.increment(JOBS);
            statistics.add(PAGES, pages);
            statistics.add(BYTES, sent);
            saveStatistics();
            log.info("{}: job {} {}", name, key, detail);
            return new PrintResult(key, PrintResult.Outcome.PRINTED, null, detail, sent, false);
        } catch (DeviceException e) {
            return failed(key, sent, e);
        } catch (RuntimeException | LinkageError e) {
            log.error("{}: job {} broke: {}", name, key, e.toString(), e);
            return failed(key, sent, new DeviceException(DeviceError.INTERNAL, "unexpected " + e, e));
        }
    }

    /**
     * Polls the job until it has completed. Cancelled or aborted → fault. A job still unfinished at the
     * deadline is cancelled and fails with what the printer last complained of, or TIMEOUT. A job
     * the queue no longer knows has left it (a cupsd that keeps no job history forgets completed jobs).
     */
    private void awaitJob(long id) throws DeviceException {
        long deadline = System.nanoTime() + settings.jobTimeout().toNanos();
        PrintQueue.Job last = null;
        while (true) {
            // what stands in the job's way at this look; a transient IPP failure counts until a later look succeeds
            DeviceException trouble = null;
            try {
                PrintQueue.Job job = queue.job(id);
                last = job;
                switch (job.state()) {
                    case COMPLETED -> {
                        return;
                    }
                    case CANCELED -> throw new DeviceException(DeviceError.PRINTER_FAULT, "job " + id
                            + " was cancelled at the printer or queue " + job.reasons() + "; it may have printed in part");
                    case ABORTED -> throw new DeviceException(DeviceError.PRINTER_FAULT, "job " + id + " was aborted by "
                            + queue.describe() + " " + job.reasons() + "; it may have printed in part");
                    case UNKNOWN -> {
                        if (job.reasons().contains("job-not-found")) {
                            log.info("{}: job {} has left {}; taking it as finished", name, id, queue.describe());
                            return;
                        }
                    }
                    default -> { }
                }
                DocumentPrinterStatus s = readStatus();
                if (s.problem().isPresent()) {
                    trouble = new DeviceException(s.problem().get(), "while job " + id + " waited: " + s.summary());
                }
            } catch (DeviceException e) {
                if (e.error() == DeviceError.PRINTER_FAULT) {
                    throw e;
                }
                trouble = e;
                log.debug("{}: looking at job {} failed: {}", name, id, e.getMessage());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                cancelQuietly(id);
                String where = last == null ? "" : " (" + last.state() + " " + last.reasons() + ")";
                DeviceError why = trouble != null ? trouble.error() : DeviceError.TIMEOUT;
                throw new DeviceException(why, "job " + id + " did not finish within " + seconds(settings.jobTimeout()) + where
                        + (trouble != null ? ", " + trouble.getMessage() : "") + "; it was cancelled so it cannot print later", trouble);
            }
            pause(Math.min(left, settings.pollInterval().toNanos()));
        }
    }

    private void cancelQuietly(long id) {
        try {
            queue.cancel(id);
            log.warn("{}: job {} cancelled after {}", name, id, seconds(settings.jobTimeout()));
        } catch (DeviceException e) {
            log.error("{}: job {} could not be cancelled and may still print: {}", name, id, e.technicianLine());
        }
    }

    private PrintResult failed(String key, long sent, DeviceException e) {
        statistics.increment(Statistics.ERRORS);
        saveStatistics();
        recordQuietly(new PrintLedger.Entry(key, PrintLedger.State.FAILED, e.error(), e.getMessage(), sent, Instant.now()));
        if (sent == 0) {
            log.warn("{}: job {} refused, nothing sent: {}", name, key, e.technicianLine());
            return new PrintResult(key, PrintResult.Outcome.REFUSED, e.error(),
                    e.getMessage() + "; nothing was sent, the same key may be tried again", 0, false);
        }
        log.warn("{}: job {} failed after it was handed over: {}", name, key, e.technicianLine());
        return new PrintResult(key, PrintResult.Outcome.FAILED, e.error(),
                e.getMessage() + "; the document may have printed in part: print again with a new key", sent, false);
    }

    /** The ledger keeps the entry in memory even when its file cannot be written; the failure is logged. */
    private void recordQuietly(PrintLedger.Entry e) {
        try {
            ledger.record(e);
        } catch (DeviceException ex) {
            log.error("{}: {}", name, ex.technicianLine());
        }
    }

    private DocumentPrinterStatus readStatus() throws DeviceException {
        DocumentPrinterStatus s = queue.status();
        lastStatus = s;
        report(s);
        return s;
    }

    private void report(DocumentPrinterStatus s) {
        DocumentPrinterStatus before = lastReported == null ? DocumentPrinterStatus.idle() : lastReported;
        if (state != DeviceState.ENABLED) {
            return;
        }
        lastReported = s;
        Instant now = Instant.now();
        change(before.paperLow(), s.paperLow(), new PrinterEvent.PaperLow(name, now), PrinterEvent.Condition.PAPER_LOW, now);
        change(before.paperOut(), s.paperOut(), new PrinterEvent.PaperOut(name, now), PrinterEvent.Condition.PAPER_OUT, now);
        change(before.coverOpen(), s.coverOpen(), new PrinterEvent.CoverOpen(name, now), PrinterEvent.Condition.COVER_OPEN, now);
    }

    private void change(boolean was, boolean is, PrinterEvent raised, PrinterEvent.Condition condition, Instant now) {
        if (!was && is) {
            log.info("{}: {}", name, condition);
            listeners.fire(raised);
        } else if (was && !is) {
            log.info("{}: {} cleared", name, condition);
            listeners.fire(new PrinterEvent.Cleared(name, now, condition));
        }
    }

    /** The PDF's page count; anything PDFBox cannot open is not a PDF this printer takes. */
    private static int pages(byte[] pdf) {
        if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalArgumentException("the document is not a PDF (it does not start with %PDF-); print only verified PDFs");
        }
        try (PDDocument d = Loader.loadPDF(pdf)) {
            int n = d.getNumberOfPages();
            if (n < 1) {
                throw new IllegalArgumentException("the PDF has no pages; there is nothing to print");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("the PDF cannot be read (" + e.getMessage() + "); print only verified PDFs", e);
        }
    }

    /** One line without control characters, at most {@value #MAX_TITLE_LENGTH} characters. */
    private static String cleanTitle(String title) {
        String t = title.replaceAll("\\p{Cntrl}", " ").strip();
        return t.length() > MAX_TITLE_LENGTH ? t.substring(0, MAX_TITLE_LENGTH) : t;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static <T> T await(CompletableFuture<T> f, Duration timeout) throws DeviceException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException de) {
                throw de;
            }
            throw new DeviceException(DeviceError.INTERNAL, "unexpected " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new DeviceException(DeviceError.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceError.INTERNAL, "interrupted while waiting for the printer");
        }
    }

    private static void pause(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private void saveStatistics() {
        try {
            statistics.save();
        } catch (IOException e) {
            log.warn("{}: statistics could not be saved: {}", name, e.getMessage());
        }
    }
}
