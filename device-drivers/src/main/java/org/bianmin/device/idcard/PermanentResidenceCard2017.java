package org.bianmin.device.idcard;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.device.PersonalData;

/**
 * A foreign permanent residence ID card, 2017 edition (旧版永居证; 'I' at byte 248). Its number is 15
 * characters, three letters and twelve digits, with no check digit.
 */
public record PermanentResidenceCard2017(String englishName, String chineseName, Gender gender, LocalDate birthDate,
        String number, String nationality, Validity validity, String cardVersion, String authorityCode) implements Identity {

    public PermanentResidenceCard2017 {
        Objects.requireNonNull(englishName, "englishName");
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(cardVersion, "cardVersion");
        Objects.requireNonNull(authorityCode, "authorityCode");
    }

    @Override
    public CardType type() {
        return CardType.FOREIGN_PERMANENT_2017;
    }

    @Override
    public String name() {
        return chineseName.isEmpty() ? englishName : chineseName;
    }

    @Override
    public Optional<String> numberProblem() {
        return number.matches("[A-Z]{3}[0-9]{12}") ? Optional.empty()
                : Optional.of("permanent-residence number " + PersonalData.maskIdNumber(number)
                        + " is not 3 letters and 12 digits; the card is damaged or misread");
    }

    @Override
    public String toString() {
        return "PermanentResidenceCard2017[englishName=" + Masked.name(englishName) + ", chineseName=" + Masked.name(chineseName)
                + ", gender=" + gender + ", birthDate=" + Masked.birth(birthDate) + ", number=" + Masked.number(number)
                + ", nationality=" + nationality + ", validity=" + validity + ", cardVersion=" + cardVersion
                + ", authorityCode=" + authorityCode + "]";
    }
}
