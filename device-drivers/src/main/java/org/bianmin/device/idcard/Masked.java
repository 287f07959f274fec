package org.bianmin.device.idcard;

import java.time.LocalDate;
import org.bianmin.device.PersonalData;

/** How personal fields appear in toString, logs and messages: masked, or reduced to their size. */
final class Masked {
    private Masked() {}

    static String name(String s) {
        return s == null || s.isEmpty() ? "\"\"" : PersonalData.maskName(s);
    }

    static String number(String s) {
        return s == null || s.isEmpty() ? "\"\"" : PersonalData.maskIdNumber(s);
    }

    static String address(String s) {
        return s == null || s.isEmpty() ? "\"\"" : "(" + s.codePointCount(0, s.length()) + " chars)";
    }

    /** A field's shape for an error message, e.g. "8 chars, 2 non-digit": never its content. */
    static String shape(String s) {
        if (s == null) {
            return "missing";
        }
        long chars = s.codePoints().count();
        long nonDigits = s.codePoints().filter(c -> c < '0' || c > '9').count();
        return chars + (chars == 1 ? " char, " : " chars, ") + nonDigits + " non-digit";
    }

    /** Only the year: the full date is part of the ID number. */
    static String birth(LocalDate d) {
        return d == null ? "null" : d.getYear() + "-**-**";
    }
}
