package org.bianmin.device.scanner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A QR/barcode scanner on a serial line (RS-232 or USB-CDC): listens for codes all the time and, when
 * its trigger protocol has commands, triggers single scans and answers health queries.
 *
 * <p>One {@link DeviceWorker} thread owns the link. It reads in short slices and goes back to the
 * queue between slices, so {@link #scanOnce} and health checks run in order with the listening. Command
 * replies are taken out of the byte stream by {@link ScanStream} and never reported as codes. Events
 * and future completions run on that thread: do not block in a listener or a callback.
 *
 * <p>Logs show a code's symbology, length and a masked prefix, never the code itself: a QR token may
 * identify a person.
 */
public final class SerialQrScanner implements QrScanner {
    private static final Logger log = LoggerFactory.getLogger(SerialQrScanner.class);

    /** Counter of codes delivered. */
    public static final String CODES = "codes";
    private static final Duration LINK_RETRY = Duration.ofMillis(250);

    private final String name;
    private final SerialLink link;
    private final ScannerConfig config;
    private final Statistics statistics;
    private final Listeners listeners = new Listeners();
    private final DeviceWorker worker;
    private final Object lifecycle = new Object();
    private volatile DeviceState state = DeviceState.CLOSED;
    private volatile DeviceState stateBeforeDisconnect = DeviceState.CLOSED;
    private volatile boolean pumping;
    private boolean closedOnce;

    // owned by the device thread
    private final ScanStream stream;
    private final byte[] readBuffer = new byte[512];
    private final long idleGapNanos;
    private long lastByteAt = System.nanoTime();
    /** False until the line was quiet for one idle gap after opening: bytes before that are the tail of a code already under way. */
    private volatile boolean inStep;
    private PendingScan pending;
    private boolean stopNeeded;
    private byte[] awaiting;
    private byte[] answer;
    private DeviceException answerError;
    private boolean linkTroubleLogged;

    private record PendingScan(CompletableFuture<ScannedCode> future, long deadline, boolean triggered) {}

    /**
     * @param name the configured device name, e.g. "qr"
     * @param link the open line to the scanner; this driver owns it and closes it in {@link #close()}
     */
    public SerialQrScanner(String name, SerialLink link, ScannerConfig config, Statistics statistics) {
        this.name = Objects.requireNonNull(name, "name");
        this.link = Objects.requireNonNull(link, "link");
        this.config = Objects.requireNonNull(config, "config");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.stream = new ScanStream(config.format(), config.protocol());
        this.idleGapNanos = config.format().idleGap().toNanos();
        this.worker = new DeviceWorker(name);
    }

    @Override
    public String name() {
        return name;
    }

    public ScannerConfig config() {
        return config;
    }

    @Override
    public boolean hasCommandChannel() {
        return config.protocol().hasCommandChannel();
    }

    @Override
    public void open() throws DeviceException {
        synchronized (lifecycle) {
            if (closedOnce) {
                throw new DeviceException(DeviceError.INTERNAL, name + " was closed; build a new SerialQrScanner to use it again");
            }
            if (state != DeviceState.CLOSED) {
                return;
            }
            if (!link.isOpen()) {
                throw new DeviceException(DeviceError.LINK_IO, name + ": link " + link.name() + " is not open; open the port first");
            }
            state = DeviceState.OPEN;
            pumping = true;
            schedulePump();
        }
        log.info("{}: open on {} (trigger protocol {})", name, link.name(), config.protocol());
    }

    /**
     * True once the line was quiet for one idle gap after opening (or a command was sent): from then on
     * every code is delivered whole. Bytes before that belong to a code that was already under way.
     */
    public boolean inStepWithLine() {
        return inStep;
    }

    @Override
    public void enable() throws DeviceException {
        synchronized (lifecycle) {
            if (state == DeviceState.CLOSED) {
                throw new DeviceException(DeviceError.INTERNAL, name + " is closed; call open() before enable()");
            }
            if (state == DeviceState.DISCONNECTED) {
                stateBeforeDisconnect = DeviceState.ENABLED;
            } else {
                state = DeviceState.ENABLED;
            }
        }
    }

    @Override
    public void disable() {
        synchronized (lifecycle) {
            if (state == DeviceState.ENABLED) {
                state = DeviceState.OPEN;
            } else if (state == DeviceState.DISCONNECTED) {
                stateBeforeDisconnect = DeviceState.OPEN;
            }
        }
        submitQuietly(() -> failPending(new DeviceException(DeviceError.INTERNAL, name + " was disabled during the scan")));
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closedOnce) {
                return;
            }
            closedOnce = true;
            pumping = false;
            state = DeviceState.CLOSED;
        }
        // the link first: interrupting a read instead would look like a lost link to a watchdog around it
        link.close();
        worker.close();
        // the device thread has ended: its state may be touched here
        failPending(new DeviceException(DeviceError.INTERNAL, name + " was closed during the scan"));
        log.info("{}: closed", name);
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

    /**
     * Hand this the events of a {@link org.bianmin.device.link.ReconnectingLink} around this scanner's
     * link: the state follows the link and the event reaches this scanner's listeners.
     */
    public void onLinkEvent(DeviceEvent event) {
        synchronized (lifecycle) {
            if (event instanceof DeviceEvent.Disconnected && state != DeviceState.CLOSED && state != DeviceState.DISCONNECTED) {
                stateBeforeDisconnect = state;
                state = DeviceState.DISCONNECTED;
            } else if (event instanceof DeviceEvent.Reconnected && state == DeviceState.DISCONNECTED) {
                state = stateBeforeDisconnect;
            }
        }
        listeners.fire(event);
    }

    @Override
    public CompletableFuture<ScannedCode> scanOnce(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("scan timeout must be a positive duration, e.g. 10 s; got " + timeout);
        }
        CompletableFuture<ScannedCode> result = new CompletableFuture<>();
        submitOrFail(result, () -> {
            if (state != DeviceState.ENABLED) {
                result.completeExceptionally(new DeviceException(DeviceError.INTERNAL,
                        name + " is " + state + ", not ENABLED; call enable() before scanOnce()"));
            } else {
                startScan(result, timeout);
            }
        });
        return result;
    }

    @Override
    public HealthReport checkHealth(HealthLevel level) {
        if (state == DeviceState.CLOSED) {
            return HealthReport.failed(name, level, new DeviceException(DeviceError.INTERNAL, name + " is closed; open() it first"));
        }
        if (level == HealthLevel.INTERNAL) {
            return internalHealth();
        }
        CompletableFuture<ScannedCode> scan = new CompletableFuture<>();
        submitOrFail(scan, () -> startScan(scan, config.healthScanTimeout()));
        try {
            ScannedCode c = scan.get(config.healthScanTimeout().plus(config.replyTimeout()).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            return HealthReport.ok(name, level, "scanned a code: " + c.symbology() + ", " + c.text().length() + " characters");
        } catch (ExecutionException e) {
            return HealthReport.failed(name, level, asDeviceException(e.getCause()));
        } catch (TimeoutException e) {
            return HealthReport.failed(name, level, new DeviceException(DeviceError.TIMEOUT, name + ": the scan did not finish in time"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthReport.failed(name, level, new DeviceException(DeviceError.INTERNAL, name + ": interrupted during the health check"));
        }
    }

    private HealthReport internalHealth() {
        if (!hasCommandChannel()) {
            return new HealthReport(name, HealthLevel.INTERNAL, true, null,
                    "unknown: trigger protocol NONE has no command channel, so the scanner cannot be asked; link "
                            + link.name() + " is " + (link.isOpen() ? "open" : "closed")
                            + "; scan a code (EXTERNAL) to check it", Instant.now());
        }
        CompletableFuture<byte[]> reply = worker.submit(() -> exchange(config.commands().query()));
        try {
            byte[] r = reply.get(config.replyTimeout().plus(config.pollInterval()).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            return HealthReport.ok(name, HealthLevel.INTERNAL, "answered the query: " + config.protocol().describe(r));
        } catch (ExecutionException e) {
            return HealthReport.failed(name, HealthLevel.INTERNAL, asDeviceException(e.getCause()));
        } catch (TimeoutException e) {
            return HealthReport.failed(name, HealthLevel.INTERNAL, new DeviceException(DeviceError.TIMEOUT,
                    name + ": the device thread did not finish the query in time"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthReport.failed(name, HealthLevel.INTERNAL, new DeviceException(DeviceError.INTERNAL, name + ": interrupted during the health check"));
        } catch (RejectedExecutionException e) {
            return HealthReport.failed(name, HealthLevel.INTERNAL, new DeviceException(DeviceError.INTERNAL, name + " is closed"));
        }
    }

    private static DeviceException asDeviceException(Throwable t) {
        return t instanceof DeviceException d ? d : new DeviceException(DeviceError.INTERNAL, "unexpected " + t, t);
    }

    private void submitOrFail(CompletableFuture<?> result, Runnable onDeviceThread) {
        try {
            worker.submit(() -> {
                onDeviceThread.run();
                return null;
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new DeviceException(DeviceError.INTERNAL, name + " is closed"));
        }
    }

    private void submitQuietly(Runnable onDeviceThread) {
        try {
            worker.submit(() -> {
                onDeviceThread.run();
                return null;
            });
        } catch (RejectedExecutionException e) {
            log.debug("{}: closed, nothing to do", name);
        }
    }

    private void startScan(CompletableFuture<ScannedCode> result, Duration timeout) {
        if (pending != null) {
            result.completeExceptionally(new DeviceException(DeviceError.INTERNAL,
                    name + ": a scan is already in progress; wait for it to finish"));
            return;
        }
        boolean trigger = hasCommandChannel();
        pending = new PendingScan(result, System.nanoTime() + timeout.toNanos(), trigger);
        if (trigger) {
            try {
                exchange(config.commands().start());
                log.debug("{}: scan triggered", name);
            } catch (DeviceException e) {
                if (pending != null && pending.future() == result) {
                    pending = null;
                }
                result.completeExceptionally(e);
            }
        }
    }

    private void failPending(DeviceException why) {
        PendingScan p = pending;
        if (p != null) {
            pending = null;
            stopNeeded = p.triggered();
            p.future().completeExceptionally(why);
        }
    }

    private void schedulePump() {
        try {
            worker.submit(this::pump);
        } catch (RejectedExecutionException e) {
            log.debug("{}: device thread ended, listening stops", name);
        }
    }

    private Void pump() {
        if (!pumping) {
            return null;
        }
        Duration next = Duration.ZERO;
        try {
            pumpOnce();
            if (linkTroubleLogged) {
                linkTroubleLogged = false;
                log.info("{}: link {} works again", name, link.name());
            }
        } catch (LinkException e) {
            if (!pumping) {
                return null;
            }
            if (!linkTroubleLogged) {
                linkTroubleLogged = true;
                statistics.increment(Statistics.ERRORS);
                log.warn("{}: cannot read the scanner, retrying every {} ms: {}", name, LINK_RETRY.toMillis(), e.technicianLine());
            }
            next = LINK_RETRY;
        } catch (RuntimeException e) {
            statistics.increment(Statistics.ERRORS);
            log.error("{}: unexpected error while listening; listening goes on", name, e);
        }
        if (!pumping) {
            return null;
        }
        if (next.isZero()) {
            schedulePump();
        } else {
            CompletableFuture.delayedExecutor(next.toMillis(), TimeUnit.MILLISECONDS).execute(this::schedulePump);
        }
        return null;
    }

    private void pumpOnce() throws LinkException {
        long now = System.nanoTime();
        PendingScan p = pending;
        if (p != null && p.future().isDone()) {
            // the caller cancelled: end the scan session now rather than at its deadline
            pending = null;
            stopNeeded = p.triggered();
        } else if (p != null && now - p.deadline() >= 0) {
            failPending(new DeviceException(DeviceError.NO_CODE, name + ": no code was scanned in time;"
                    + " hold the code 5-15 cm in front of the scanner window"));
        }
        if (stopNeeded) {
            stopNeeded = false;
            sendStop();
        }
        long wait = config.pollInterval().toNanos();
        if (pending != null) {
            wait = Math.min(wait, pending.deadline() - now);
        }
        readAndHandle(wait);
    }

    private void sendStop() {
        byte[] stop = config.commands().stop();
        if (stop.length == 0) {
            return;
        }
        try {
            exchange(stop);
            log.debug("{}: scan stopped", name);
        } catch (DeviceException e) {
            if (pumping) {
                log.warn("{}: stopping the scan failed: {}", name, e.technicianLine());
            }
        }
    }

    /** Reads for up to {@code waitNanos} (less if an unfinished code is due at its idle gap) and handles what came. */
    private void readAndHandle(long waitNanos) throws LinkException {
        if (!inStep) {
            // joined the line mid-code (the port opened while a code was being sent): drop it, it cannot be whole
            int n = link.read(readBuffer, 0, readBuffer.length, Duration.ofNanos(idleGapNanos));
            if (n == 0) {
                inStep = true;
            } else {
                log.debug("{}: dropped {} bytes of a code already under way when the port opened", name, n);
            }
            return;
        }
        long start = System.nanoTime();
        if (stream.hasPartial()) {
            long idleLeft = lastByteAt + idleGapNanos - start;
            if (idleLeft <= 0) {
                handle(stream.endOfBurst());
                return;
            }
            waitNanos = Math.min(waitNanos, idleLeft);
        }
        int n = link.read(readBuffer, 0, readBuffer.length, Duration.ofNanos(Math.max(waitNanos, 1_000_000)));
        long now = System.nanoTime();
        if (n > 0) {
            if (stream.hasPartial() && start - lastByteAt >= idleGapNanos) {
                handle(stream.endOfBurst());
            }
            lastByteAt = now;
            handle(stream.accept(readBuffer, 0, n));
        } else if (stream.hasPartial() && now - lastByteAt >= idleGapNanos) {
            handle(stream.endOfBurst());
        }
    }

    private void handle(List<ScanItem> items) {
        for (ScanItem item : items) {
            switch (item) {
                case ScanItem.Code c -> deliver(c.code());
                case ScanItem.Rejected r -> {
                    statistics.increment(Statistics.ERRORS);
                    log.warn("{}: dropped {} bytes: {}", name, r.bytes(), r.error().technicianLine());
                }
                case ScanItem.Reply r -> takeReply(r.frame());
            }
        }
    }

    private void deliver(ScannedCode code) {
        statistics.increment(CODES);
        if (state == DeviceState.ENABLED) {
            log.info("{}: scanned {}", name, code);
            listeners.fire(CodeScanned.of(name, code));
        } else if (pending == null) {
            log.info("{}: ignored {} (scanner not enabled)", name, code);
        }
        PendingScan p = pending;
        if (p != null) {
            pending = null;
            stopNeeded = p.triggered();
            p.future().complete(code);
        }
    }

    private void takeReply(byte[] frame) {
        if (awaiting == null) {
            log.debug("{}: reply to no pending command ignored: {}", name, Hex.of(frame));
            return;
        }
        try {
            if (config.protocol().accepts(awaiting, frame)) {
                answer = frame;
            } else {
                log.debug("{}: late reply ignored: {}", name, config.protocol().describe(frame));
            }
        } catch (DeviceException e) {
            answerError = e;
        }
    }

    /** Sends one command and waits for its reply; codes that arrive meanwhile are delivered as usual. */
    private byte[] exchange(byte[] command) throws DeviceException {
        awaiting = command;
        answer = null;
        answerError = null;
        try {
            inStep = true;
            link.write(command);
            long deadline = System.nanoTime() + config.replyTimeout().toNanos();
            while (answer == null && answerError == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    link.exchangeTimedOut();
                    statistics.increment(Statistics.ERRORS);
                    throw new DeviceException(DeviceError.TIMEOUT, name + ": the scanner did not answer " + Hex.of(command)
                            + " within " + config.replyTimeout().toMillis() + " ms; check the cable, the baud rate and that"
                            + " the scanner speaks " + config.protocol());
                }
                readAndHandle(left);
            }
            link.exchangeAnswered();
            if (answerError != null) {
                statistics.increment(Statistics.ERRORS);
                throw answerError;
            }
            return answer;
        } finally {
            awaiting = null;
        }
    }
}
