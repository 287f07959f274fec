package org.bianmin.device.idcard;

import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.PersonalData;

/**
 * The 18-character citizen ID number check digit (GB 11643, ISO 7064 MOD 11-2), also used by the
 * HK/Macao/Taiwan residence permit and the 2023 foreign permanent residence card.
 */
public final class IdNumbers {
    /** Weights of positions 1–17. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** Check character for S mod 11 = 0..10. */
    private static final String CHECK = "10X98765432";

    private IdNumbers() {}

    /** The check character for 17 digits, e.g. "11010519491231002" → 'X'. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("the check character is computed over 17 digits; got " + first17.length() + " characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("position " + (i + 1) + " of an ID number must be a digit");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** True when the number is 17 digits plus the right check character (0-9 or X). */
    public static boolean isValid(String number) {
        return problem(number).isEmpty();
    }

    /** What is wrong with the number, in one line with the number masked; empty when it is valid. */
    public static Optional<String> problem(String number) {
        if (number == null || number.length() != 18) {
            return Optional.of("ID number " + PersonalData.maskIdNumber(number) + " has "
                    + (number == null ? 0 : number.length()) + " characters; an ID number has 18");
        }
        for (int i = 0; i < 17; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("ID number " + PersonalData.maskIdNumber(number) + " has a non-digit at position " + (i + 1));
            }
        }
        char expected = checkCharacter(number.subSequence(0, 17));
        if (number.charAt(17) != expected) {
            return Optional.of("ID number " + PersonalData.maskIdNumber(number)
                    + " fails its MOD 11-2 check digit; the card is damaged, forged or misread");
        }
        return Optional.empty();
    }

    /** Throws {@link DeviceError#INVALID_ID_NUMBER} with the reason when the number is not valid. */
    public static void requireValid(String number) throws DeviceException {
        Optional<String> p = problem(number);
        if (p.isPresent()) {
            throw new DeviceException(DeviceError.INVALID_ID_NUMBER, p.get());
        }
    }
}
