package org.bianmin.backend.domain;

import java.time.LocalDate;
import java.util.Optional;

/** A licence's validity period (有效期); no end date means long-term (长期). */
public record Validity(LocalDate from, Optional<LocalDate> until) {
    public Validity {
        InvalidRecordException.required(from, "validity.from");
        InvalidRecordException.required(until, "validity.until");
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new InvalidRecordException("validity.until", until.get() + " lies before " + from);
        }
    }

    public static Validity between(LocalDate from, LocalDate until) {
        return new Validity(from, Optional.of(until));
    }

    public static Validity longTerm(LocalDate from) {
        return new Validity(from, Optional.empty());
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(from) && until.map(u -> !day.isAfter(u)).orElse(true);
    }

    /** 2024年01月01日至2029年12月31日, or 2024年01月01日至长期. */
    public String chinese() {
        return chineseDate(from) + "至" + until.map(Validity::chineseDate).orElse("长期");
    }

    public static String chineseDate(LocalDate d) {
        return String.format("%d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
