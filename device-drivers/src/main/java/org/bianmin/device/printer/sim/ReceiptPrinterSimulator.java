package org.bianmin.device.printer.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bianmin.device.Statistics;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.PacedLink;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.PrinterProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated ESC/POS receipt printer: the device end of the protocol over any {@link SerialLink}
 * ({@link TcpListeningLink} makes it a network printer on a TCP port), answering {@code DLE EOT n} from its state at the configured baud rate and printing what it is
 * sent into {@link PrintedReceipt}s (text and PNG, optionally written as {@code receipt-NNN.txt/.png}).
 * Named hooks put it into the states a technician meets: paper near end or out, cover open, cutter
 * jam, line noise, a stall for a while or a hang that lasts until its power is cycled. While it cannot
 * print (paper out, cover open, cutter error) it drops print data — it does not buffer it to print
 * later — and still answers status requests. Unpowered ({@link #powerOff()}) it answers nothing and
 * loses what it is sent; powered again it boots afresh, keeping the paper roll and the cover as they are.
 */
public final class ReceiptPrinterSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReceiptPrinterSimulator.class);

    public static final String RECEIPTS = "receipts";
    public static final String CUTS = "cuts";
    public static final String BYTES = "bytes";
    /** Bytes that reached it unpowered, or were held in a stall when power went: lost. */
    public static final String BYTES_LOST = "bytes-lost";

    /** Line noise: none of these is a status byte (0xx1xx10); 0x11 and 0x13 are XON/XOFF. */
    private static final byte[] NOISE = {(byte) 0xFF, 0x00, (byte) 0xA5, 0x11, 0x55, 0x13, (byte) 0x80, (byte) 0xC3};
    private static final Duration READ_POLL = Duration.ofMillis(20);
    private static final Pattern RECEIPT_FILE = Pattern.compile("receipt-(\\d+)\\.txt");
    /** Receipts kept in memory unless told otherwise: each holds its PNG, so a simulator that runs for days must forget. */
    public static final int DEFAULT_KEPT_RECEIPTS = 100;

    private final SerialLink link;
    private final SerialSettings settings;
    private final PrinterProfile profile;
    private volatile EscPosInterpreter interpreter;
    private final Statistics statistics = Statistics.inMemory();
    private final List<PrintedReceipt> receipts = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private Optional<Path> outputDir = Optional.empty();
    private Duration tearOffAfter = Duration.ofMillis(500);
    private volatile int keptReceipts = DEFAULT_KEPT_RECEIPTS;
    private Path fontFile = ReceiptRenderer.DEFAULT_FONT;
    private ReceiptRenderer renderer;
    private ExecutorService rendering;
    private Thread thread;
    private volatile boolean running;
    private volatile long stalledUntil = System.nanoTime();
    /** Hung until its power is cycled (or {@link #unstall()}). */
    private volatile boolean hung;
    private volatile boolean powered = true;
    /** Raised by each power change: bytes held through a stall are lost if power went meanwhile. */
    private volatile long powerChanges;
    private int nextNumber;

    private boolean paperNearEnd;
    private boolean paperOut;
    private boolean coverOpen;
    private boolean cutterError;
    private long paperLeftBytes = -1;
    private int noisyReplies;

    /** The simulator on the device end of {@code link}; its replies are paced at {@code settings}' baud rate. */
    public ReceiptPrinterSimulator(SerialLink link, SerialSettings settings, PrinterProfile profile) {
        this.link = new PacedLink(link, settings);
        this.settings = settings;
        this.profile = profile;
        this.interpreter = new EscPosInterpreter(profile, new Host());
    }

    /** Writes each receipt as receipt-NNN.txt and receipt-NNN.png into {@code dir}, numbering on from files already there. */
    public ReceiptPrinterSimulator writeReceiptsTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        int highest = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = RECEIPT_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                }
            }
        }
        synchronized (lock) {
            nextNumber = highest;
        }
        outputDir = Optional.of(dir);
        return this;
    }

    /** A receipt nobody cut is torn off after this much silence (a tear-bar printer never sees a cut). */
    public ReceiptPrinterSimulator tearOffAfter(Duration idle) {
        if (idle == null || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("tear-off time must be more than zero, e.g. 500 ms");
        }
        this.tearOffAfter = idle;
        return this;
    }

    /** Keeps only the last {@code n} receipts in memory ({@link #DEFAULT_KEPT_RECEIPTS} unless told); files written stay. */
    public ReceiptPrinterSimulator keepLast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("receipts kept must be at least 1, e.g. " + DEFAULT_KEPT_RECEIPTS);
        }
        this.keptReceipts = n;
        return this;
    }

    /** Draws Chinese text with another font collection instead of WenQuanYi Zen Hei. */
    public ReceiptPrinterSimulator font(Path file) {
        this.fontFile = file;
        return this;
    }

    public PrinterProfile profile() {
        return profile;
    }

    /** Starts answering on its own thread; loads the font first, so the first receipt is not slow. */
    public ReceiptPrinterSimulator start() {
        if (running) {
            return this;
        }
        renderer = new ReceiptRenderer(profile, fontFile);
        rendering = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sim-printer-render").factory());
        running = true;
        thread = Thread.ofPlatform().daemon().name("sim-printer " + link.name()).start(this::run);
        if (settings.flowControl() == SerialSettings.FlowControl.XON_XOFF) {
            send(new byte[] {EscPos.XON});
        }
        log.info("receipt printer simulator on {} ({}, {})", link.name(), settings, profile.summary());
        return this;
    }

    /** Why Chinese text in the PNGs is not drawn properly, if it is not (the font is missing). */
    public Optional<String> fontProblem() {
        return renderer == null ? Optional.empty() : renderer.fontProblem();
    }

    private void run() {
        byte[] buf = new byte[4096];
        long lastByteAt = System.nanoTime();
        long lastContent = -1;
        while (running) {
            int n;
            try {
                n = link.read(buf, 0, buf.length, READ_POLL);
            } catch (LinkException e) {
                if (running) {
                    log.info("receipt printer simulator on {} stops: {}", link.name(), e.getMessage());
                }
                break;
            }
            long powerSeen = powerChanges;
            if (waitOutStall()) {
                lastByteAt = System.nanoTime();
            }
            if (!powered || powerSeen != powerChanges) {
                // an unpowered printer hears nothing; what it had not handled when power went is gone
                statistics.add(BYTES_LOST, Math.max(n, 0));
                continue;
            }
            if (n > 0) {
                statistics.add(BYTES, n);
                synchronized (lock) {
                    for (int i = 0; i < n; i++) {
                        consume(buf[i] & 0xFF);
                    }
                    // a status poll moves no paper: a tear-bar receipt is torn off after silence all the same
                    if (interpreter.contentBytes() != lastContent) {
                        lastContent = interpreter.contentBytes();
                        lastByteAt = System.nanoTime();
                    }
                }
            } else if (System.nanoTime() - lastByteAt > tearOffAfter.toNanos()) {
                synchronized (lock) {
                    if (interpreter.hasContent()) {
                        interpreter.endReceipt(EscPosInterpreter.Ending.TORN);
                    }
                }
            }
        }
    }

    /** Holds what arrived until a stall is over or power goes; true if there was one. */
    private boolean waitOutStall() {
        boolean stalled = false;
        while (running && powered) {
            long left = hung ? READ_POLL.toNanos() : stalledUntil - System.nanoTime();
            if (left <= 0) {
                break;
            }
            stalled = true;
            LockSupport.parkNanos(Math.min(left, READ_POLL.toNanos()));
        }
        return stalled;
    }

    private void consume(int b) {
        try {
            interpreter.accept(b);
        } catch (RuntimeException e) {
            // a simulator bug must not end the simulation; the byte is lost
            log.error("receipt printer simulator could not take byte 0x{}", Integer.toHexString(b), e);
        }
        if (paperLeftBytes > 0 && --paperLeftBytes == 0) {
            paperLeftBytes = -1;
            runOutOfPaper();
        }
    }

    private void runOutOfPaper() {
        paperOut = true;
        paperNearEnd = true;
        if (interpreter.hasContent()) {
            interpreter.endReceipt(EscPosInterpreter.Ending.PAPER_OUT);
        }
        updatePrinting();
    }

    private void updatePrinting() {
        boolean wasOnline = interpreter.printing();
        boolean online = !(paperOut || coverOpen || cutterError);
        interpreter.setPrinting(online);
        if (online && !wasOnline && settings.flowControl() == SerialSettings.FlowControl.XON_XOFF) {
            send(new byte[] {EscPos.XON});
        }
    }

    /** DLE EOT 1..4 as the printer would answer now. */
    public byte[] statusBytes() {
        synchronized (lock) {
            boolean offline = paperOut || coverOpen || cutterError;
            int printer = 0x12 | (offline ? 0x08 : 0) | (cutterError ? 0x20 : 0);
            int offlineCause = 0x12 | (coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0) | (cutterError ? 0x40 : 0);
            int errorCause = 0x12 | (cutterError ? 0x08 : 0);
            int paper = 0x12 | (paperNearEnd || paperOut ? 0x0C : 0) | (paperOut ? 0x60 : 0);
            return new byte[] {(byte) printer, (byte) offlineCause, (byte) errorCause, (byte) paper};
        }
    }

    private void send(byte[] bytes) {
        try {
            link.write(bytes);
        } catch (LinkException e) {
            log.warn("receipt printer simulator could not answer on {}: {}", link.name(), e.getMessage());
        }
    }

    /** The near-end sensor sees little paper left; printing goes on. */
    public void paperNearEnd() {
        synchronized (lock) {
            paperNearEnd = true;
        }
    }

    /** The paper runs out now; a receipt being printed ends there, partial. */
    public void paperOut() {
        synchronized (lock) {
            runOutOfPaper();
        }
    }

    /** The paper runs out after this many more bytes arrive: mid-job, if a job is coming. */
    public void paperOutAfter(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("paperOutAfter needs at least 1 byte; use paperOut() to run out now");
        }
        synchronized (lock) {
            paperLeftBytes = bytes;
        }
    }

    /** A fresh roll: paper present, not near its end. */
    public void loadPaper() {
        synchronized (lock) {
            paperOut = false;
            paperNearEnd = false;
            paperLeftBytes = -1;
            updatePrinting();
        }
    }

    public void openCover() {
        synchronized (lock) {
            coverOpen = true;
            updatePrinting();
        }
    }

    public void closeCover() {
        synchronized (lock) {
            coverOpen = false;
            updatePrinting();
        }
    }

    /** The autocutter jams: offline with an autocutter error until DLE ENQ 1 or 2 recovers it. */
    public void cutterJam() {
        synchronized (lock) {
            cutterError = true;
            updatePrinting();
        }
    }

    /** Line noise now, and noise instead of the reply to the next status request. */
    public void garbage() {
        synchronized (lock) {
            noisyReplies = 1;
        }
        send(NOISE);
    }

    /** Stops reading and answering for this long; what arrives meanwhile is handled afterwards. */
    public void stall(Duration d) {
        stalledUntil = System.nanoTime() + d.toNanos();
    }

    /** Hangs: answers nothing, not even status requests, until its power is cycled or {@link #unstall()}. */
    public void stall() {
        hung = true;
        log.info("receipt printer simulator on {} hangs until its power is cycled", link.name());
    }

    /** Ends a stall as if the printer came back by itself; what arrived meanwhile is handled now. */
    public void unstall() {
        hung = false;
        stalledUntil = System.nanoTime();
    }

    /** Whether it is hung or stalled now. */
    public boolean stalled() {
        return hung || stalledUntil - System.nanoTime() > 0;
    }

    /**
     * Power is cut: it answers nothing and what it is sent is lost; a receipt being printed ends where the
     * paper is. Paper and cover stay as they are.
     */
    public void powerOff() {
        synchronized (lock) {
            if (!powered) {
                return;
            }
            powered = false;
            powerChanges++;
            if (interpreter.hasContent()) {
                interpreter.endReceipt(EscPosInterpreter.Ending.TORN);
            }
        }
        log.info("receipt printer simulator on {}: power off", link.name());
    }

    /**
     * Power is back: it boots as a printer does, with no stall, no half-read command and default modes, and the
     * paper roll and cover as they were.
     */
    public void powerOn() {
        synchronized (lock) {
            if (powered) {
                return;
            }
            hung = false;
            stalledUntil = System.nanoTime();
            noisyReplies = 0;
            interpreter = new EscPosInterpreter(profile, new Host());
            powerChanges++;
            powered = true;
            updatePrinting();
        }
        if (settings.flowControl() == SerialSettings.FlowControl.XON_XOFF) {
            send(new byte[] {EscPos.XON});
        }
        log.info("receipt printer simulator on {}: power on", link.name());
    }

    public boolean powered() {
        return powered;
    }

    /** The receipts printed so far, oldest first: the last {@link #keepLast} of them. */
    public List<PrintedReceipt> receipts() {
        return List.copyOf(receipts);
    }

    /** Counters: receipts, cuts, bytes received, bytes lost to a power cut. */
    public Statistics statistics() {
        return statistics;
    }

    /** Stops the simulator, finishes rendering receipts, and closes its link end. */
    @Override
    public void close() {
        running = false;
        stalledUntil = System.nanoTime();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rendering != null) {
            rendering.shutdown();
            try {
                rendering.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
    }

    private void printed(List<PaperItem> items, byte[] raw, EscPosInterpreter.Ending ending) {
        int number = ++nextNumber;
        statistics.increment(RECEIPTS);
        rendering.execute(() -> {
            String text = renderer.text(items);
            byte[] png = renderer.png(items, ending == EscPosInterpreter.Ending.CUT);
            PrintedReceipt r = new PrintedReceipt(number, text, png, raw, items, ending);
            outputDir.ifPresent(dir -> {
                String base = String.format("receipt-%03d", number);
                try {
                    Files.writeString(dir.resolve(base + ".txt"), text, StandardCharsets.UTF_8);
                    Files.write(dir.resolve(base + ".png"), png);
                } catch (IOException e) {
                    log.warn("receipt printer simulator could not write {} in {}: {}", base, dir, e.getMessage());
                }
            });
            receipts.add(r);
            while (receipts.size() > keptReceipts) {
                receipts.remove(0);
            }
            log.info("receipt printer simulator printed {}", r);
        });
    }

    /** The interpreter's view of the device; called on the simulator thread with the lock held. */
    private final class Host implements EscPosInterpreter.Host {
        @Override
        public void statusRequest(int n) {
            if (noisyReplies > 0) {
                noisyReplies--;
                send(new byte[] {NOISE[0]});
                return;
            }
            send(new byte[] {statusBytes()[n - 1]});
        }

        @Override
        public void recoverRequest(int n) {
            if (cutterError) {
                cutterError = false;
                updatePrinting();
            }
        }

        @Override
        public void receiptEnded(List<PaperItem> items, byte[] raw, EscPosInterpreter.Ending ending, boolean cut) {
            if (cut) {
                statistics.increment(CUTS);
            }
            if (!items.isEmpty()) {
                printed(items, raw, ending);
            }
        }
    }
}
