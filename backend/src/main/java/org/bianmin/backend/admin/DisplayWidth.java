package org.bianmin.backend.admin;

/**
 * Terminal cell widths, so columns of Chinese and Latin text line up: East Asian wide and full-width characters take
 * two cells, combining marks none, everything else one (Unicode UAX #11, the ranges a CJK terminal renders wide).
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    static int of(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)        // Hangul Jamo initials
                || (cp >= 0x2E80 && cp <= 0x303E)    // CJK radicals, Kangxi, CJK symbols and punctuation
                || (cp >= 0x3041 && cp <= 0x33FF)    // kana, bopomofo, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)    // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)    // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)    // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)    // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)    // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)    // full-width forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)    // full-width signs
                || (cp >= 0x1F300 && cp <= 0x1F64F)  // pictographs, emoticons
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
    }

    /** {@code s} cut to at most {@code width} cells, ending in ".." when cut. */
    static String fit(String s, int width) {
        if (of(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = of(cp);
            if (used + w > width - 2) {
                break;
            }
            b.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return b.append("..").toString();
    }

    /** {@code s} fitted to {@code width} cells and padded with spaces to exactly that many. */
    static String pad(String s, int width) {
        String fitted = fit(s, width);
        return fitted + " ".repeat(Math.max(0, width - of(fitted)));
    }

    /** Control characters (a hostile name could carry terminal escapes) shown as '?'. */
    static String printable(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString();
    }
}
