package org.bianmin.device.printer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.DeviceWorker;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Listeners;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ESC/POS receipt printer over any {@link SerialLink} (jssc serial port, TCP 9100, in-memory):
 * checks the status before and after every job, sends the job in paced bursts, and keeps a
 * {@link PrintLedger} so a job is never sent twice. One {@link DeviceWorker} owns the link; the
 * printer owns and closes the link it is given.
 */
public final class EscPosReceiptPrinter implements ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(EscPosReceiptPrinter.class);

    public static final String RECEIPTS = "receipts";
    public static final String CUTS = "cuts";
    public static final String BYTES = "bytes";

    private final String name;
    private final SerialLink link;
    private final PrinterProfile profile;
    private final EscPosSettings settings;
    private final PrintLedger ledger;
    private final Statistics statistics;
    private final Listeners listeners;
    private final EscPosEncoder encoder;
    private final DeviceWorker worker;
    private final StatusRequestCounter requestsWritten = new StatusRequestCounter();
    // on the worker thread only: replies the printer owes for DLE EOT it was sent, bytes written since the last reply read
    private int repliesDue;
    private long bytesSinceReply;
    private volatile DeviceState state = DeviceState.CLOSED;
    private volatile boolean closedForGood;
    private volatile PrinterStatus lastStatus;
    private PrinterStatus lastReported;
    private ScheduledExecutorService poller;

    /**
     * @param listeners shared with whatever else reports on this device, e.g. pass
     *                  {@code listeners::fire} to a {@code ReconnectingLink} around {@code link}
     */
    public EscPosReceiptPrinter(String name, SerialLink link, PrinterProfile profile, EscPosSettings settings,
                                PrintLedger ledger, Statistics statistics, Listeners listeners) {
        this.name = name;
        this.link = link;
        this.profile = profile;
        this.settings = settings;
        this.ledger = ledger;
        this.statistics = statistics;
        this.listeners = listeners;
        this.encoder = new EscPosEncoder(profile);
        this.worker = new DeviceWorker(name);
    }

    /** Default timings, ledger and counters in memory. */
    public EscPosReceiptPrinter(String name, SerialLink link, PrinterProfile profile) {
        this(name, link, profile, EscPosSettings.DEFAULTS, PrintLedger.inMemory(), Statistics.inMemory(), new Listeners());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PrinterProfile profile() {
        return profile;
    }

    public PrintLedger ledger() {
        return ledger;
    }

    /** The status seen last (by a job, a poll or {@link #status()}), if any. */
    public Optional<PrinterStatus> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /** Opens: the printer must answer DLE EOT; its status may still be bad (paper out is reported, not refused). */
    @Override
    public void open() throws DeviceException {
        if (closedForGood) {
            throw new DeviceException(DeviceError.PRINTER_OFFLINE, name + " was closed and has let go of " + link.name()
                    + "; build a new EscPosReceiptPrinter to use it again");
        }
        if (state != DeviceState.CLOSED) {
            return;
        }
        PrinterStatus s = await(worker.submit(this::readStatus), settings.healthTimeout());
        state = DeviceState.OPEN;
        log.info("{} open on {}: {} ({})", name, link.name(), s.summary(), profile.summary());
    }

    /** Enables jobs and events; starts the status poll that fires {@link PrinterEvent}s. */
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
        if (!settings.pollInterval().isZero()) {
            long ms = settings.pollInterval().toMillis();
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("poll-" + name).factory());
            poller.scheduleWithFixedDelay(this::pollOnce, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void pollOnce() {
        try {
            worker.submit(this::readStatus).get(settings.healthTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            log.debug("{}: status poll failed: {}", name, e.getCause().getMessage());
        } catch (TimeoutException e) {
            log.debug("{}: status poll did not finish in {} ms", name, settings.healthTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void disable() {
        stopPoller();
        if (state == DeviceState.ENABLED) {
            state = DeviceState.OPEN;
        }
    }

    private void stopPoller() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public void close() {
        closedForGood = true;
        stopPoller();
        state = DeviceState.CLOSED;
        worker.close();
        link.close();
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
    public CompletableFuture<PrinterStatus> status() {
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

    /**
     * Sends DLE ENQ 1 (recover from a recoverable error such as an autocutter jam, restarting from
     * the interrupted line) and reads the status again. Whether the model honours it is [U].
     */
    public CompletableFuture<PrinterStatus> recover() {
        if (state == DeviceState.CLOSED) {
            return CompletableFuture.failedFuture(new DeviceException(DeviceError.PRINTER_OFFLINE, name + " is closed; call open() first"));
        }
        return worker.submit(() -> {
            byte[] recover = EscPos.recover(1);
            transmit(recover, 0, recover.length);
            return readStatus();
        });
    }

    @Override
    public CompletableFuture<PrintResult> print(Receipt receipt, String idempotencyKey) {
        PrintLedger.checkKey(idempotencyKey);
        if (receipt == null) {
            throw new IllegalArgumentException("receipt is null; build one with Receipt.builder()");
        }
        if (state != DeviceState.ENABLED) {
            return CompletableFuture.completedFuture(new PrintResult(idempotencyKey, PrintResult.Outcome.REFUSED,
                    DeviceError.PRINTER_OFFLINE, name + " is " + state + ", not enabled; call open() and enable() first", 0, false));
        }
        return worker.submit(() -> job(receipt, idempotencyKey));
    }

    @Override
    public HealthReport checkHealth(HealthLevel level) {
        try {
            if (state == DeviceState.CLOSED) {
                throw new DeviceException(DeviceError.PRINTER_OFFLINE, name + " is closed; open it before a health check");
            }
            if (level == HealthLevel.INTERNAL) {
                PrinterStatus s = await(worker.submit(this::readStatus), settings.healthTimeout());
                Optional<DeviceError> problem = s.problem();
                if (problem.isPresent()) {
                    throw new DeviceException(problem.get(), s.summary());
                }
                return HealthReport.ok(name, level, s.summary());
            }
            String key = "health-check-" + UUID.randomUUID();
            Receipt test = TestReceipts.diagnostic(profile, Instant.now());
            PrintResult r = await(worker.submit(() -> job(test, key)), settings.healthTimeout());
            if (!r.printed()) {
                throw r.toException();
            }
            String detail = "test receipt printed (" + r.bytesSent() + " bytes)"
                    + (level == HealthLevel.INTERACTIVE ? "; check that the Chinese text and the QR code are readable" : "");
            return HealthReport.ok(name, level, detail);
        } catch (DeviceException e) {
            return HealthReport.failed(name, level, e);
        }
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

    private PrintResult job(Receipt receipt, String key) {
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
            List<byte[]> commands = encoder.encodeCommands(receipt);
            PrinterStatus before = readStatus();
            Optional<DeviceError> problem = before.problem();
            if (problem.isPresent()) {
                throw new DeviceException(problem.get(), "printer not ready before the job: " + before.summary());
            }
            ledger.record(new PrintLedger.Entry(key, PrintLedger.State.SENT, null, "sending", 0, Instant.now()));
            sent = send(commands);
            pause(settings.afterJobWait());
            PrinterStatus after = readStatus();
            problem = after.problem();
            if (problem.isPresent()) {
                throw new DeviceException(problem.get(), "printer reported a problem after the job: " + after.summary());
            }
            recordAfterSending(new PrintLedger.Entry(key, PrintLedger.State.DONE, null, "printed", sent, Instant.now()));
            statistics.increment(RECEIPTS);
            statistics.add(BYTES, sent);
            if (profile.hasCutter()) {
                statistics.add(CUTS, receipt.cuts());
            }
            saveStatistics();
            log.info("{}: job {} printed, {} bytes", name, key, sent);
            return new PrintResult(key, PrintResult.Outcome.PRINTED, null, "printed, " + sent + " bytes", sent, false);
        } catch (PartlySent e) {
            return failed(key, e.sent, e.cause);
        } catch (DeviceException e) {
            return failed(key, sent, e);
        } catch (RuntimeException | LinkageError e) {
            // e.g. java.desktop missing from a trimmed runtime when an image is encoded; DeviceWorker
            // would leave the future open on an Error, and a job must always end in a result
            log.error("{}: job {} broke: {}", name, key, e.toString(), e);
            return failed(key, sent, new DeviceException(DeviceError.INTERNAL, "unexpected " + e, e));
        }
    }

    private PrintResult failed(String key, long sent, DeviceException e) {
        statistics.increment(Statistics.ERRORS);
        saveStatistics();
        if (sent == 0) {
            recordAfterSending(new PrintLedger.Entry(key, PrintLedger.State.FAILED, e.error(), e.getMessage(), 0, Instant.now()));
            log.warn("{}: job {} refused, nothing sent: {}", name, key, e.technicianLine());
            return new PrintResult(key, PrintResult.Outcome.REFUSED, e.error(),
                    e.getMessage() + "; nothing was sent, the same key may be tried again", 0, false);
        }
        recordAfterSending(new PrintLedger.Entry(key, PrintLedger.State.FAILED, e.error(), e.getMessage(), sent, Instant.now()));
        log.warn("{}: job {} failed after {} bytes: {}", name, key, sent, e.technicianLine());
        return new PrintResult(key, PrintResult.Outcome.FAILED, e.error(),
                e.getMessage() + "; " + sent + " bytes had been sent, so the receipt may be partial: print again with a new key", sent, false);
    }

    /**
     * Records an outcome; the ledger keeps it in memory even when its file cannot be written, so a
     * save failure is logged rather than hiding what happened on the paper.
     */
    private void recordAfterSending(PrintLedger.Entry e) {
        try {
            ledger.record(e);
        } catch (DeviceException ex) {
            log.error("{}: {}", name, ex.technicianLine());
        }
    }

    /** A job that stopped after some of its bytes went out. */
    private static final class PartlySent extends Exception {
        final long sent;
        final DeviceException cause;

        PartlySent(long sent, DeviceException cause) {
            super(cause.getMessage(), cause, false, false);
            this.sent = sent;
            this.cause = cause;
        }
    }

    /** Writes whole commands in bursts of at most {@code burstBytes}, polling DLE EOT 1 between bursts. */
    private long send(List<byte[]> commands) throws PartlySent {
        long sent = 0;
        byte[] burst = new byte[settings.burstBytes()];
        int fill = 0;
        try {
            for (int i = 0; i <= commands.size(); i++) {
                byte[] c = i < commands.size() ? commands.get(i) : null;
                boolean flush = fill > 0 && (c == null || fill + c.length > burst.length);
                if (flush) {
                    sent += fill;
                    transmit(burst, 0, fill);
                    fill = 0;
                    if (settings.pollBetweenBursts() && c != null) {
                        checkOnline();
                    }
                }
                if (c == null) {
                    break;
                }
                if (c.length > burst.length) {
                    // a command larger than a burst (a tall raster band) goes alone, in burst-sized writes
                    for (int off = 0; off < c.length; off += burst.length) {
                        int n = Math.min(burst.length, c.length - off);
                        sent += n;
                        transmit(c, off, n);
                    }
                    if (settings.pollBetweenBursts() && i + 1 < commands.size()) {
                        checkOnline();
                    }
                } else {
                    System.arraycopy(c, 0, burst, fill, c.length);
                    fill += c.length;
                }
            }
        } catch (DeviceException e) {
            throw new PartlySent(sent, e);
        }
        return sent;
    }

    private void checkOnline() throws DeviceException {
        int b1 = query(1);
        if ((b1 & 0x08) != 0) {
            PrinterStatus s = readStatus();
            DeviceError why = s.problem().orElse(DeviceError.PRINTER_OFFLINE);
            throw new DeviceException(why, "printer went offline during the job: " + s.summary());
        }
    }

    /** DLE EOT 1..4, remembered and reported as events. */
    private PrinterStatus readStatus() throws DeviceException {
        PrinterStatus s = new PrinterStatus(query(1), query(2), query(3), query(4));
        lastStatus = s;
        report(s);
        return s;
    }

    /**
     * Every write to the printer: counts the status replies its DLE EOT sequences will earn (inside
     * raster data too) and the bytes that may still be on the wire ahead of the next request.
     */
    private void transmit(byte[] data, int offset, int length) throws LinkException {
        repliesDue += requestsWritten.count(data, offset, length);
        bytesSinceReply += length;
        link.write(data, offset, length);
    }

    /**
     * One DLE EOT n exchange: sends the request, skips XON/XOFF, and checks the reply's fixed bits.
     * The reply waits behind every byte written since the last reply (a whole burst at 9600 baud
     * is about a second) and behind the replies owed to DLE EOT sequences inside the job's data,
     * which are read and passed over. Stale input is dropped first only when no reply is owed; a
     * retry drops everything and asks afresh.
     */
    private int query(int n) throws DeviceException {
        byte[] request = EscPos.statusRequest(n);
        DeviceException last = null;
        try {
            for (int attempt = 1; attempt <= settings.statusAttempts(); attempt++) {
                if (attempt > 1 || repliesDue == 0) {
                    link.discardInput();
                    repliesDue = 0;
                }
                transmit(request, 0, request.length);
                Duration wait = settings.statusTimeout().plusNanos(settings.wireNanos(bytesSinceReply));
                long deadline = System.nanoTime() + wait.toNanos();
                while (true) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        link.exchangeTimedOut();
                        // the queued bytes have had their wire time
                        bytesSinceReply = 0;
                        last = new DeviceException(DeviceError.TIMEOUT, link.name() + ": no reply to DLE EOT " + n + " within "
                                + wait.toMillis() + " ms; is the printer on, and is the cable or address right?");
                        break;
                    }
                    int b = link.readByte(Duration.ofNanos(left));
                    if (b < 0 || EscPosStatus.isFlowControl(b)) {
                        continue;
                    }
                    int reply;
                    try {
                        reply = EscPosStatus.check(n, b);
                    } catch (DeviceException e) {
                        log.debug("{}: attempt {}: {}", name, attempt, e.getMessage());
                        last = e;
                        break;
                    }
                    if (--repliesDue > 0) {
                        log.debug("{}: passed over 0x{}, the reply to a DLE EOT inside the job's data", name, Integer.toHexString(reply));
                        continue;
                    }
                    link.exchangeAnswered();
                    bytesSinceReply = 0;
                    return reply;
                }
            }
            throw last;
        } catch (DeviceException e) {
            // what is still owed may come late or never: the next exchange starts clean
            repliesDue = 0;
            throw e;
        }
    }

    private void report(PrinterStatus s) {
        PrinterStatus before = lastReported == null ? PrinterStatus.ALL_CLEAR : lastReported;
        if (state != DeviceState.ENABLED) {
            return;
        }
        lastReported = s;
        Instant now = Instant.now();
        change(before.paperNearEnd(), s.paperNearEnd(), new PrinterEvent.PaperLow(name, now), PrinterEvent.Condition.PAPER_LOW, now);
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

    private static void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
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
