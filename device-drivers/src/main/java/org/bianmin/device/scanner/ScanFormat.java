package org.bianmin.device.scanner;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the scanner's bytes are cut into codes and decoded: terminators, idle gap, prefix and suffix,
 * AIM identifiers, charset, control characters and the longest code accepted.
 *
 * <p>The wire order is {@code [prefix][AIM id][data][suffix][terminator]} (PROTOCOLS.md §3.1).
 *
 * @param terminators bytes that end a code, each a control character; "\r\n" ends on CR, LF or CRLF
 * @param idleGap a code also ends after this long with no byte, for scanners left at "no tail"
 * @param prefix stripped from the start of a code when present ("" = none)
 * @param suffix stripped from the end of a code when present ("" = none)
 * @param aim whether the scanner sends AIM identifiers ("]Q1"); only then are they stripped
 * @param aimLetters AIM letter → symbology ([U] values, hence configurable)
 * @param charset the scanner's output charset; empty = strict UTF-8, then GB18030
 * @param controlChars what to do with control characters left in a code
 * @param maxCodeBytes a frame longer than this is dropped as {@code BAD_LENGTH} and the framer resyncs
 */
public record ScanFormat(String terminators, Duration idleGap, String prefix, String suffix, boolean aim,
                         Map<Character, Symbology> aimLetters, Optional<Charset> charset,
                         ControlChars controlChars, int maxCodeBytes) {

    /** Control characters could type Enter or Tab into a form; they are removed or the code is refused. */
    public enum ControlChars { STRIP, REJECT }

    public static final Duration DEFAULT_IDLE_GAP = Duration.ofMillis(50);
    /** A version-40 QR code holds at most 2953 bytes; room for prefix, suffix and AIM id on top. */
    public static final int DEFAULT_MAX_CODE_BYTES = 4096;

    public ScanFormat {
        Objects.requireNonNull(terminators, "terminators");
        Objects.requireNonNull(idleGap, "idleGap");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(controlChars, "controlChars");
        aimLetters = Map.copyOf(Objects.requireNonNull(aimLetters, "aimLetters"));
        for (char c : terminators.toCharArray()) {
            if (c >= 0x20) {
                throw new IllegalArgumentException("scanner terminator '" + c + "' is printable and would cut codes apart;"
                        + " use control characters such as CR (\\r), LF (\\n) or TAB (\\t)");
            }
        }
        if (idleGap.compareTo(Duration.ofMillis(5)) < 0 || idleGap.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("scanner idle gap " + idleGap.toMillis()
                    + " ms is out of range; use 5..2000 ms (50 ms suits 9600 baud)");
        }
        if (maxCodeBytes < 16 || maxCodeBytes > 1 << 20) {
            throw new IllegalArgumentException("scanner max code length " + maxCodeBytes
                    + " bytes is out of range; use 16..1048576 (4096 holds any QR code)");
        }
    }

    /** CR/LF/CRLF or a 50 ms gap, no prefix or suffix, no AIM ids, UTF-8 then GB18030, control characters stripped. */
    public static ScanFormat defaults() {
        return new ScanFormat("\r\n", DEFAULT_IDLE_GAP, "", "", false, Symbology.DEFAULT_AIM_LETTERS,
                Optional.empty(), ControlChars.STRIP, DEFAULT_MAX_CODE_BYTES);
    }

    public ScanFormat withTerminators(String t) {
        return new ScanFormat(t, idleGap, prefix, suffix, aim, aimLetters, charset, controlChars, maxCodeBytes);
    }

    public ScanFormat withIdleGap(Duration gap) {
        return new ScanFormat(terminators, gap, prefix, suffix, aim, aimLetters, charset, controlChars, maxCodeBytes);
    }

    public ScanFormat withPrefix(String p) {
        return new ScanFormat(terminators, idleGap, p, suffix, aim, aimLetters, charset, controlChars, maxCodeBytes);
    }

    public ScanFormat withSuffix(String s) {
        return new ScanFormat(terminators, idleGap, prefix, s, aim, aimLetters, charset, controlChars, maxCodeBytes);
    }

    public ScanFormat withAim(boolean on) {
        return new ScanFormat(terminators, idleGap, prefix, suffix, on, aimLetters, charset, controlChars, maxCodeBytes);
    }

    public ScanFormat withAimLetters(Map<Character, Symbology> letters) {
        return new ScanFormat(terminators, idleGap, prefix, suffix, aim, letters, charset, controlChars, maxCodeBytes);
    }

    /** A fixed charset, decoded strictly; {@code null} goes back to UTF-8 with GB18030 fallback. */
    public ScanFormat withCharset(Charset cs) {
        return new ScanFormat(terminators, idleGap, prefix, suffix, aim, aimLetters, Optional.ofNullable(cs),
                controlChars, maxCodeBytes);
    }

    public ScanFormat withControlChars(ControlChars policy) {
        return new ScanFormat(terminators, idleGap, prefix, suffix, aim, aimLetters, charset, policy, maxCodeBytes);
    }

    public ScanFormat withMaxCodeBytes(int max) {
        return new ScanFormat(terminators, idleGap, prefix, suffix, aim, aimLetters, charset, controlChars, max);
    }

    boolean isTerminator(int b) {
        return terminators.indexOf((char) b) >= 0;
    }
}
