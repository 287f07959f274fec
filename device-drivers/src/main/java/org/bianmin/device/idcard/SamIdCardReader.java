package org.bianmin.device.idcard;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.DeviceWorker;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.Listeners;
import org.bianmin.device.PersonalData;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second-generation ID card reader driver: SAM_V frames over a {@link SerialLink}, every exchange
 * on one {@link DeviceWorker}. A read is find (20 01) → select (20 02) → read (30 01 or 30 10), then
 * optionally the appended address (30 03). The driver owns the link and closes it in {@link #close()};
 * a closed reader cannot be opened again.
 */
public final class SamIdCardReader implements IdCardReader {
    private static final Logger log = LoggerFactory.getLogger(SamIdCardReader.class);

    /** Cards read completely with a valid number. */
    public static final String CARDS_READ = "cards.read";
    /** Reads that failed for any reason but "no card". */
    public static final String READ_ERRORS = "read.errors";
    /** Cards whose number failed its check digit. */
    public static final String INVALID_NUMBERS = "invalid.numbers";
    /** Requests that got no reply in time. */
    public static final String TIMEOUTS = "timeouts";

    private final String name;
    private final SerialLink link;
    private final SamReaderConfig config;
    private final Statistics statistics;
    private final DeviceWorker worker;
    private final ScheduledExecutorService poller;
    private final Listeners listeners = new Listeners();
    private volatile DeviceState state = DeviceState.CLOSED;
    private volatile DeviceState stateBeforeDisconnect = DeviceState.CLOSED;
    private volatile boolean closedForGood;
    private volatile boolean armed;
    /** Set when the link is lost: the module may have lost power, so it is initialised again before the next card command. */
    private volatile boolean moduleNeedsInit;
    private ScheduledFuture<?> polling;
    /** Only touched on the worker thread: a card we read is still (as far as we know) on the reader. */
    private boolean readCardOnReader;
    /** Only touched on the worker thread: non-90 answers in a row to the select removal probe. */
    private int failedRemovalProbes;

    public SamIdCardReader(String name, SerialLink link, SamReaderConfig config, Statistics statistics) {
        this.name = name;
        this.link = link;
        this.config = config;
        this.statistics = statistics;
        this.worker = new DeviceWorker(name);
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("poll-" + name).factory());
    }

    /** Default settings, counters in memory. */
    public SamIdCardReader(String name, SerialLink link) {
        this(name, link, SamReaderConfig.defaults(), Statistics.inMemory());
    }

    /** The name of the counter of replies with the given SW3, e.g. "sw3.9F". */
    public static String sw3Counter(int sw3) {
        return String.format("sw3.%02X", sw3 & 0xFF);
    }

    @Override
    public String name() {
        return name;
    }

    public SamReaderConfig config() {
        return config;
    }

    /**
     * Checks the SAM_V answers 90 to a status check and, when configured, sets the max RF frame size;
     * both are done again after the watchdog reports the link back (see {@link #onLinkEvent}).
     */
    @Override
    public void open() throws DeviceException {
        if (closedForGood) {
            throw new IllegalStateException(name + " was closed and its link with it; build a new SamIdCardReader to use the reader again");
        }
        if (state != DeviceState.CLOSED) {
            return;
        }
        await(worker.submit(() -> {
            initialiseModule();
            return null;
        }));
        state = DeviceState.OPEN;
        log.info("{}: SAM_V ready on {}", name, link.name());
    }

    @Override
    public void enable() {
        requireState(DeviceState.OPEN, DeviceState.ENABLED, "enable()");
        state = DeviceState.ENABLED;
    }

    @Override
    public void disable() {
        disarm();
        if (state == DeviceState.ENABLED) {
            state = DeviceState.OPEN;
        }
    }

    @Override
    public void close() {
        disarm();
        closedForGood = true;
        poller.shutdownNow();
        worker.close();
        link.close();
        state = DeviceState.CLOSED;
        try {
            statistics.save();
        } catch (IOException e) {
            log.warn("{}: statistics not saved: {}", name, e.getMessage());
        }
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
     * Feed the {@code ReconnectingLink} watchdog's events here: the state follows them
     * (DISCONNECTED, then back) and listeners receive them. After a reconnect the module is
     * initialised again as in {@link #open()}, on the device thread, before the next read or poll
     * goes on; if that fails, the next read or poll tries again.
     */
    public void onLinkEvent(DeviceEvent event) {
        if (event instanceof DeviceEvent.Disconnected && state != DeviceState.DISCONNECTED && state != DeviceState.CLOSED) {
            stateBeforeDisconnect = state;
            moduleNeedsInit = true;
            state = DeviceState.DISCONNECTED;
            statistics.increment(Statistics.DISCONNECTS);
        } else if (event instanceof DeviceEvent.Reconnected && state == DeviceState.DISCONNECTED) {
            worker.submit(() -> {
                initialiseIfNeeded();
                return null;
            }).exceptionally(e -> {
                log.warn("{}: module not initialised after the reconnect, trying again before the next card command: {}", name,
                        e instanceof DeviceException de ? de.technicianLine() : e.toString());
                return null;
            });
            state = stateBeforeDisconnect;
            statistics.increment(Statistics.RECONNECTS);
        }
        listeners.fire(event);
    }

    @Override
    public CompletableFuture<CardRead> read() {
        requireState(DeviceState.ENABLED, DeviceState.ENABLED, "read()");
        return worker.submit(this::readCounted);
    }

    @Override
    public CompletableFuture<SamId> samId() {
        requireOpen("samId()");
        return worker.submit(() -> SamId.parse(expect(exchange(SamCommand.SAM_ID.request(), config.timeouts().sam()),
                Sw3.OK, "SAM ID (12 FF)").data()));
    }

    /** Resets the SAM_V (10 FF). */
    public CompletableFuture<Void> resetSam() {
        requireOpen("resetSam()");
        return worker.submit(() -> {
            expect(exchange(SamCommand.RESET_SAM.request(), config.timeouts().sam()), Sw3.OK, "reset SAM (10 FF)");
            return null;
        });
    }

    /**
     * Tells the module to switch its UART to {@code baud} (60 xx, rate code from the configured
     * {@link BaudCodes}). The module answers at the old rate; reopen the link at the new rate afterwards.
     */
    public CompletableFuture<Void> setBaud(int baud) {
        requireOpen("setBaud()");
        int code = config.baudCodes().codeFor(baud);
        return worker.submit(() -> {
            expect(exchange(SamCodec.setBaud(code), config.timeouts().sam()), Sw3.OK, String.format("set baud (60 %02X)", code));
            log.info("{}: module switched to {} baud; reopen the link at that rate", name, baud);
            return null;
        });
    }

    @Override
    public synchronized void arm() {
        requireState(DeviceState.ENABLED, DeviceState.ENABLED, "arm()");
        if (polling != null) {
            return;
        }
        armed = true;
        polling = poller.scheduleWithFixedDelay(this::pollTick, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void disarm() {
        armed = false;
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    @Override
    public boolean armed() {
        return armed;
    }

    @Override
    public HealthReport checkHealth(HealthLevel level) {
        if (state == DeviceState.CLOSED) {
            return HealthReport.failed(name, level, new DeviceException(DeviceError.LINK_IO, name + " is closed; open() it first"));
        }
        try {
            if (level == HealthLevel.INTERNAL) {
                await(worker.submit(() -> {
                    samStatus();
                    return null;
                }));
                return HealthReport.ok(name, level, "SAM_V answered 90 (ready) on " + link.name());
            }
            CardRead card = await(worker.submit(this::readCounted));
            return HealthReport.ok(name, level, "read a " + card.identity().type().en() + ", number "
                    + PersonalData.maskIdNumber(card.identity().number()));
        } catch (DeviceException e) {
            return HealthReport.failed(name, level, e);
        }
    }

    private void pollTick() {
        try {
            worker.submit(() -> {
                poll();
                return null;
            }).get();
        } catch (ExecutionException e) {
            if (closedForGood || state == DeviceState.CLOSED) {
                // the reader was closed while a step was queued: shutting down, not a fault
                log.debug("{}: polling stopped by close: {}", name, e.getCause().getMessage());
                return;
            }
            log.error("{}: polling step failed unexpectedly", name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One polling step on the worker: find, and read a new card or notice that the read one left. */
    private void poll() {
        if (!armed) {
            return;
        }
        try {
            initialiseIfNeeded();
            SamReply find = exchange(SamCommand.FIND_CARD.request(), config.timeouts().find());
            if (find.is(Sw3.CARD_FOUND)) {
                if (readCardOnReader) {
                    // a halted card never answers find: the read card was lifted and a card (maybe the same) put down
                    cardLifted();
                }
                try {
                    CardRead card = selectAndRead();
                    listeners.fire(new IdCardEvent.CardPlaced(name, Instant.now(), card));
                } catch (DeviceException e) {
                    countError(e);
                    log.info("{}: card not read: {}", name, e.technicianLine());
                    listeners.fire(new IdCardEvent.CardReadFailed(name, Instant.now(), e.error(), e.getMessage()));
                }
            } else if (find.is(Sw3.FIND_FAILED)) {
                if (readCardOnReader && config.removalProbe() == SamReaderConfig.RemovalProbe.SELECT) {
                    probeRemoval();
                }
            } else {
                DeviceException e = statusError(find, "find card (20 01)");
                countError(e);
                log.warn("{}: {}", name, e.technicianLine());
            }
        } catch (DeviceException e) {
            countError(e);
            if (e.error() == DeviceError.DISCONNECTED) {
                // the watchdog already reported the loss; it says when the link is back
                log.debug("{}: polling: {}", name, e.technicianLine());
            } else {
                log.warn("{}: polling: {}", name, e.technicianLine());
            }
        }
    }

    /** Select on a halted card: 90 = still there [U]; only enough other answers in a row mean it was lifted. */
    private void probeRemoval() throws DeviceException {
        SamReply select = exchange(SamCommand.SELECT_CARD.request(), config.timeouts().select());
        if (select.is(Sw3.OK)) {
            failedRemovalProbes = 0;
            return;
        }
        failedRemovalProbes++;
        if (failedRemovalProbes < config.removalProbeFailures()) {
            log.debug("{}: removal probe answered SW3 {} ({} of {} in a row)", name, Sw3.describe(select.sw3()),
                    failedRemovalProbes, config.removalProbeFailures());
            return;
        }
        cardLifted();
    }

    private void cardLifted() {
        readCardOnReader = false;
        failedRemovalProbes = 0;
        listeners.fire(new IdCardEvent.CardRemoved(name, Instant.now()));
    }

    private CardRead readCounted() throws DeviceException {
        try {
            initialiseIfNeeded();
            SamReply find = exchange(SamCommand.FIND_CARD.request(), config.timeouts().find());
            expect(find, Sw3.CARD_FOUND, "find card (20 01)");
            return selectAndRead();
        } catch (DeviceException e) {
            countError(e);
            throw e;
        }
    }

    private CardRead selectAndRead() throws DeviceException {
        SamReaderConfig.Timeouts t = config.timeouts();
        expect(exchange(SamCommand.SELECT_CARD.request(), t.select()), Sw3.OK, "select card (20 02)");
        SamCommand readCommand = config.readFingerprints() ? SamCommand.READ_WITH_FINGERPRINTS : SamCommand.READ_TEXT_AND_PHOTO;
        String what = describe(readCommand.request());
        SamReply reply = exchange(readCommand.request(), t.read());
        if (reply.is(Sw3.READ_FAILED) && cardGone()) {
            throw new DeviceException(DeviceError.CARD_REMOVED, name + ": the card left the reader during " + what
                    + " (it answered 41, then find answered 80)");
        }
        expect(reply, Sw3.OK, what);
        // a completed read halts the card: find answers 80 until it is lifted
        readCardOnReader = true;
        failedRemovalProbes = 0;
        ReadReply parts = ReadReply.parse(reply.data(), config.readFingerprints());
        Identity identity = TextBlock.parse(parts.textBlock());
        Optional<String> appended = Optional.empty();
        if (config.readAppendedAddress()) {
            appended = AppendedAddress.parse(exchange(SamCommand.READ_APPENDED_ADDRESS.request(), t.appendedAddress()));
        }
        CardRead card = new CardRead(identity, parts.photo(), parts.fingerprints(), appended, Instant.now());
        Optional<String> problem = identity.numberProblem();
        if (problem.isPresent()) {
            statistics.increment(INVALID_NUMBERS);
            log.warn("{}: {} refused: {}", name, identity.type().en(), problem.get());
            throw new InvalidIdNumberException(card, identity.type().en() + ": " + problem.get());
        }
        statistics.increment(CARDS_READ);
        log.info("{}: read a {}, number {}", name, identity.type().en(), PersonalData.maskIdNumber(identity.number()));
        return card;
    }

    /** After a failed read: true when find says no card, i.e. the card was lifted. */
    private boolean cardGone() {
        try {
            return exchange(SamCommand.FIND_CARD.request(), config.timeouts().find()).is(Sw3.FIND_FAILED);
        } catch (DeviceException e) {
            log.debug("{}: find after a failed read: {}", name, e.technicianLine());
            return false;
        }
    }

    /** SAM status (11 FF) must answer 90; then the max RF frame size (61 FF nn) when one is configured. */
    private void initialiseModule() throws DeviceException {
        samStatus();
        if (config.maxRfFrameBytes().isPresent()) {
            expect(exchange(SamCodec.setMaxRfFrame(config.maxRfFrameBytes().getAsInt()), config.timeouts().sam()),
                    Sw3.OK, "set max RF frame (61 FF)");
        }
        moduleNeedsInit = false;
    }

    private void initialiseIfNeeded() throws DeviceException {
        if (moduleNeedsInit) {
            initialiseModule();
            log.info("{}: SAM_V ready again on {} after a reconnect", name, link.name());
        }
    }

    private void samStatus() throws DeviceException {
        expect(exchange(SamCommand.SAM_STATUS.request(), config.timeouts().sam()), Sw3.OK, "SAM status (11 FF)");
    }

    private SamReply exchange(SamRequest request, Duration timeout) throws DeviceException {
        link.discardInput();
        link.write(SamCodec.encode(request));
        SamFrameReceiver receiver = SamFrameReceiver.forReplies();
        byte[] buf = new byte[512];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                link.exchangeTimedOut();
                statistics.increment(TIMEOUTS);
                throw new DeviceException(DeviceError.TIMEOUT, name + ": no reply to " + describe(request) + " within "
                        + timeout.toMillis() + " ms on " + link.name() + " (reader off, unplugged or at another baud rate?)");
            }
            int n = link.read(buf, 0, buf.length, Duration.ofNanos(left));
            for (int i = 0; i < n; i++) {
                Optional<SamFrameReceiver.Result> r = receiver.push(buf[i]);
                if (r.isEmpty()) {
                    continue;
                }
                link.exchangeAnswered();
                if (r.get() instanceof SamFrameReceiver.Rejected rejected) {
                    throw new DeviceException(rejected.error(), name + ": reply to " + describe(request) + ": " + rejected.detail());
                }
                SamReply reply = SamCodec.decodeReply(((SamFrameReceiver.Frame) r.get()).bytes());
                statistics.increment(sw3Counter(reply.sw3()));
                log.debug("{}: {} → {}", name, describe(request), reply);
                return reply;
            }
        }
    }

    private SamReply expect(SamReply reply, Sw3 wanted, String what) throws DeviceException {
        if (!reply.is(wanted)) {
            throw statusError(reply, what);
        }
        return reply;
    }

    private DeviceException statusError(SamReply reply, String what) {
        DeviceError error = Sw3.of(reply.sw3()).flatMap(Sw3::error).orElse(DeviceError.UNEXPECTED_REPLY);
        String hint = reply.sw3() == Sw3.COMMAND_ERROR.code() && what.contains("30 10")
                ? "; this module may not read fingerprints: turn read-fingerprints off" : "";
        return new DeviceException(error, name + ": " + what + " answered SW3 " + Sw3.describe(reply.sw3()) + hint);
    }

    private void countError(DeviceException e) {
        if (e.error() == DeviceError.NO_CARD) {
            return;
        }
        statistics.increment(READ_ERRORS);
        statistics.increment(Statistics.ERRORS);
    }

    private static String describe(SamRequest r) {
        for (SamCommand c : SamCommand.values()) {
            if (c.cmd() == r.cmd() && c.para() == r.para()) {
                return c.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + r.command() + ")";
            }
        }
        return r.command();
    }

    private void requireState(DeviceState from, DeviceState or, String call) {
        DeviceState s = state;
        if (s != from && s != or) {
            throw new IllegalStateException(name + " is " + s + "; " + call + " needs it "
                    + (or == DeviceState.ENABLED ? "enabled: call open() then enable() first" : from));
        }
    }

    private void requireOpen(String call) {
        DeviceState s = state;
        if (s != DeviceState.OPEN && s != DeviceState.ENABLED) {
            throw new IllegalStateException(name + " is " + s + "; " + call + " needs it open: call open() first");
        }
    }

    private static <T> T await(CompletableFuture<T> f) throws DeviceException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DeviceException de) {
                throw de;
            }
            throw new DeviceException(DeviceError.INTERNAL, "unexpected " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceError.LINK_IO, "interrupted while waiting for the reader");
        }
    }
}
