package org.bianmin.backend.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.domain.Organisation;

/**
 * The registers the backend vouches for: citizens' social-insurance histories by ID number and licences by number.
 *
 * <p>A province's adapter puts its own systems behind this; the reference backend holds the demo data in memory
 * ({@code --demo}) or nothing at all, so that every identification then finds no record.
 */
public final class CivilRecords {
    private final Map<String, InsuranceHistory> histories = new LinkedHashMap<>();
    private final Map<String, Licence> licences = new LinkedHashMap<>();
    private final Organisation insuranceAgency;

    private CivilRecords(List<InsuranceHistory> histories, List<Licence> licences, Organisation insuranceAgency) {
        histories.forEach(h -> this.histories.put(h.citizen().idNumber(), h));
        licences.forEach(l -> this.licences.put(l.number(), l));
        this.insuranceAgency = insuranceAgency;
    }

    /** Records of these histories and licences; {@code insuranceAgency} issues the participation certificates. */
    public static CivilRecords of(List<InsuranceHistory> histories, List<Licence> licences, Organisation insuranceAgency) {
        if (insuranceAgency == null && !histories.isEmpty()) {
            throw new IllegalArgumentException("civil records: insurance histories need the agency that certifies them");
        }
        return new CivilRecords(histories, licences, insuranceAgency);
    }

    /** No records: every lookup finds nothing. */
    public static CivilRecords none() {
        return new CivilRecords(List.of(), List.of(), null);
    }

    public Optional<InsuranceHistory> history(String idNumber) {
        return Optional.ofNullable(histories.get(idNumber));
    }

    public Optional<Licence> licence(String number) {
        return Optional.ofNullable(licences.get(number));
    }

    public List<InsuranceHistory> histories() {
        return List.copyOf(histories.values());
    }

    public List<Licence> licences() {
        return List.copyOf(licences.values());
    }

    /** The agency that certifies insurance histories; present whenever there are histories. */
    public Organisation insuranceAgency() {
        return insuranceAgency;
    }
}
