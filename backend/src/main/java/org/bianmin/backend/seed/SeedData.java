package org.bianmin.backend.seed;

import java.util.List;
import java.util.Optional;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.domain.Organisation;

/** The generated demo data set: citizens' insurance histories, licences, and the authorities involved. */
public record SeedData(List<InsuranceHistory> histories, List<Licence> licences, Organisation insuranceAgency) {
    public SeedData {
        histories = List.copyOf(histories);
        licences = List.copyOf(licences);
    }

    public Optional<InsuranceHistory> historyOf(String idNumber) {
        return histories.stream().filter(h -> h.citizen().idNumber().equals(idNumber)).findFirst();
    }

    public Optional<Licence> licenceNumbered(String number) {
        return licences.stream().filter(l -> l.number().equals(number)).findFirst();
    }
}
