package org.bianmin.device.idcard;

import java.time.LocalDate;

/** The validity printed on a card: from a start date until an {@link Expiry}. */
public record Validity(LocalDate from, Expiry until) {

    public Validity {
        if (from == null || until == null) {
            throw new IllegalArgumentException("a validity needs a start date and an expiry (a date or Expiry.LONG_TERM)");
        }
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(from) && until.notExpiredOn(day);
    }

    @Override
    public String toString() {
        return from + "–" + until.endDate().map(LocalDate::toString).orElse("长期");
    }
}
