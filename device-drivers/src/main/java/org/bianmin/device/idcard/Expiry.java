package org.bianmin.device.idcard;

import java.time.LocalDate;
import java.util.Optional;

/** The end of a card's validity: a date, or 长期 (long-term, no end date). */
public sealed interface Expiry {

    /** Long-term: the card shows 长期 instead of an end date. */
    Expiry LONG_TERM = new LongTerm();

    static Expiry on(LocalDate date) {
        return new On(date);
    }

    /** Valid through the given day. */
    record On(LocalDate date) implements Expiry {
        public On {
            if (date == null) {
                throw new IllegalArgumentException("an expiry date must be given; use Expiry.LONG_TERM for 长期");
            }
        }
    }

    /** 长期. */
    record LongTerm() implements Expiry {
        @Override
        public String toString() {
            return "长期";
        }
    }

    default boolean isLongTerm() {
        return this instanceof LongTerm;
    }

    default Optional<LocalDate> endDate() {
        return this instanceof On on ? Optional.of(on.date()) : Optional.empty();
    }

    /** True when a card with this expiry is still valid on {@code day}. */
    default boolean notExpiredOn(LocalDate day) {
        return this instanceof LongTerm || !day.isAfter(((On) this).date());
    }
}
