package org.bianmin.kiosk.devices;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.bianmin.device.link.Hex;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.TracingLink;
import org.bianmin.device.link.TracingLink.Direction;

/**
 * The last frames that crossed one device's serial link, for the technician's hex trace, recorded from a
 * {@link TracingLink}'s live chunks with personal data withheld as it arrives, so it is never stored: the ID card
 * reader's replies to a read keep their preamble, length, status words and data-length fields while the text block,
 * photo, fingerprints and address are only counted; a scanned code keeps its first bytes; a receipt keeps its first
 * bytes of each write.
 */
public final class LinkTrace implements Consumer<TracingLink.Chunk> {
    /** Lines kept per device. */
    public static final int CAPACITY = 200;
    /** Bytes of a scanned code shown: the kind of code (its prefix), never enough to identify anyone. */
    static final int CODE_SHOWN = 4;
    /** Bytes of each write to the receipt printer shown: commands and the start of the text. */
    static final int RECEIPT_SHOWN = 48;

    /**
     * One chunk or frame as the technician sees it.
     *
     * @param shown        the bytes shown; personal data never among them
     * @param withheld     bytes left out
     * @param withheldWhat what they were, e.g. "text 256 B, photo 1024 B"; empty when none were
     */
    public record Line(Instant at, Direction direction, byte[] shown, int withheld, String withheldWhat) {
        public Line {
            shown = shown.clone();
        }

        @Override
        public byte[] shown() {
            return shown.clone();
        }

        public String hex() {
            return Hex.of(shown);
        }

        @Override
        public String toString() {
            return at + " " + (direction == Direction.TX ? "host→dev" : "dev→host") + " " + hex()
                    + (withheld > 0 ? " [" + withheld + " B withheld: " + withheldWhat + "]" : "");
        }
    }

    private final Deque<Line> lines = new ArrayDeque<>();
    private final Consumer<TracingLink.Chunk> redaction;

    private LinkTrace(String device) {
        this.redaction = switch (device) {
            case "id-card" -> new SamRedaction(this::add);
            case "qr-scanner" -> new CodeRedaction(this::add);
            case "receipt-printer" -> new ReceiptRedaction(this::add);
            default -> c -> add(new Line(c.at(), c.direction(), c.data(), 0, ""));
        };
    }

    /** A trace for the device of this name, with the withholding its protocol needs. */
    public static LinkTrace forDevice(String device) {
        return new LinkTrace(device);
    }

    /** Wraps {@code link} so that what crosses it is recorded here; the tracing link itself keeps nothing. */
    public TracingLink tap(SerialLink link) {
        return new TracingLink(link, 0, this);
    }

    @Override
    public void accept(TracingLink.Chunk chunk) {
        synchronized (lines) {
            redaction.accept(chunk);
        }
    }

    private void add(Line line) {
        lines.addLast(line);
        while (lines.size() > CAPACITY) {
            lines.removeFirst();
        }
    }

    /** The lines recorded, oldest first. */
    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * SAM_V frames (PROTOCOLS.md §1): requests as sent; replies reassembled byte by byte without buffering their data.
     * A reply to a read ({@code 30 xx}) shows only its data-length fields; its text, photo, fingerprint and address
     * bytes are counted.
     */
    private static final class SamRedaction implements Consumer<TracingLink.Chunk> {
        private static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
        private final Consumer<Line> out;
        private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
        private final ByteArrayOutputStream noise = new ByteArrayOutputStream();
        private Instant at;
        private int matched;
        private int lengthBytes;
        private int length;
        private int body;
        private int withheld;
        /** The last request's command and parameter: which reply carries card data. */
        private int command;
        private int parameter;

        SamRedaction(Consumer<Line> out) {
            this.out = out;
        }

        @Override
        public void accept(TracingLink.Chunk c) {
            byte[] data = c.data();
            if (c.direction() == Direction.TX) {
                if (data.length >= 9 && startsWithPreamble(data)) {
                    command = data[7] & 0xFF;
                    parameter = data[8] & 0xFF;
                }
                out.accept(new Line(c.at(), Direction.TX, data, 0, ""));
                return;
            }
            for (byte b : data) {
                push(c.at(), b);
            }
            Arrays.fill(data, (byte) 0);
            flushNoise(c.at());
        }

        private static boolean startsWithPreamble(byte[] d) {
            for (int i = 0; i < PREAMBLE.length; i++) {
                if (d[i] != PREAMBLE[i]) {
                    return false;
                }
            }
            return true;
        }

        private void push(Instant when, byte b) {
            if (matched < PREAMBLE.length) {
                if (b == PREAMBLE[matched]) {
                    if (matched == 0) {
                        at = when;
                    }
                    matched++;
                    shown.write(b);
                    return;
                }
                // not a frame after all: what looked like a preamble is line noise, shown as it came
                noise.writeBytes(shown.toByteArray());
                shown.reset();
                matched = 0;
                if (b == PREAMBLE[0]) {
                    at = when;
                    matched = 1;
                    shown.write(b);
                } else {
                    noise.write(b);
                }
                return;
            }
            if (lengthBytes < 2) {
                length = (length << 8) | (b & 0xFF);
                lengthBytes++;
                shown.write(b);
                return;
            }
            // body: SW1 SW2 SW3, data (length - 4 bytes), checksum
            int index = body++;
            int dataIndex = index - 3;
            boolean isData = index >= 3 && index < length - 1;
            if (isData && readReply() && dataIndex >= lengthFields()) {
                withheld++;
            } else {
                shown.write(b);
            }
            if (body >= length) {
                endFrame();
            }
        }

        private boolean readReply() {
            return command == 0x30;
        }

        /** Data bytes at the start of a read reply that give the parts' lengths (text, photo, fingerprints). */
        private int lengthFields() {
            return switch (parameter) {
                case 0x01 -> 4;
                case 0x10 -> 6;
                default -> 0;
            };
        }

        private void endFrame() {
            flushNoise(at);
            byte[] frame = shown.toByteArray();
            out.accept(new Line(at, Direction.RX, frame, withheld, withheld == 0 ? "" : what(frame)));
            shown.reset();
            matched = 0;
            lengthBytes = 0;
            length = 0;
            body = 0;
            withheld = 0;
        }

        /** The withheld parts by the length fields shown (PROTOCOLS.md §1: text 256, photo 1024, fingerprints 0/512/1024). */
        private String what(byte[] frame) {
            int d = 10;
            if (parameter == 0x01 && frame.length >= d + 4) {
                return "text " + u16(frame, d) + " B, photo " + u16(frame, d + 2) + " B";
            }
            if (parameter == 0x10 && frame.length >= d + 6) {
                return "text " + u16(frame, d) + " B, photo " + u16(frame, d + 2) + " B, fingerprints " + u16(frame, d + 4) + " B";
            }
            if (parameter == 0x03) {
                return "appended address " + withheld + " B";
            }
            return "card data " + withheld + " B";
        }

        private static int u16(byte[] b, int i) {
            return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        }

        private void flushNoise(Instant when) {
            if (noise.size() > 0) {
                out.accept(new Line(when, Direction.RX, noise.toByteArray(), 0, ""));
                noise.reset();
            }
        }
    }

    /** Scanned codes: the first bytes of each code (up to its CR or LF) are shown, the rest counted. */
    private static final class CodeRedaction implements Consumer<TracingLink.Chunk> {
        private final Consumer<Line> out;
        private int shownOfCode;

        CodeRedaction(Consumer<Line> out) {
            this.out = out;
        }

        @Override
        public void accept(TracingLink.Chunk c) {
            byte[] data = c.data();
            if (c.direction() == Direction.TX) {
                out.accept(new Line(c.at(), Direction.TX, data, 0, ""));
                return;
            }
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            int withheld = 0;
            for (byte b : data) {
                boolean end = b == '\r' || b == '\n';
                if (end || shownOfCode < CODE_SHOWN) {
                    shown.write(b);
                    shownOfCode = end ? 0 : shownOfCode + 1;
                } else {
                    withheld++;
                }
            }
            Arrays.fill(data, (byte) 0);
            out.accept(new Line(c.at(), Direction.RX, shown.toByteArray(), withheld, withheld == 0 ? "" : "scanned code " + withheld + " B"));
        }
    }

    /** Writes to the receipt printer: the first bytes of each write are shown, the rest counted; status replies whole. */
    private static final class ReceiptRedaction implements Consumer<TracingLink.Chunk> {
        private final Consumer<Line> out;

        ReceiptRedaction(Consumer<Line> out) {
            this.out = out;
        }

        @Override
        public void accept(TracingLink.Chunk c) {
            byte[] data = c.data();
            if (c.direction() == Direction.RX || data.length <= RECEIPT_SHOWN) {
                out.accept(new Line(c.at(), c.direction(), data, 0, ""));
                return;
            }
            int withheld = data.length - RECEIPT_SHOWN;
            out.accept(new Line(c.at(), Direction.TX, Arrays.copyOf(data, RECEIPT_SHOWN), withheld,
                    "receipt " + withheld + " B"));
        }
    }
}
