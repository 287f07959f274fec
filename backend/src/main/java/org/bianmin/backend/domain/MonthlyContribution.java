package org.bianmin.backend.domain;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month's contribution to one insurance: the base and both shares, in yuan with two decimals. */
public record MonthlyContribution(YearMonth month, BigDecimal base, BigDecimal employerShare,
        BigDecimal personalShare) {
    public MonthlyContribution {
        InvalidRecordException.required(month, "contribution.month");
        requireMoney(base, "contribution.base");
        requireMoney(employerShare, "contribution.employerShare");
        requireMoney(personalShare, "contribution.personalShare");
    }

    private static void requireMoney(BigDecimal value, String field) {
        InvalidRecordException.required(value, field);
        if (value.signum() < 0 || value.scale() > 2) {
            throw new InvalidRecordException(field, "must be a non-negative amount in yuan with at most two decimals, got "
                    + value.toPlainString());
        }
    }
}
