package org.bianmin.device.idcard.sim;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.AppendedAddress;
import org.bianmin.device.idcard.BaudCodes;
import org.bianmin.device.idcard.ReadReply;
import org.bianmin.device.idcard.SamCodec;
import org.bianmin.device.idcard.SamCommand;
import org.bianmin.device.idcard.SamFrameReceiver;
import org.bianmin.device.idcard.SamId;
import org.bianmin.device.idcard.SamReply;
import org.bianmin.device.idcard.SamRequest;
import org.bianmin.device.idcard.Sw3;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.PacedLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SAM_V ID card reader module, byte-exact, on the device end of any {@link SerialLink}: it parses
 * requests with the three-state receiver, answers at the configured baud rate (through
 * {@link PacedLink}) after realistic RF delays, keeps the card states of PROTOCOLS.md §1.10 and has
 * hooks to place and lift cards and inject faults. It runs on its own thread from {@link #start()}
 * to {@link #close()}, survives any garbage on the line, and closes its link when closed. Unpowered
 * ({@link #powerOff()}) it answers nothing; powered again it boots at its first baud rate with no
 * fault pending, and a card left on it is found afresh.
 */
public final class IdCardSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IdCardSimulator.class);
    /** The SAM ID of a simulator unless configured: displays as 05.01-20240101-0000000001-0012345678. */
    public static final SamId DEFAULT_SAM_ID = new SamId(Hex.parse("0500 0100 E5D63401 01000000 4E61BC00"));

    /** Where the card is in its life on the reader. */
    public enum CardState {
        NO_CARD,
        /** On the reader, not yet selected (or a read failed). */
        PRESENT_UNREAD,
        SELECTED,
        /** Read and halted: find answers 80 until it is lifted. */
        READ_DONE
    }

    /** RF time the module spends on find, select and read, drawn uniformly from each range [U]. */
    public record Timing(Duration findMin, Duration findMax, Duration selectMin, Duration selectMax, Duration readMin, Duration readMax) {
        /** Find and select 20–50 ms, read 600–900 ms, plus the wire time. */
        public static final Timing REALISTIC = new Timing(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofMillis(600), Duration.ofMillis(900));
        /** 1–3 ms for everything: for tests. */
        public static final Timing FAST = new Timing(Duration.ofMillis(1), Duration.ofMillis(3), Duration.ofMillis(1),
                Duration.ofMillis(3), Duration.ofMillis(1), Duration.ofMillis(3));

        public Timing {
            range(findMin, findMax, "find");
            range(selectMin, selectMax, "select");
            range(readMin, readMax, "read");
        }

        private static void range(Duration min, Duration max, String what) {
            if (min == null || max == null || min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException(what + " delay range " + min + ".." + max + " must be 0 or more, smallest first");
            }
        }
    }

    /**
     * @param timing           RF delays
     * @param baudCodes        the 60 xx rate codes the module understands [U]
     * @param samId            what 12 FF answers
     * @param interByteTimeout a frame that stalls this long mid-way is dropped, as a module would
     * @param seed             for delays and noise, so a run can be repeated
     */
    public record Options(Timing timing, BaudCodes baudCodes, SamId samId, Duration interByteTimeout, long seed) {
        public Options {
            if (timing == null || baudCodes == null || samId == null || interByteTimeout == null
                    || interByteTimeout.isNegative() || interByteTimeout.isZero()) {
                throw new IllegalArgumentException("simulator options need timing, baud codes, a SAM ID and a positive inter-byte timeout");
            }
        }

        /** Realistic timing, the common baud codes, {@link #DEFAULT_SAM_ID}, 100 ms inter-byte timeout. */
        public static Options defaults() {
            return new Options(Timing.REALISTIC, BaudCodes.COMMON, DEFAULT_SAM_ID, Duration.ofMillis(100), System.nanoTime());
        }

        public Options withTiming(Timing t) {
            return new Options(t, baudCodes, samId, interByteTimeout, seed);
        }
    }

    private final SerialLink wire;
    private final Options options;
    private final Random random;
    private final Object lock = new Object();
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong repliesSent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final SerialSettings bootSettings;
    private volatile PacedLink paced;
    private volatile boolean running;
    private volatile boolean powered = true;
    /** Raised by each power change: a frame half-received when power went is gone. */
    private volatile long powerChanges;
    private Thread thread;

    // guarded by lock
    private CardFixture card;
    private CardState state = CardState.NO_CARD;
    private boolean liftDuringNextRead;
    private boolean garbageBeforeNextReply;
    private boolean corruptNextChecksum;
    private Integer failNext;
    private SamCommand failCommand;
    private long stalledUntil;
    private int maxRfFrameBytes;

    public IdCardSimulator(SerialLink deviceEnd, SerialSettings settings, Options options) {
        this.wire = deviceEnd;
        this.options = options;
        this.random = new Random(options.seed());
        this.paced = new PacedLink(deviceEnd, settings);
        this.bootSettings = settings;
    }

    /** Realistic timing and default options. */
    public IdCardSimulator(SerialLink deviceEnd, SerialSettings settings) {
        this(deviceEnd, settings, Options.defaults());
    }

    public IdCardSimulator start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("idcard-sim " + wire.name()).start(this::run);
        return this;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wire.close();
    }

    /** Puts a card on the reader (replacing any card there); it is fresh, so the next find sees it. */
    public void placeCard(CardFixture fixture) {
        synchronized (lock) {
            card = fixture;
            state = CardState.PRESENT_UNREAD;
        }
        log.info("simulator: card '{}' placed", fixture.name());
    }

    /** Lifts the card off the reader. */
    public void removeCard() {
        synchronized (lock) {
            card = null;
            state = CardState.NO_CARD;
        }
        log.info("simulator: card removed");
    }

    /** The next read (30 01 / 30 10) loses the card half-way: it answers 41 and the reader is empty. */
    public void removeCardDuringNextRead() {
        synchronized (lock) {
            liftDuringNextRead = true;
        }
    }

    /** Line noise: the next reply is preceded by 1–64 random bytes (never the preamble). */
    public void garbage() {
        synchronized (lock) {
            garbageBeforeNextReply = true;
        }
    }

    /** Answers nothing for {@code d}: requests arriving meanwhile are swallowed. */
    public void stall(Duration d) {
        synchronized (lock) {
            stalledUntil = System.nanoTime() + d.toNanos();
        }
        log.info("simulator: stalled for {} ms", d.toMillis());
    }

    /** Power is cut: requests go unanswered and are lost. */
    public void powerOff() {
        synchronized (lock) {
            powered = false;
            powerChanges++;
        }
        log.info("simulator: power off");
    }

    /**
     * Power is back: the module boots at the baud rate it started with, with no stall or injected fault
     * pending and no RF frame size set; a card on it is found afresh.
     */
    public void powerOn() {
        synchronized (lock) {
            if (powered) {
                return;
            }
            stalledUntil = 0;
            liftDuringNextRead = false;
            garbageBeforeNextReply = false;
            corruptNextChecksum = false;
            failNext = null;
            failCommand = null;
            maxRfFrameBytes = 0;
            if (card != null) {
                state = CardState.PRESENT_UNREAD;
            }
            paced = new PacedLink(wire, bootSettings);
            powerChanges++;
            powered = true;
        }
        log.info("simulator: power on at {}", bootSettings);
    }

    public boolean powered() {
        return powered;
    }

    /**
     * The next request this status belongs to is answered with {@code sw3} and no data: 80 hits the
     * next find, 81 the next select, 40/41/33 the next read (30 01 / 30 10), any other code (60, 66,
     * 31, 32, …) the very next request.
     */
    public void failNext(int sw3) {
        if (sw3 < 0 || sw3 > 0xFF) {
            throw new IllegalArgumentException("SW3 is one byte (0..FF); got " + sw3);
        }
        synchronized (lock) {
            failNext = sw3;
            failCommand = null;
        }
    }

    /** The next {@code command} (and only that one) is answered with {@code sw3} and no data. */
    public void failNext(SamCommand command, int sw3) {
        if (sw3 < 0 || sw3 > 0xFF) {
            throw new IllegalArgumentException("SW3 is one byte (0..FF); got " + sw3);
        }
        synchronized (lock) {
            failNext = sw3;
            failCommand = command;
        }
    }

    /** The next reply goes out with a wrong checksum. */
    public void corruptNextChecksum() {
        synchronized (lock) {
            corruptNextChecksum = true;
        }
    }

    public CardState cardState() {
        synchronized (lock) {
            return state;
        }
    }

    /** The line settings now in use; 60 xx changes the baud rate. */
    public SerialSettings settings() {
        return paced.settings();
    }

    /** The last max RF frame size set with 61 FF nn; empty until one is set. */
    public OptionalInt maxRfFrameBytes() {
        synchronized (lock) {
            return maxRfFrameBytes == 0 ? OptionalInt.empty() : OptionalInt.of(maxRfFrameBytes);
        }
    }

    /** Well-formed request frames received (answered or not). */
    public long framesReceived() {
        return framesReceived.get();
    }

    /** Frames dropped for a bad checksum, a bad length or a stall mid-frame. */
    public long badFrames() {
        return badFrames.get();
    }

    public long repliesSent() {
        return repliesSent.get();
    }

    /** Requests swallowed while stalled or unpowered. */
    public long swallowed() {
        return dropped.get();
    }

    private void run() {
        SamFrameReceiver receiver = SamFrameReceiver.forRequests();
        byte[] buf = new byte[256];
        long lastByteAt = System.nanoTime();
        long powerSeen = powerChanges;
        while (running) {
            try {
                if (powerSeen != powerChanges) {
                    powerSeen = powerChanges;
                    receiver.reset();
                }
                int n = paced.read(buf, 0, buf.length, Duration.ofMillis(20));
                if (n == 0) {
                    if (receiver.inFrame() && System.nanoTime() - lastByteAt > options.interByteTimeout().toNanos()) {
                        receiver.reset();
                        badFrames.incrementAndGet();
                        log.debug("simulator: partial frame dropped after {} ms of silence", options.interByteTimeout().toMillis());
                    }
                    continue;
                }
                lastByteAt = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    Optional<SamFrameReceiver.Result> r = receiver.push(buf[i]);
                    if (r.isPresent()) {
                        onFrame(r.get());
                    }
                }
            } catch (LinkException e) {
                if (running) {
                    log.info("simulator on {} stops: {}", wire.name(), e.technicianLine());
                }
                return;
            } catch (RuntimeException e) {
                log.error("simulator on {}: unexpected failure, going on", wire.name(), e);
            }
        }
    }

    private void onFrame(SamFrameReceiver.Result result) throws LinkException {
        if (!powered || stalled()) {
            dropped.incrementAndGet();
            return;
        }
        switch (result) {
            case SamFrameReceiver.Rejected rejected -> {
                badFrames.incrementAndGet();
                log.debug("simulator: bad request: {}", rejected.detail());
                reply(rejected.error() == DeviceError.CHECKSUM ? Sw3.REQUEST_CHECKSUM_ERROR.code()
                        : Sw3.REQUEST_LENGTH_ERROR.code(), new byte[0]);
            }
            case SamFrameReceiver.Frame frame -> {
                framesReceived.incrementAndGet();
                SamRequest request;
                try {
                    request = SamCodec.decodeRequest(frame.bytes());
                } catch (DeviceException e) {
                    badFrames.incrementAndGet();
                    reply(Sw3.REQUEST_LENGTH_ERROR.code(), new byte[0]);
                    return;
                }
                answer(request);
            }
        }
    }

    private boolean stalled() {
        synchronized (lock) {
            return System.nanoTime() < stalledUntil;
        }
    }

    private void answer(SamRequest q) throws LinkException {
        int cmd = q.cmd();
        int para = q.para();
        int dataLength = q.data().length;
        Integer fault = takeFault(q);
        if (fault != null) {
            if (cmd == 0x30 && (para == 0x01 || para == 0x10)) {
                pause(options.timing().readMin().dividedBy(2));
                synchronized (lock) {
                    if (state != CardState.NO_CARD) {
                        state = CardState.PRESENT_UNREAD;
                    }
                }
            }
            reply(fault, new byte[0]);
            return;
        }
        boolean fixedPara = para == 0xFF && dataLength == 0;
        switch (cmd) {
            case 0x10, 0x11 -> reply(fixedPara ? Sw3.OK.code() : Sw3.COMMAND_ERROR.code(), new byte[0]);
            case 0x12 -> reply(fixedPara ? Sw3.OK.code() : Sw3.COMMAND_ERROR.code(), fixedPara ? options.samId().raw() : new byte[0]);
            case 0x20 -> {
                if (dataLength != 0 || (para != 0x01 && para != 0x02)) {
                    reply(Sw3.COMMAND_ERROR.code(), new byte[0]);
                } else if (para == 0x01) {
                    find();
                } else {
                    select();
                }
            }
            case 0x30 -> {
                if (dataLength != 0) {
                    reply(Sw3.COMMAND_ERROR.code(), new byte[0]);
                    return;
                }
                switch (para) {
                    case 0x01 -> read(false);
                    case 0x10 -> read(true);
                    case 0x03 -> appendedAddress();
                    case 0x05 -> mid();
                    default -> reply(Sw3.COMMAND_ERROR.code(), new byte[0]);
                }
            }
            case SamCommand.SET_BAUD -> setBaud(para, dataLength);
            case SamCommand.SET_MAX_RF_FRAME -> {
                if (para != 0xFF || dataLength != 1 || q.data()[0] == 0) {
                    reply(Sw3.COMMAND_ERROR.code(), new byte[0]);
                } else {
                    synchronized (lock) {
                        maxRfFrameBytes = q.data()[0] & 0xFF;
                    }
                    reply(Sw3.OK.code(), new byte[0]);
                }
            }
            default -> reply(Sw3.COMMAND_ERROR.code(), new byte[0]);
        }
    }

    private Integer takeFault(SamRequest q) {
        synchronized (lock) {
            if (failNext == null) {
                return null;
            }
            int f = failNext;
            boolean find = q.cmd() == 0x20 && q.para() == 0x01;
            boolean select = q.cmd() == 0x20 && q.para() == 0x02;
            boolean read = q.cmd() == 0x30 && (q.para() == 0x01 || q.para() == 0x10);
            boolean applies = failCommand != null ? failCommand.cmd() == q.cmd() && failCommand.para() == q.para() : switch (f) {
                case 0x80 -> find;
                case 0x81 -> select;
                case 0x40, 0x41, 0x33 -> read;
                default -> true;
            };
            if (applies) {
                failNext = null;
                return f;
            }
            return null;
        }
    }

    private void find() throws LinkException {
        pause(between(options.timing().findMin(), options.timing().findMax()));
        boolean found;
        synchronized (lock) {
            found = state == CardState.PRESENT_UNREAD || state == CardState.SELECTED;
            if (found) {
                state = CardState.PRESENT_UNREAD;
            }
        }
        // 9F carries 4 zero bytes; 80 carries none
        reply(found ? Sw3.CARD_FOUND.code() : Sw3.FIND_FAILED.code(), found ? new byte[4] : new byte[0]);
    }

    private void select() throws LinkException {
        pause(between(options.timing().selectMin(), options.timing().selectMax()));
        boolean ok;
        synchronized (lock) {
            // a halted (read) card still answers select while it lies in the field [U]: the driver's removal probe
            ok = state != CardState.NO_CARD;
            if (state == CardState.PRESENT_UNREAD) {
                state = CardState.SELECTED;
            }
        }
        reply(ok ? Sw3.OK.code() : Sw3.SELECT_FAILED.code(), ok ? new byte[8] : new byte[0]);
    }

    private void read(boolean withFingerprints) throws LinkException {
        CardFixture held;
        boolean lift;
        synchronized (lock) {
            held = state == CardState.SELECTED ? card : null;
            lift = held != null && liftDuringNextRead;
            liftDuringNextRead = liftDuringNextRead && !lift;
        }
        Duration rf = between(options.timing().readMin(), options.timing().readMax());
        if (held == null) {
            reply(Sw3.READ_FAILED.code(), new byte[0]);
            return;
        }
        if (lift) {
            pause(rf.dividedBy(2));
            removeCard();
            reply(Sw3.READ_FAILED.code(), new byte[0]);
            return;
        }
        pause(rf);
        synchronized (lock) {
            if (card != held || state != CardState.SELECTED) {
                held = null;
            } else {
                state = CardState.READ_DONE;
            }
        }
        if (held == null) {
            reply(Sw3.READ_FAILED.code(), new byte[0]);
            return;
        }
        ReadReply data = new ReadReply(held.textBlock(), held.photo(), withFingerprints ? held.fingerprints() : new byte[0]);
        reply(Sw3.OK.code(), data.encode(withFingerprints));
    }

    private void appendedAddress() throws LinkException {
        CardFixture held;
        synchronized (lock) {
            held = state == CardState.READ_DONE || state == CardState.SELECTED ? card : null;
        }
        if (held == null) {
            reply(Sw3.READ_FAILED.code(), new byte[0]);
        } else if (held.appendedAddress().isEmpty()) {
            reply(Sw3.NO_CONTENT.code(), new byte[0]);
        } else {
            reply(Sw3.OK.code(), AppendedAddress.encode(held.appendedAddress().get()));
        }
    }

    /** 30 05 "MID": 8 bytes derived from the fixture name (the real content is unknown [U]). */
    private void mid() throws LinkException {
        CardFixture held;
        synchronized (lock) {
            held = state == CardState.READ_DONE || state == CardState.SELECTED ? card : null;
        }
        if (held == null) {
            reply(Sw3.READ_FAILED.code(), new byte[0]);
            return;
        }
        long h = held.name().hashCode() * 0x9E3779B97F4A7C15L;
        byte[] mid = new byte[8];
        for (int i = 0; i < 8; i++) {
            mid[i] = (byte) (h >>> (8 * i));
        }
        reply(Sw3.OK.code(), mid);
    }

    private void setBaud(int code, int dataLength) throws LinkException {
        OptionalInt baud = options.baudCodes().baudFor(code);
        if (dataLength != 0 || baud.isEmpty()) {
            reply(Sw3.COMMAND_ERROR.code(), new byte[0]);
            return;
        }
        // the module answers at the old rate, then switches
        reply(Sw3.OK.code(), new byte[0]);
        paced = new PacedLink(wire, paced.settings().withBaud(baud.getAsInt()));
        log.info("simulator: now at {}", paced.settings());
    }

    private void reply(int sw3, byte[] data) throws LinkException {
        byte[] frame = SamCodec.encode(SamReply.of(sw3, data));
        byte[] noise = new byte[0];
        synchronized (lock) {
            if (corruptNextChecksum) {
                corruptNextChecksum = false;
                frame[frame.length - 1] ^= 0x5A;
            }
            if (garbageBeforeNextReply) {
                garbageBeforeNextReply = false;
                noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                for (int i = 0; i < noise.length; i++) {
                    if (noise[i] == (byte) 0xAA) {
                        noise[i] = 0x55;
                    }
                }
            }
        }
        byte[] out = new byte[noise.length + frame.length];
        System.arraycopy(noise, 0, out, 0, noise.length);
        System.arraycopy(frame, 0, out, noise.length, frame.length);
        paced.write(out);
        repliesSent.incrementAndGet();
    }

    private Duration between(Duration min, Duration max) {
        long span = max.toNanos() - min.toNanos();
        synchronized (lock) {
            return min.plusNanos(span == 0 ? 0 : (long) (random.nextDouble() * span));
        }
    }

    /** The module's own RF time: a simulated delay, not a wait for anything. */
    private void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
