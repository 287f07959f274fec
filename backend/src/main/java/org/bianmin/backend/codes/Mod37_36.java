package org.bianmin.backend.codes;

/** ISO/IEC 7064 MOD 37,36 (hybrid system) over the characters 0-9 and A-Z, as GB/T 36904 uses it. */
public final class Mod37_36 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int M = 36;

    private Mod37_36() {}

    /** The check character for a string of digits and upper-case letters. */
    public static char checkCharacter(String s) {
        if (s == null || s.isEmpty()) {
            throw new InvalidCodeException(CodeKind.LICENCE_IDENTIFIER, "nothing to compute a check character over");
        }
        int p = M;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                throw new InvalidCodeException(CodeKind.LICENCE_IDENTIFIER, "character '" + s.charAt(i)
                        + "' at " + (i + 1) + " is not a digit or an upper-case letter A-Z");
            }
            int t = (p + v) % M;
            if (t == 0) {
                t = M;
            }
            p = (t * 2) % (M + 1);
        }
        return ALPHABET.charAt((M + 1 - p) % M);
    }
}
