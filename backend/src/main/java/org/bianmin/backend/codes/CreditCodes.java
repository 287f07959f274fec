package org.bianmin.backend.codes;

/**
 * Checks and completes 18-character unified social credit codes (GB 32100-2015): 31 characters
 * (digits and upper-case letters without I, O, S, V, Z), weights 3^(i-1) mod 31, check value
 * (31 - sum mod 31) mod 31. The standard's worked example 91350100M000100Y4 gives check character 3.
 */
public final class CreditCodes {
    /** The 31 characters a credit code may contain, in the order of their values 0..30. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {}

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new InvalidCodeException(CodeKind.CREDIT_CODE, "the check character needs exactly 17 characters, got "
                    + (first17 == null ? "nothing" : first17.length()));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(first17, i) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The first 17 characters completed with their check character. */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }

    public static boolean isValid(String code) {
        try {
            requireValid(code);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    /** Returns the code unchanged if it is well formed, or throws saying what is wrong. */
    public static String requireValid(String code) {
        if (code == null || code.length() != 18) {
            throw new InvalidCodeException(CodeKind.CREDIT_CODE, "must have 18 characters, got "
                    + (code == null ? "nothing" : code.length() + ": " + code));
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (ALPHABET.indexOf(code.charAt(17)) < 0 || code.charAt(17) != expected) {
            throw new InvalidCodeException(CodeKind.CREDIT_CODE, "check character of " + code
                    + " does not match (GB 32100 expects " + expected + ")");
        }
        return code;
    }

    private static int value(String s, int i) {
        char c = s.charAt(i);
        int v = ALPHABET.indexOf(c);
        if (v < 0) {
            throw new InvalidCodeException(CodeKind.CREDIT_CODE, "character " + (i + 1) + " of " + s + " is '" + c
                    + "'; only digits and the letters " + ALPHABET.substring(10) + " are allowed");
        }
        return v;
    }
}
