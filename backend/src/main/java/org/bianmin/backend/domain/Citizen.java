package org.bianmin.backend.domain;

import java.time.LocalDate;
import org.bianmin.backend.codes.CodeKind;
import org.bianmin.backend.codes.IdNumbers;
import org.bianmin.backend.codes.InvalidCodeException;
import org.bianmin.backend.codes.Masking;

/**
 * A person the backend knows, identified by the resident ID number; gender and birth date must agree
 * with the number. {@link #toString()} masks the name and the number.
 */
public record Citizen(String name, String idNumber, Gender gender, LocalDate birthDate, Region region) {
    public Citizen {
        InvalidRecordException.requiredText(name, "citizen.name");
        InvalidRecordException.required(gender, "citizen.gender");
        InvalidRecordException.required(birthDate, "citizen.birthDate");
        InvalidRecordException.required(region, "citizen.region");
        try {
            IdNumbers.requireValid(idNumber);
        } catch (InvalidCodeException e) {
            throw new InvalidRecordException("citizen.idNumber", e.getMessage());
        }
        if (!IdNumbers.birthDate(idNumber).equals(birthDate)) {
            throw new InvalidRecordException("citizen.birthDate", birthDate + " differs from the date in ID number "
                    + Masking.idNumber(idNumber));
        }
        if (IdNumbers.isMale(idNumber) != (gender == Gender.MALE)) {
            throw new InvalidRecordException("citizen.gender", gender + " differs from the sequence digit of "
                    + CodeKind.ID_NUMBER.label() + " " + Masking.idNumber(idNumber));
        }
    }

    @Override
    public String toString() {
        return "Citizen[" + Masking.name(name) + ", " + Masking.idNumber(idNumber) + ", " + gender + ", "
                + region.code() + "]";
    }
}
