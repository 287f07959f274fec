package org.bianmin.device.idcard;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A foreign permanent residence ID card, 2023 edition (新版永居证; 'Y' at byte 248). Its 18-character
 * number is '9', province, 3-digit nationality code, birth date, sequence and a MOD 11-2 check digit.
 * The renewal count, nationality, previous-edition number and English-name continuation come from
 * unconfirmed [U] offsets (PROTOCOLS.md §1.6) and are read tolerantly.
 */
public record PermanentResidenceCard2023(String chineseName, String englishName, Gender gender, LocalDate birthDate,
        String number, String nationality, Validity validity, OptionalInt renewalCount, String previousEditionNumber)
        implements Identity {

    public PermanentResidenceCard2023 {
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(englishName, "englishName");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(renewalCount, "renewalCount");
        Objects.requireNonNull(previousEditionNumber, "previousEditionNumber");
    }

    @Override
    public CardType type() {
        return CardType.FOREIGN_PERMANENT_2023;
    }

    @Override
    public String name() {
        return chineseName.isEmpty() ? englishName : chineseName;
    }

    /** The 3-digit numeric nationality code inside the number (positions 4–6), e.g. "124" for Canada. */
    public String nationalityDigits() {
        return number.length() >= 6 ? number.substring(3, 6) : "";
    }

    @Override
    public String toString() {
        return "PermanentResidenceCard2023[chineseName=" + Masked.name(chineseName) + ", englishName=" + Masked.name(englishName)
                + ", gender=" + gender + ", birthDate=" + Masked.birth(birthDate) + ", number=" + Masked.number(number)
                + ", nationality=" + nationality + ", validity=" + validity + ", renewalCount=" + renewalCount
                + ", previousEditionNumber=" + Masked.number(previousEditionNumber) + "]";
    }
}
