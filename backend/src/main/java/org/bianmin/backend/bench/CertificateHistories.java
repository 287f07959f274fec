package org.bianmin.backend.bench;

import java.util.List;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.MonthlyContribution;
import org.bianmin.backend.domain.SocialInsurance;

/** Cuts a long synthetic history down to its last months, so every benchmark row has an exact record count. */
final class CertificateHistories {
    private CertificateHistories() {}

    /** The same person and insurances with only the contributions of the last {@code months} months. */
    static InsuranceHistory lastMonths(InsuranceHistory full, int months) {
        List<SocialInsurance> cut = full.insurances().stream().map(i -> {
            List<MonthlyContribution> m = i.months();
            return new SocialInsurance(i.type(), i.firstMonth(), i.status(), i.employer(),
                    m.subList(Math.max(0, m.size() - months), m.size()));
        }).toList();
        InsuranceHistory history = new InsuranceHistory(full.citizen(), cut);
        if (history.contributionMonths().size() != months) {
            throw new IllegalArgumentException("the history has " + full.contributionMonths().size()
                    + " months, fewer than the " + months + " asked for");
        }
        return history;
    }
}
