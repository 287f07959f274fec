package org.bianmin.device.idcard;

import java.time.LocalDate;
import java.util.Objects;

/** A resident identity card (居民身份证; space at text-block byte 248). */
public record ResidentIdCard(String name, Gender gender, EthnicGroup ethnicGroup, LocalDate birthDate, String address,
        String number, String issuingAuthority, Validity validity) implements Identity {

    public ResidentIdCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(ethnicGroup, "ethnicGroup");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuingAuthority, "issuingAuthority");
        Objects.requireNonNull(validity, "validity");
    }

    @Override
    public CardType type() {
        return CardType.RESIDENT_ID;
    }

    @Override
    public String toString() {
        return "ResidentIdCard[name=" + Masked.name(name) + ", gender=" + gender + ", ethnicGroup=" + ethnicGroup.zh()
                + ", birthDate=" + Masked.birth(birthDate) + ", address=" + Masked.address(address)
                + ", number=" + Masked.number(number) + ", issuingAuthority=" + issuingAuthority + ", validity=" + validity + "]";
    }
}
