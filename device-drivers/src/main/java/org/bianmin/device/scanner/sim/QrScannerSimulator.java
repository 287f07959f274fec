package org.bianmin.device.scanner.sim;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.PacedLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.scanner.Gm65Codec;
import org.bianmin.device.scanner.NewlandCodec;
import org.bianmin.device.scanner.TriggerProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of a serial QR/barcode scanner: sends codes as {@code [prefix][AIM id][data][suffix][tail]}
 * in the configured charset, and answers Newland or GM65 host commands byte for byte.
 *
 * <p>Hooks: {@link #scan(String)} presents a code (sent at once in continuous/sense mode; in host-trigger
 * mode only while a trigger window is open, so a code presented before the trigger waits for it),
 * {@link #garbage()} puts line noise on the wire, {@link #stall(Duration)} stops answering commands for a
 * while. Writes are paced at the configured baud rate.
 */
public final class QrScannerSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QrScannerSimulator.class);
    /** Bytes per paced write: small, so a long code has no gaps a driver could take for its idle gap. */
    private static final int WRITE_CHUNK = 8;
    /** An unfinished command with no byte for this long is noise. */
    private static final long STALE_COMMAND_NANOS = Duration.ofMillis(500).toNanos();
    private static final int MAX_INPUT = 2048;

    /** What ends each code on the wire. */
    public enum Tail {
        NONE(new byte[0]), CR(new byte[] {0x0D}), LF(new byte[] {0x0A}), CRLF(new byte[] {0x0D, 0x0A}), TAB(new byte[] {0x09});

        private final byte[] bytes;

        Tail(byte[] bytes) {
            this.bytes = bytes;
        }

        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /**
     * How the simulated scanner behaves.
     *
     * @param protocol NONE = continuous/sense mode; NEWLAND or GM65 = host-trigger mode with that command set
     * @param serial line settings; writes are paced at this baud rate
     * @param tail what ends each code
     * @param prefix sent before each code ("" = none)
     * @param suffix sent after each code, before the tail ("" = none)
     * @param aimId AIM identifier sent before the data, e.g. "]Q1"; "" = AIM off
     * @param charset output encoding (GM65 factory default: GBK)
     * @param triggerWindow how long one trigger keeps the scanner reading (GM65 default 5 s)
     */
    public record Settings(TriggerProtocol protocol, SerialSettings serial, Tail tail, String prefix, String suffix,
                           String aimId, Charset charset, Duration triggerWindow) {
        public Settings {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(serial, "serial");
            Objects.requireNonNull(tail, "tail");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(suffix, "suffix");
            Objects.requireNonNull(aimId, "aimId");
            Objects.requireNonNull(charset, "charset");
            if (triggerWindow == null || triggerWindow.isNegative() || triggerWindow.isZero()) {
                throw new IllegalArgumentException("simulator trigger window must be positive, e.g. 5 s; got " + triggerWindow);
            }
        }

        /** 9600 8N1, CR tail, no prefix, suffix or AIM id, UTF-8, 5 s trigger window. */
        public static Settings of(TriggerProtocol protocol) {
            return new Settings(protocol, SerialSettings.of(9600), Tail.CR, "", "", "", StandardCharsets.UTF_8, Duration.ofSeconds(5));
        }

        /** A GM65 as it leaves the factory: 9600 8N1, no tail, GBK, command protocol on. */
        public static Settings gm65Factory() {
            return of(TriggerProtocol.GM65).withTail(Tail.NONE).withCharset(Charset.forName("GBK"));
        }

        public Settings withProtocol(TriggerProtocol p) {
            return new Settings(p, serial, tail, prefix, suffix, aimId, charset, triggerWindow);
        }

        public Settings withSerial(SerialSettings s) {
            return new Settings(protocol, s, tail, prefix, suffix, aimId, charset, triggerWindow);
        }

        public Settings withTail(Tail t) {
            return new Settings(protocol, serial, t, prefix, suffix, aimId, charset, triggerWindow);
        }

        public Settings withPrefix(String p) {
            return new Settings(protocol, serial, tail, p, suffix, aimId, charset, triggerWindow);
        }

        public Settings withSuffix(String s) {
            return new Settings(protocol, serial, tail, prefix, s, aimId, charset, triggerWindow);
        }

        /** AIM on with the given identifier, e.g. "]Q1"; "" switches it off. */
        public Settings withAimId(String id) {
            return new Settings(protocol, serial, tail, prefix, suffix, id, charset, triggerWindow);
        }

        public Settings withCharset(Charset cs) {
            return new Settings(protocol, serial, tail, prefix, suffix, aimId, cs, triggerWindow);
        }

        public Settings withTriggerWindow(Duration d) {
            return new Settings(protocol, serial, tail, prefix, suffix, aimId, charset, d);
        }
    }

    private final SerialLink link;
    private final Settings settings;
    private final Object writeLock = new Object();
    private final Object scanLock = new Object();
    private final Deque<String> presented = new ArrayDeque<>();
    private final Random noise = new Random(0x5CA77E5L);
    private final byte[] zones = new byte[0x10000];
    private final Map<String, String> newlandValues = new HashMap<>();
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong codesSent = new AtomicLong();
    private final AtomicLong repliesSent = new AtomicLong();
    private final AtomicLong junkBytes = new AtomicLong();
    private volatile boolean hostTrigger;
    private volatile long stalledUntil = System.nanoTime();
    private volatile Duration triggerWindow;
    private volatile boolean running;
    private volatile boolean powered = true;
    private boolean windowOpen;
    private long windowUntil;
    private Thread thread;

    /** A simulator on the device end of a link; it owns the link and closes it in {@link #close()}. */
    public QrScannerSimulator(SerialLink deviceEnd, Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.link = new PacedLink(Objects.requireNonNull(deviceEnd, "deviceEnd"), settings.serial());
        this.hostTrigger = settings.protocol().hasCommandChannel();
        this.triggerWindow = settings.triggerWindow();
        // GM65 zones: 0x0000 bits 1-0 mode (01 command, 10 continuous); 0x000D bits 3-2 encoding (00 GBK, 01 Unicode)
        zones[Gm65Codec.ZONE_MODE] = (byte) (hostTrigger ? 0x01 : 0x02);
        zones[0x000D] = (byte) (settings.charset().name().startsWith("GB") ? 0x00 : 0x04);
        // 0x002A/0x002B = 39 01 is 9600 baud, the one documented value
        zones[Gm65Codec.ZONE_BAUD] = 0x39;
        zones[Gm65Codec.ZONE_BAUD + 1] = 0x01;
        newlandValues.put("SCNMOD", hostTrigger ? "0" : "2");
    }

    public Settings settings() {
        return settings;
    }

    /** Starts answering on its own thread; returns this. */
    public QrScannerSimulator start() {
        synchronized (scanLock) {
            if (thread != null) {
                return this;
            }
            running = true;
            thread = Thread.ofPlatform().daemon().name("qr-sim " + link.name()).start(this::run);
        }
        log.info("QR scanner simulator on {} ({}, {}, tail {})", link.name(), settings.protocol(), settings.serial(), settings.tail());
        return this;
    }

    /** The bytes the scanner sends for {@code text}: prefix, AIM id, data, suffix in the charset, then the tail. */
    public static byte[] wireBytes(String text, Settings s) {
        String whole = s.prefix() + s.aimId() + text + s.suffix();
        ByteBuffer encoded;
        try {
            encoded = s.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(whole));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the code cannot be encoded in " + s.charset().name()
                    + "; choose UTF-8 output or a code with characters " + s.charset().name() + " has", e);
        }
        byte[] tail = s.tail().bytes;
        byte[] out = new byte[encoded.remaining() + tail.length];
        encoded.get(out, 0, encoded.remaining());
        System.arraycopy(tail, 0, out, out.length - tail.length, tail.length);
        return out;
    }

    /**
     * A code is held in front of the scanner. In continuous or sense mode it is sent at once; in
     * host-trigger mode it is sent when a trigger window is open, else it waits for the next trigger.
     */
    public void scan(String text) throws LinkException {
        byte[] wire = wireBytes(text, settings);
        if (!powered) {
            log.info("QR scanner simulator is unpowered: the code held up is not read");
            return;
        }
        boolean now;
        synchronized (scanLock) {
            if (!hostTrigger) {
                now = true;
            } else if (windowOpen && System.nanoTime() - windowUntil < 0) {
                windowOpen = false;
                now = true;
            } else {
                presented.addLast(text);
                now = false;
            }
        }
        if (now) {
            sendCode(wire);
        } else {
            log.debug("code of {} chars presented; waiting for a host trigger", text.length());
        }
    }

    /** Line noise: 48 high bytes that are valid in no charset, with no terminator. */
    public void garbage() throws LinkException {
        byte[] junk = new byte[48];
        synchronized (noise) {
            for (int i = 0; i < junk.length; i++) {
                // 0xFF is no lead byte in UTF-8 or GB18030; 0x80..0xFE around it
                junk[i] = (byte) (i % 8 == 0 ? 0xFF : 0x80 + noise.nextInt(0x7F));
            }
        }
        garbage(junk);
    }

    /** Puts exactly these bytes on the wire. */
    public void garbage(byte[] junk) throws LinkException {
        send(junk);
        log.debug("sent {} bytes of noise", junk.length);
    }

    /** Answers no command for {@code d} (commands that arrive meanwhile are lost), as a hung scanner. */
    public void stall(Duration d) {
        stalledUntil = System.nanoTime() + d.toNanos();
        log.debug("stalled for {} ms", d.toMillis());
    }

    /** Power is cut: codes held up are not read and commands go unanswered. */
    public void powerOff() {
        powered = false;
        log.info("QR scanner simulator on {}: power off", link.name());
    }

    /** Power is back: no stall, no trigger window open and no code waiting; its settings stay as stored. */
    public void powerOn() {
        synchronized (scanLock) {
            stalledUntil = System.nanoTime();
            windowOpen = false;
            presented.clear();
            powered = true;
        }
        log.info("QR scanner simulator on {}: power on", link.name());
    }

    public boolean powered() {
        return powered;
    }

    /** Command frames received, answered or not. */
    public long framesReceived() {
        return framesReceived.get();
    }

    public long codesSent() {
        return codesSent.get();
    }

    public long repliesSent() {
        return repliesSent.get();
    }

    /** Received bytes that were no command. */
    public long junkBytesReceived() {
        return junkBytes.get();
    }

    /** Whether the scanner waits for a host trigger (false: continuous/sense mode). */
    public boolean hostTriggerMode() {
        return hostTrigger;
    }

    public boolean triggerWindowOpen() {
        synchronized (scanLock) {
            return windowOpen && System.nanoTime() - windowUntil < 0;
        }
    }

    /** Codes presented and waiting for a trigger. */
    public int presentedCount() {
        synchronized (scanLock) {
            return presented.size();
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (scanLock) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
    }

    private void run() {
        byte[] in = new byte[MAX_INPUT];
        byte[] chunk = new byte[256];
        int size = 0;
        long lastByte = System.nanoTime();
        while (running) {
            int n;
            try {
                n = link.read(chunk, 0, chunk.length, Duration.ofMillis(100));
            } catch (LinkException e) {
                if (running) {
                    // the host closing its end is the usual way a session ends
                    log.info("QR scanner simulator stops: {}", e.technicianLine());
                }
                return;
            }
            long now = System.nanoTime();
            if (n > 0) {
                lastByte = now;
                if (size + n > in.length) {
                    int drop = size + n - in.length;
                    junkBytes.addAndGet(drop);
                    System.arraycopy(in, drop, in, 0, size - drop);
                    size -= drop;
                }
                System.arraycopy(chunk, 0, in, size, n);
                size += n;
            }
            boolean stale = now - lastByte > STALE_COMMAND_NANOS;
            while (size > 0) {
                int len = commandLength(in, size);
                if (len == 0 && !stale) {
                    break;
                }
                int take = len > 0 ? len : 1;
                byte[] frame = Arrays.copyOf(in, take);
                System.arraycopy(in, take, in, 0, size - take);
                size -= take;
                if (len > 0) {
                    handleFrame(frame);
                } else {
                    junkBytes.incrementAndGet();
                }
            }
        }
    }

    private int commandLength(byte[] buf, int size) {
        return switch (settings.protocol()) {
            case NONE -> -1;
            case NEWLAND -> NewlandCodec.commandLength(buf, size);
            case GM65 -> Gm65Codec.commandLength(buf, size);
        };
    }

    private void handleFrame(byte[] frame) {
        framesReceived.incrementAndGet();
        if (!powered || System.nanoTime() - stalledUntil < 0) {
            log.debug("stalled: command {} is not answered", Hex.of(frame));
            return;
        }
        try {
            switch (settings.protocol()) {
                case NEWLAND -> newland(NewlandCodec.decodeCommand(frame));
                case GM65 -> gm65(Gm65Codec.decodeCommand(frame));
                case NONE -> junkBytes.addAndGet(frame.length);
            }
        } catch (LinkException e) {
            log.warn("QR scanner simulator cannot answer: {}", e.technicianLine());
        } catch (DeviceException e) {
            junkBytes.addAndGet(frame.length);
            log.debug("command ignored: {}", e.technicianLine());
        }
    }

    private void newland(NewlandCodec.Command c) throws LinkException {
        String body = c.body();
        if (body.length() < 6) {
            reply(NewlandCodec.encodeReply(new NewlandCodec.Reply(c.text(), NewlandCodec.ENQ)));
            return;
        }
        String key = body.substring(0, 6);
        String data = body.substring(6);
        if (c.isQuery()) {
            String value = newlandValues.get(key);
            int status = value == null ? NewlandCodec.ENQ : NewlandCodec.ACK;
            String echo = value == null ? c.text() : c.storage() + key + value;
            reply(NewlandCodec.encodeReply(new NewlandCodec.Reply(echo, status)));
            return;
        }
        boolean valid = switch (key) {
            case "SCNTRG", "GRBENA" -> data.equals("0") || data.equals("1");
            // 0 trigger mode, 2 sense mode: the two modes simulated
            case "SCNMOD" -> data.equals("0") || data.equals("2");
            case "ORTSET", "RRDDUR" -> data.matches("\\d{1,6}");
            default -> false;
        };
        boolean known = switch (key) {
            case "SCNTRG", "GRBENA", "SCNMOD", "ORTSET", "RRDDUR" -> true;
            default -> false;
        };
        int status = !known ? NewlandCodec.ENQ : valid ? NewlandCodec.ACK : NewlandCodec.NAK;
        reply(NewlandCodec.encodeReply(new NewlandCodec.Reply(c.text(), status)));
        if (status != NewlandCodec.ACK) {
            return;
        }
        newlandValues.put(key, data);
        switch (key) {
            case "SCNTRG" -> {
                if (data.equals("1")) {
                    trigger();
                } else {
                    endWindow();
                }
            }
            case "SCNMOD" -> setHostTrigger(data.equals("0"));
            case "ORTSET" -> triggerWindow = Duration.ofMillis(Math.max(1, Long.parseLong(data)));
            default -> log.debug("Newland setting {} = {} stored", key, data);
        }
    }

    private void gm65(Gm65Codec.Command c) throws LinkException {
        byte[] data = c.data();
        int address = c.address();
        switch (c.type()) {
            case Gm65Codec.READ_ZONE -> {
                int count = data.length == 0 ? 1 : Math.max(1, data[0] & 0xFF);
                int end = Math.min(zones.length, address + count);
                reply(Gm65Codec.encodeReply(new Gm65Codec.Reply(0, Arrays.copyOfRange(zones, address, end))));
            }
            case Gm65Codec.WRITE_ZONE -> {
                int end = Math.min(zones.length, address + data.length);
                System.arraycopy(data, 0, zones, address, end - address);
                reply(Gm65Codec.encodeReply(new Gm65Codec.Reply(0, new byte[] {0x00})));
                if (address <= Gm65Codec.ZONE_MODE && Gm65Codec.ZONE_MODE < end) {
                    int mode = zones[Gm65Codec.ZONE_MODE] & 0x03;
                    // 00 manual and 01 command both wait for a trigger; 10 continuous and 11 sense do not
                    setHostTrigger(mode <= 0x01);
                }
                if (address <= Gm65Codec.ZONE_TRIGGER && Gm65Codec.ZONE_TRIGGER < end) {
                    boolean start = (zones[Gm65Codec.ZONE_TRIGGER] & 0x01) != 0;
                    // the trigger flag clears itself once the session starts
                    zones[Gm65Codec.ZONE_TRIGGER] = 0;
                    if (start) {
                        trigger();
                    } else {
                        endWindow();
                    }
                }
            }
            case Gm65Codec.SAVE_ZONES -> reply(Gm65Codec.encodeReply(new Gm65Codec.Reply(0, new byte[] {0x00})));
            default -> {
                junkBytes.addAndGet(8 + data.length);
                log.debug("GM65 command type {} is not simulated; no answer", c.type());
            }
        }
    }

    private void trigger() throws LinkException {
        String code;
        synchronized (scanLock) {
            code = presented.pollFirst();
            windowOpen = code == null;
            windowUntil = System.nanoTime() + triggerWindow.toNanos();
        }
        if (code != null) {
            sendCode(wireBytes(code, settings));
        }
    }

    private void endWindow() {
        synchronized (scanLock) {
            windowOpen = false;
        }
    }

    private void setHostTrigger(boolean on) throws LinkException {
        hostTrigger = on;
        if (on) {
            return;
        }
        while (true) {
            String code;
            synchronized (scanLock) {
                code = presented.pollFirst();
            }
            if (code == null) {
                return;
            }
            sendCode(wireBytes(code, settings));
        }
    }

    private void reply(byte[] frame) throws LinkException {
        send(frame);
        repliesSent.incrementAndGet();
    }

    private void sendCode(byte[] wire) throws LinkException {
        send(wire);
        codesSent.incrementAndGet();
        log.debug("sent a code of {} bytes", wire.length);
    }

    private void send(byte[] bytes) throws LinkException {
        synchronized (writeLock) {
            for (int off = 0; off < bytes.length; off += WRITE_CHUNK) {
                link.write(bytes, off, Math.min(WRITE_CHUNK, bytes.length - off));
            }
        }
    }
}
