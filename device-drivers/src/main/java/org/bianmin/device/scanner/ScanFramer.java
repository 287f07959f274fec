package org.bianmin.device.scanner;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * Cuts the bytes a scanner sends into codes: a code ends at a terminator byte (CR, LF; CRLF gives one
 * code) or when the caller reports an idle gap; each frame is then decoded by {@link #decode}.
 *
 * <p>No I/O and no clock: the driver calls {@link #endOfBurst()} when no byte came for the idle gap.
 * A frame longer than {@link ScanFormat#maxCodeBytes()} is dropped as {@code BAD_LENGTH} and the rest
 * of it skipped up to the next terminator or gap, so garbage never grows memory.
 */
public final class ScanFramer {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ScanFormat format;
    private byte[] buf = new byte[256];
    private int size;
    private boolean skipping;

    public ScanFramer(ScanFormat format) {
        this.format = format;
    }

    public ScanFormat format() {
        return format;
    }

    /** Whether bytes of an unfinished code are waiting for a terminator or the idle gap. */
    public boolean hasPartial() {
        return size > 0 || skipping;
    }

    public List<ScanItem> accept(byte[] data, int offset, int length) {
        List<ScanItem> out = new ArrayList<>(1);
        for (int i = 0; i < length; i++) {
            accept(data[offset + i]).ifPresent(out::add);
        }
        return out;
    }

    public Optional<ScanItem> accept(byte b) {
        int v = b & 0xFF;
        if (format.isTerminator(v)) {
            if (skipping) {
                skipping = false;
                return Optional.empty();
            }
            return takeFrame();
        }
        if (skipping) {
            return Optional.empty();
        }
        if (size == format.maxCodeBytes()) {
            int dropped = size + 1;
            size = 0;
            skipping = true;
            return Optional.of(new ScanItem.Rejected(new DeviceException(DeviceError.BAD_LENGTH,
                    "scanner sent more than " + format.maxCodeBytes() + " bytes without a terminator; set the"
                            + " scanner's tail to CR or CRLF, or raise the maximum code length"), dropped));
        }
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(format.maxCodeBytes(), buf.length * 2));
        }
        buf[size++] = b;
        return Optional.empty();
    }

    /** The idle gap passed: whatever arrived since the last code is a code of its own. */
    public Optional<ScanItem> endOfBurst() {
        if (skipping) {
            skipping = false;
            return Optional.empty();
        }
        return takeFrame();
    }

    private Optional<ScanItem> takeFrame() {
        if (size == 0) {
            // the LF of a CRLF, or a stray terminator: nothing between two terminators is no code
            return Optional.empty();
        }
        byte[] frame = Arrays.copyOf(buf, size);
        size = 0;
        try {
            return Optional.of(new ScanItem.Code(decode(frame, format)));
        } catch (DeviceException e) {
            return Optional.of(new ScanItem.Rejected(e, frame.length));
        }
    }

    /**
     * One frame (no terminator) → a code: decode the charset, strip prefix, AIM id and suffix, then
     * handle control characters. Every failure is a {@link DeviceException}, never an unchecked one.
     */
    public static ScannedCode decode(byte[] frame, ScanFormat format) throws DeviceException {
        String text = decodeText(frame, format.charset());
        if (!format.prefix().isEmpty() && text.startsWith(format.prefix())) {
            text = text.substring(format.prefix().length());
        }
        String aimId = "";
        Symbology symbology = Symbology.UNKNOWN;
        if (format.aim() && hasAimId(text)) {
            aimId = text.substring(0, 3);
            symbology = format.aimLetters().getOrDefault(text.charAt(1), Symbology.OTHER);
            text = text.substring(3);
        }
        if (!format.suffix().isEmpty() && text.endsWith(format.suffix())) {
            text = text.substring(0, text.length() - format.suffix().length());
        }
        text = controlChars(text, format.controlChars());
        if (text.isEmpty()) {
            throw new DeviceException(DeviceError.BAD_FRAME, "scanner sent a frame of " + frame.length
                    + " bytes with no code in it (only prefix, suffix, AIM id or control characters)");
        }
        return new ScannedCode(text, symbology, aimId, frame);
    }

    /** "]" + letter + one letter or digit, e.g. "]Q1", "]C0", "]d1". */
    private static boolean hasAimId(String s) {
        return s.length() >= 3 && s.charAt(0) == ']' && isAsciiLetter(s.charAt(1)) && isAsciiLetterOrDigit(s.charAt(2));
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static String decodeText(byte[] frame, Optional<Charset> configured) throws DeviceException {
        if (configured.isPresent()) {
            Charset cs = configured.get();
            return strictDecode(frame, cs).orElseThrow(() -> new DeviceException(DeviceError.UNREADABLE_CODE,
                    "scanner sent " + frame.length + " bytes that are not valid " + cs.name()
                            + "; set the scanner's output encoding to " + cs.name() + " or change the configured charset"));
        }
        Optional<String> utf8 = strictDecode(frame, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        return strictDecode(frame, GB18030).orElseThrow(() -> new DeviceException(DeviceError.UNREADABLE_CODE,
                "scanner sent " + frame.length + " bytes that are neither UTF-8 nor GB18030; set the scanner's"
                        + " output encoding to UTF-8 or configure its charset"));
    }

    private static Optional<String> strictDecode(byte[] frame, Charset cs) {
        try {
            CharBuffer chars = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String controlChars(String text, ScanFormat.ControlChars policy) throws DeviceException {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (policy == ScanFormat.ControlChars.REJECT) {
                    throw new DeviceException(DeviceError.UNREADABLE_CODE, String.format(
                            "code contains control character U+%04X at position %d; it could type into the form,"
                                    + " so the code was refused (switch off control-character output on the scanner)",
                            (int) c, i));
                }
                if (sb == null) {
                    sb = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
