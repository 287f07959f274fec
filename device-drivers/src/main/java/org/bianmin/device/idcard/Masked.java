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

    /** Only the year: the full date is part of the ID number. */
    static String birth(LocalDate d) {
        return d == null ? "null" : d.getYear() + "-**-**";
    }
}
