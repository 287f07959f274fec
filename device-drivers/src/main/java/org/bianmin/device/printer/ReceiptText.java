package org.bianmin.device.printer;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as a Chinese-mode printer sees it: GB18030 bytes, one column per ASCII character and two per
 * multi-byte character, lines wrapped so that a double-byte character is never split.
 */
public final class ReceiptText {
    /** Chinese mode (FS &) reads GB18030, a superset of GBK and GB2312. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private ReceiptText() {}

    /** Columns a code point takes: 1 for ASCII (one GB18030 byte), 2 for everything else (2 or 4 bytes). */
    public static int width(int codePoint) {
        return codePoint < 0x80 ? 1 : 2;
    }

    public static int width(String s) {
        return s.codePoints().map(ReceiptText::width).sum();
    }

    /**
     * Makes text safe to send: control characters (which would be read as commands) become spaces,
     * lone surrogates become '?'. Line breaks are the caller's business and are replaced too.
     */
    public static String sanitize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
                sb.append(' ');
            } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /**
     * Splits one line into pieces of at most {@code columns} display columns, breaking only between
     * code points; an empty line stays one empty piece.
     */
    public static List<String> wrap(String line, int columns) {
        if (columns < 2) {
            throw new IllegalArgumentException("cannot wrap text into " + columns + " column(s); a Chinese character needs 2");
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int used = 0;
        for (int cp : line.codePoints().toArray()) {
            int w = width(cp);
            if (used + w > columns) {
                out.add(cur.toString());
                cur.setLength(0);
                used = 0;
            }
            cur.appendCodePoint(cp);
            used += w;
        }
        if (!cur.isEmpty() || out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Pads a line with spaces to sit at {@code align} within {@code columns}; a line too long stays as it is. */
    public static String place(String text, Align align, int columns) {
        int free = columns - width(text);
        if (free <= 0 || align == Align.LEFT) {
            return text;
        }
        int left = align == Align.CENTRE ? free / 2 : free;
        return " ".repeat(left) + text;
    }
}
