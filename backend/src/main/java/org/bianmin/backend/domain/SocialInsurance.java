package org.bianmin.backend.domain;

import java.time.YearMonth;
import java.util.List;

/**
 * A citizen's participation in one insurance: first month, status, current employer and the monthly
 * records in ascending order without duplicates, none before the first month.
 */
public record SocialInsurance(InsuranceType type, YearMonth firstMonth, InsuranceStatus status,
        Organisation employer, List<MonthlyContribution> months) {
    public SocialInsurance {
        InvalidRecordException.required(type, "insurance.type");
        InvalidRecordException.required(firstMonth, "insurance.firstMonth");
        InvalidRecordException.required(status, "insurance.status");
        InvalidRecordException.required(employer, "insurance.employer");
        months = List.copyOf(InvalidRecordException.required(months, "insurance.months"));
        YearMonth previous = null;
        for (MonthlyContribution m : months) {
            if (m.month().isBefore(firstMonth)) {
                throw new InvalidRecordException("insurance.months", m.month() + " lies before the first month "
                        + firstMonth);
            }
            if (previous != null && !m.month().isAfter(previous)) {
                throw new InvalidRecordException("insurance.months", "must ascend without duplicates: " + m.month()
                        + " follows " + previous);
            }
            previous = m.month();
        }
    }

    /** Number of months paid (缴费月数). */
    public int paidMonths() {
        return months.size();
    }
}
