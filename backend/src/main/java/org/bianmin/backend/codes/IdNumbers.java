package org.bianmin.backend.codes;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Checks and builds 18-character resident ID numbers (GB 11643): 6-digit region, 8-digit birth date,
 * 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {}

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(IdNumbers::isDigit)) {
            throw new InvalidCodeException(CodeKind.ID_NUMBER, "the check character needs exactly 17 digits, got "
                    + describeLength(first17));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** Region code, birth date and sequence number joined and completed with their check character. */
    public static String build(String regionCode, LocalDate birthDate, int sequence) {
        if (regionCode == null || !regionCode.matches("[1-9][0-9]{5}")) {
            throw new InvalidCodeException(CodeKind.ID_NUMBER, "the region code must be 6 digits, got " + regionCode);
        }
        if (sequence < 0 || sequence > 999) {
            throw new InvalidCodeException(CodeKind.ID_NUMBER, "the sequence number must be 0..999, got " + sequence);
        }
        String first17 = regionCode + String.format("%04d%02d%02d%03d", birthDate.getYear(),
                birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return first17 + checkCharacter(first17);
    }

    public static boolean isValid(String number) {
        try {
            requireValid(number);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    /** Returns the number unchanged if it is well formed, or throws saying what is wrong. */
    public static String requireValid(String number) {
        if (number == null || number.length() != 18) {
            throw new InvalidCodeException(CodeKind.ID_NUMBER, "must have 18 characters, got " + describeLength(number));
        }
        if (!number.substring(0, 17).chars().allMatch(IdNumbers::isDigit)) {
            throw new InvalidCodeException(CodeKind.ID_NUMBER, "the first 17 characters must be digits: "
                    + Masking.idNumber(number));
        }
        try {
            birthDate(number.substring(0, 17));
        } catch (DateTimeException e) {
            throw new InvalidCodeException(CodeKind.ID_NUMBER, "characters 7-14 are not a birth date: "
                    + Masking.idNumber(number));
        }
        char expected = checkCharacter(number.substring(0, 17));
        if (number.charAt(17) != expected) {
            throw new InvalidCodeException(CodeKind.ID_NUMBER, "check character does not match (MOD 11-2): "
                    + Masking.idNumber(number));
        }
        return number;
    }

    /** The birth date in characters 7-14 of a valid number. */
    public static LocalDate birthDate(String number) {
        return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                Integer.parseInt(number.substring(12, 14)));
    }

    /** True when the sequence number (characters 15-17) is odd, which marks a man. */
    public static boolean isMale(String number) {
        return (number.charAt(16) - '0') % 2 == 1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String describeLength(String s) {
        return s == null ? "nothing" : s.length() + " characters";
    }
}
