package org.bianmin.backend.documents;

import java.util.random.RandomGenerator;

/**
 * Verification codes (验证码) printed on documents and used in their verify URL: 16 characters from
 * 32 that cannot be mistaken for one another (no 0, O, 1, I), 80 random bits.
 */
public final class VerificationCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 16;

    private VerificationCodes() {}

    public static String generate(RandomGenerator random) {
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    public static boolean isWellFormed(String code) {
        return code != null && code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** Returns the code unchanged if well formed, or throws saying what a code looks like. */
    public static String requireWellFormed(String code) {
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("verification code: must be " + LENGTH + " characters from "
                    + ALPHABET + ", got " + (code == null ? "nothing" : "'" + code + "'"));
        }
        return code;
    }
}
