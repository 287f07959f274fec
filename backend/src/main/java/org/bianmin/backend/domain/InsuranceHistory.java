package org.bianmin.backend.domain;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything a participation certificate shows about one citizen: the person and each insurance at most once. */
public record InsuranceHistory(Citizen citizen, List<SocialInsurance> insurances) {
    public InsuranceHistory {
        InvalidRecordException.required(citizen, "history.citizen");
        insurances = List.copyOf(InvalidRecordException.required(insurances, "history.insurances"));
        Set<InsuranceType> seen = EnumSet.noneOf(InsuranceType.class);
        for (SocialInsurance i : insurances) {
            if (!seen.add(i.type())) {
                throw new InvalidRecordException("history.insurances", i.type() + " appears more than once");
            }
        }
    }

    public Optional<SocialInsurance> insurance(InsuranceType type) {
        return insurances.stream().filter(i -> i.type() == type).findFirst();
    }

    /** All months with a contribution to any insurance, ascending. */
    public List<YearMonth> contributionMonths() {
        return insurances.stream().flatMap(i -> i.months().stream()).map(MonthlyContribution::month).distinct()
                .sorted().toList();
    }
}
