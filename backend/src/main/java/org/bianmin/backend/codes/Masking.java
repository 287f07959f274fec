package org.bianmin.backend.codes;

/**
 * Masks personal data before it reaches a log or an error message: names keep their first and last
 * character (张*三), ID numbers their first six and last four (110105********002X).
 */
public final class Masking {
    private Masking() {}

    /** 张三 → 张*, 张小三 → 张*三; null or blank stays as it is. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    /** 11010519491231002X → 110105********002X; anything shorter than 15 characters is masked whole. */
    public static String idNumber(String number) {
        if (number == null || number.isBlank()) {
            return number;
        }
        String s = number.strip();
        int n = s.length();
        if (n >= 15) {
            return s.substring(0, 6) + "*".repeat(n - 10) + s.substring(n - 4);
        }
        return "*".repeat(n);
    }
}
