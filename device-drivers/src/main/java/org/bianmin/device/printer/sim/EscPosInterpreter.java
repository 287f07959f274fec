package org.bianmin.device.printer.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bianmin.device.printer.Align;
import org.bianmin.device.printer.EscPos;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.QrErrorLevel;
import org.bianmin.device.printer.RasterImage;
import org.bianmin.device.printer.ReceiptText;

/**
 * The printer's side of ESC/POS as a streaming state machine: fed one byte at a time, it keeps the
 * print modes, collects what lands on the paper as {@link PaperItem}s, and hands real-time requests
 * ({@code DLE EOT n}, {@code DLE ENQ n}) and finished receipts to its {@link Host}. Like an Epson
 * printer it spots real-time requests as they arrive, even inside another command's data. Every
 * command the encoder emits is understood; other known commands are skipped by their length,
 * unknown ones by their first two bytes. No input makes it throw or allocate without bound.
 */
public final class EscPosInterpreter {
    /** Raster or QR data larger than this is skipped rather than stored. */
    private static final int MAX_STORED_DATA = 4 * 1024 * 1024;
    /** Tab stops every 8 columns, as after ESC @. */
    private static final int TAB = 8;

    /** How a receipt came to an end. */
    public enum Ending {
        /** GS V, ESC i or ESC m on a printer with a cutter. */
        CUT,
        /** ESC @ arrived after content. */
        INIT,
        /** Nothing arrived for a while: the receipt was torn off at the tear bar. */
        TORN,
        /** The paper ran out in the middle: the receipt is partial. */
        PAPER_OUT
    }

    /** The device around the interpreter: answers real-time requests and takes finished receipts. */
    public interface Host {
        void statusRequest(int n);

        void recoverRequest(int n);

        void receiptEnded(List<PaperItem> items, byte[] raw, Ending ending, boolean cut);
    }

    private enum Mode { TEXT, HEAD, DATA, UNTIL_NUL }

    private final PrinterProfile profile;
    private final Host host;

    private Mode mode = Mode.TEXT;
    private final byte[] head = new byte[16];
    private int headLen;
    private long dataLeft;
    private ByteArrayOutputStream data;
    private int untilNulLeft;

    private boolean printing = true;
    private boolean chinese = true;
    private Align align = Align.LEFT;
    private boolean bold;
    private int charWidth = 1;
    private int charHeight = 1;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int lineColumns;
    private int multiByteLeft;
    private final List<PaperItem> items = new ArrayList<>();
    private byte[] raw = new byte[1024];
    private int rawSize;

    private int previous2 = -1;
    private int previous1 = -1;
    private long accepted;
    private long realTimeBytes;
    private int qrModule = 3;
    private QrErrorLevel qrLevel = QrErrorLevel.L;
    private byte[] qrData;

    public EscPosInterpreter(PrinterProfile profile, Host host) {
        this.profile = profile;
        this.host = host;
    }

    /** When false (paper out, cover open, error) print data is parsed and dropped; real-time requests still work. */
    public void setPrinting(boolean on) {
        printing = on;
    }

    public boolean printing() {
        return printing;
    }

    /**
     * Bytes taken so far that belong to what is printed: every byte but those of real-time requests (DLE EOT n, DLE ENQ n),
     * including one still arriving. A driver's status poll leaves it unchanged.
     */
    public long contentBytes() {
        long pending = mode == Mode.HEAD && headLen > 0 && head[0] == EscPos.DLE ? headLen : 0;
        return accepted - realTimeBytes - pending;
    }

    /** True when something is on the paper that has not been cut or torn off yet. */
    public boolean hasContent() {
        return !items.isEmpty() || line.size() > 0;
    }

    /** Ends the current receipt (the paper ran out, or it was torn off); a half line is lost. */
    public void endReceipt(Ending ending) {
        line.reset();
        lineColumns = 0;
        multiByteLeft = 0;
        finish(ending, false);
    }

    public void accept(byte[] bytes, int off, int len) {
        for (int i = 0; i < len; i++) {
            accept(bytes[off + i] & 0xFF);
        }
    }

    public void accept(int b) {
        accepted++;
        realTime(b);
        if (rawSize < MAX_STORED_DATA) {
            if (rawSize == raw.length) {
                raw = Arrays.copyOf(raw, raw.length * 2);
            }
            raw[rawSize++] = (byte) b;
        }
        switch (mode) {
            case TEXT -> text(b);
            case HEAD -> {
                head[headLen++] = (byte) b;
                decideHead();
            }
            case DATA -> {
                if (data != null) {
                    data.write(b);
                }
                if (--dataLeft == 0) {
                    command();
                }
            }
            case UNTIL_NUL -> {
                if (b == 0 || --untilNulLeft == 0) {
                    mode = Mode.TEXT;
                }
            }
        }
    }

    private void realTime(int b) {
        if (previous2 == EscPos.DLE && previous1 == EscPos.EOT && b >= 1 && b <= 4) {
            host.statusRequest(b);
        } else if (previous2 == EscPos.DLE && previous1 == EscPos.ENQ && (b == 1 || b == 2)) {
            host.recoverRequest(b);
        }
        previous2 = previous1;
        previous1 = b;
    }

    private void text(int b) {
        if (multiByteLeft > 0) {
            // in Chinese mode a lead byte swallows what follows, control bytes included
            lineByte(b);
            if (multiByteLeft == 3 && (b < 0x30 || b > 0x39)) {
                multiByteLeft = 1;
            }
            multiByteLeft--;
            return;
        }
        switch (b) {
            case EscPos.DLE, EscPos.ESC, EscPos.FS, EscPos.GS -> {
                mode = Mode.HEAD;
                head[0] = (byte) b;
                headLen = 1;
            }
            case EscPos.LF -> printLine();
            case EscPos.HT -> {
                int spaces = TAB - (lineColumns / charWidth) % TAB;
                for (int i = 0; i < spaces; i++) {
                    character(new byte[] {' '}, 1);
                }
            }
            default -> {
                if (b < 0x20 || b == 0x7F) {
                    return;
                }
                if (chinese && b >= 0x81 && b <= 0xFE) {
                    // GB18030 lead byte: 2 bytes, or 4 when the second is an ASCII digit
                    if (!fits(2)) {
                        printLine();
                    }
                    lineByte(b);
                    lineColumns += 2 * charWidth;
                    multiByteLeft = 3;
                    return;
                }
                character(new byte[] {(byte) b}, 1);
            }
        }
    }

    private boolean fits(int columns) {
        return lineColumns + columns * charWidth <= profile.columns();
    }

    private void character(byte[] bytes, int columns) {
        if (!fits(columns)) {
            printLine();
        }
        for (byte x : bytes) {
            lineByte(x & 0xFF);
        }
        lineColumns += columns * charWidth;
    }

    private void lineByte(int b) {
        if (line.size() < 4096) {
            line.write(b);
        }
    }

    private void printLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        lineColumns = 0;
        multiByteLeft = 0;
        if (printing) {
            String s = chinese ? new String(bytes, ReceiptText.GB18030) : new String(bytes, StandardCharsets.ISO_8859_1);
            // a control byte swallowed into a broken double-byte character prints as a blank
            items.add(new PaperItem.TextLine(ReceiptText.sanitize(s), align, bold, charWidth, charHeight));
        }
    }

    private void flushPartialLine() {
        if (line.size() > 0) {
            printLine();
        }
    }

    private int h(int i) {
        return head[i] & 0xFF;
    }

    private void decideHead() {
        int first = h(0);
        if (headLen < 2) {
            return;
        }
        int c = h(1);
        switch (first) {
            case EscPos.DLE -> dle(c);
            case EscPos.ESC -> esc(c);
            case EscPos.FS -> fs(c);
            case EscPos.GS -> gs(c);
            default -> mode = Mode.TEXT;
        }
    }

    private void needs(int total) {
        if (headLen >= total) {
            command();
        }
    }

    private void thenData(int headerLength, long length) {
        if (headLen < headerLength) {
            return;
        }
        if (length <= 0) {
            command();
            return;
        }
        dataLeft = length;
        data = length <= MAX_STORED_DATA ? new ByteArrayOutputStream((int) Math.min(length, 65_536)) : null;
        mode = Mode.DATA;
    }

    private void dle(int c) {
        if (c == EscPos.EOT || c == EscPos.ENQ) {
            needs(3);
        } else if (c == 0x14) {
            needs(5); // DLE DC4 fn m t: real-time pulse / power-off / clear buffer
        } else {
            // DLE alone means nothing: drop it and read c afresh
            mode = Mode.TEXT;
            headLen = 0;
            text(c);
        }
    }

    private void esc(int c) {
        switch (c) {
            case '@', '2', 'i', 'm', '<', 'L', 'S', 'F' -> command();
            case 'a', 'E', '!', '-', 't', 'd', 'J', '3', 'M', 'G', 'R', 'r', '{', 'U', 'V', ' ', 'e', '=', '?', '%', 'T', 'K', 'c' -> {
                if (c == 'c') {
                    needs(4); // ESC c 3 n / ESC c 4 n / ESC c 5 n
                } else {
                    needs(3);
                }
            }
            case '$', '\\' -> needs(4);
            case 'p' -> needs(5);
            case 'W' -> needs(10);
            case 'D', 'B' -> {
                mode = Mode.UNTIL_NUL; // tab positions / beeper list end with NUL
                untilNulLeft = 64;
            }
            case '*' -> {
                // ESC * m nL nH d…: 8-dot modes take 1 byte per column, 24-dot modes 3
                if (headLen >= 5) {
                    int m = h(2);
                    long cols = h(3) + 256L * h(4);
                    thenData(5, cols * (m == 32 || m == 33 ? 3 : 1));
                }
            }
            default -> command();
        }
    }

    private void fs(int c) {
        switch (c) {
            case '&', '.' -> command();
            case '!', '-', 'W', 'C' -> needs(3);
            case 'S', 'p' -> needs(4);
            default -> command();
        }
    }

    private void gs(int c) {
        switch (c) {
            case '!', 'B', 'a', 'r', 'H', 'f', 'h', 'w', 'E', 'I', 'b', '/', 'Z' -> needs(3);
            case 'L', 'W', '$', '\\', 'P' -> needs(4);
            case 'V' -> {
                if (headLen >= 3) {
                    int m = h(2);
                    if (m == 0x41 || m == 0x42 || (m >= 97 && m <= 104)) {
                        needs(4);
                    } else {
                        command();
                    }
                }
            }
            case 'v' -> {
                // GS v 0 m xL xH yL yH d1…dk, k = x·y
                if (headLen >= 8) {
                    thenData(8, (long) (h(4) + 256 * h(5)) * (h(6) + 256 * h(7)));
                }
            }
            case '(' -> {
                // GS ( fn pL pH d1…dk
                if (headLen >= 5) {
                    thenData(5, h(3) + 256L * h(4));
                }
            }
            case 'k' -> {
                // GS k m: m 0..6 data ends with NUL; m 65..73 is followed by n and n bytes
                if (headLen >= 3 && h(2) <= 6) {
                    mode = Mode.UNTIL_NUL;
                    untilNulLeft = 256;
                } else if (headLen >= 4) {
                    thenData(4, h(3));
                }
            }
            default -> command();
        }
    }

    private void command() {
        byte[] payload = data == null ? new byte[0] : data.toByteArray();
        int len = headLen;
        mode = Mode.TEXT;
        headLen = 0;
        data = null;
        dataLeft = 0;
        execute(len, payload);
    }

    private void execute(int len, byte[] payload) {
        int first = h(0);
        int c = h(1);
        if (first == EscPos.DLE) {
            // real-time requests were answered on arrival and are not part of what is printed
            rawSize = Math.max(0, rawSize - len);
            realTimeBytes += len;
            return;
        }
        int n = len >= 3 ? h(2) : 0;
        if (first == EscPos.ESC) {
            switch (c) {
                case '@' -> initialise();
                case 'a' -> Align.ofEscPos(n).ifPresent(a -> align = a);
                case 'E' -> bold = (n & 1) != 0;
                case '!' -> {
                    bold = (n & 0x08) != 0;
                    charHeight = (n & 0x10) != 0 ? 2 : 1;
                    charWidth = (n & 0x20) != 0 ? 2 : 1;
                }
                case 'd' -> feedLines(n);
                case 'J' -> {
                    flushPartialLine();
                    if (printing && n > 0) {
                        items.add(new PaperItem.Feed(n));
                    }
                }
                case 'i', 'm' -> cut();
                default -> {
                    // known to exist, no effect on the simulated paper
                }
            }
            return;
        }
        if (first == EscPos.FS) {
            switch (c) {
                case '&' -> chinese = true;
                case '.' -> chinese = false;
                case '!' -> {
                    // bit2 double width, bit3 double height; bit7 underline is not drawn
                    charWidth = (n & 0x04) != 0 ? 2 : 1;
                    charHeight = (n & 0x08) != 0 ? 2 : 1;
                }
                default -> {
                    // Chinese underline, spacing, code system: no effect here
                }
            }
            return;
        }
        if (first == EscPos.GS) {
            switch (c) {
                case '!' -> {
                    // high nibble width − 1, low nibble height − 1; the simulator draws 1× or 2×
                    charWidth = ((n >> 4) & 0x07) >= 1 ? 2 : 1;
                    charHeight = (n & 0x07) >= 1 ? 2 : 1;
                }
                case 'V' -> cut();
                case 'v' -> raster(payload);
                case '(' -> {
                    if (h(2) == 'k') {
                        qr(payload);
                    }
                }
                default -> {
                    // barcodes, margins, ASB and the like: skipped
                }
            }
        }
    }

    private void initialise() {
        if (hasContent() && printing) {
            flushPartialLine();
            // ESC @ belongs to the next receipt
            rawSize = Math.max(0, rawSize - 2);
            finish(Ending.INIT, false);
            raw[rawSize++] = EscPos.ESC;
            raw[rawSize++] = '@';
        }
        line.reset();
        lineColumns = 0;
        multiByteLeft = 0;
        align = Align.LEFT;
        bold = false;
        charWidth = 1;
        charHeight = 1;
        qrModule = 3;
        qrLevel = QrErrorLevel.L;
        qrData = null;
    }

    private void feedLines(int n) {
        flushPartialLine();
        if (!printing) {
            return;
        }
        for (int i = 0; i < n; i++) {
            items.add(new PaperItem.TextLine("", align, false, 1, 1));
        }
    }

    private void cut() {
        if (!profile.hasCutter()) {
            return; // a tear-bar printer ignores GS V
        }
        flushPartialLine();
        if (printing) {
            finish(Ending.CUT, true);
        }
    }

    private void raster(byte[] payload) {
        int x = h(4) + 256 * h(5);
        int y = h(6) + 256 * h(7);
        flushPartialLine();
        if (!printing || x == 0 || y == 0 || payload.length != (long) x * y) {
            return;
        }
        RasterImage band = RasterImage.ofBytes(x, y, payload);
        if (!items.isEmpty() && items.getLast() instanceof PaperItem.Raster r && r.align() == align
                && r.image().bytesPerRow() == x && r.image().height() + y <= 65_535) {
            // consecutive bands of one image join up again
            byte[] joined = new byte[r.image().bytesPerRow() * r.image().height() + payload.length];
            byte[] before = r.image().rows(0, r.image().height());
            System.arraycopy(before, 0, joined, 0, before.length);
            System.arraycopy(payload, 0, joined, before.length, payload.length);
            items.set(items.size() - 1, new PaperItem.Raster(RasterImage.ofBytes(x, r.image().height() + y, joined), align));
        } else {
            items.add(new PaperItem.Raster(band, align));
        }
    }

    private void qr(byte[] payload) {
        // payload = cn fn parameters…; cn 0x31 is QR
        if (payload.length < 2 || (payload[0] & 0xFF) != 0x31) {
            return;
        }
        int fn = payload[1] & 0xFF;
        switch (fn) {
            case 0x43 -> {
                if (payload.length >= 3 && (payload[2] & 0xFF) >= 1 && (payload[2] & 0xFF) <= 16) {
                    qrModule = payload[2] & 0xFF;
                }
            }
            case 0x45 -> {
                if (payload.length >= 3) {
                    QrErrorLevel.ofEscPos(payload[2] & 0xFF).ifPresent(l -> qrLevel = l);
                }
            }
            case 0x50 -> {
                if (payload.length >= 3) {
                    qrData = Arrays.copyOfRange(payload, 3, payload.length);
                }
            }
            case 0x51 -> {
                flushPartialLine();
                if (printing && qrData != null && qrData.length > 0) {
                    items.add(new PaperItem.QrCode(new String(qrData, StandardCharsets.UTF_8), qrData, qrModule, qrLevel, align));
                }
            }
            default -> {
                // fn 65 model and the rest do not change what is drawn
            }
        }
    }

    private void finish(Ending ending, boolean cut) {
        List<PaperItem> done = List.copyOf(items);
        byte[] bytes = Arrays.copyOf(raw, rawSize);
        items.clear();
        rawSize = 0;
        if (!done.isEmpty() || cut) {
            host.receiptEnded(done, bytes, ending, cut);
        }
    }
}
