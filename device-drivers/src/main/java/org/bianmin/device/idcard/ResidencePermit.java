package org.bianmin.device.idcard;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A Hong Kong, Macao or Taiwan residents' residence permit (港澳台居民居住证; 'J' at byte 248). Its
 * 18-digit number has the ID-number structure with region 810000 (HK), 820000 (Macao) or 830000 (Taiwan).
 */
public record ResidencePermit(String name, Gender gender, LocalDate birthDate, String address, String number,
        String issuingAuthority, Validity validity, String travelPermitNumber, int issueCount) implements Identity {

    public ResidencePermit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuingAuthority, "issuingAuthority");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(travelPermitNumber, "travelPermitNumber");
        if (issueCount < 0 || issueCount > 99) {
            throw new IllegalArgumentException("issue count " + issueCount + " must be two digits (0..99)");
        }
    }

    @Override
    public CardType type() {
        return CardType.HMT_RESIDENCE_PERMIT;
    }

    /** "HK", "Macao" or "Taiwan" from the number's region code, or "unknown region". */
    public String region() {
        if (number.startsWith("81")) {
            return "HK";
        }
        if (number.startsWith("82")) {
            return "Macao";
        }
        return number.startsWith("83") ? "Taiwan" : "unknown region";
    }

    @Override
    public String toString() {
        return "ResidencePermit[name=" + Masked.name(name) + ", gender=" + gender + ", birthDate=" + Masked.birth(birthDate)
                + ", address=" + Masked.address(address) + ", number=" + Masked.number(number)
                + ", issuingAuthority=" + issuingAuthority + ", validity=" + validity
                + ", travelPermitNumber=" + Masked.number(travelPermitNumber) + ", issueCount=" + issueCount + "]";
    }
}
