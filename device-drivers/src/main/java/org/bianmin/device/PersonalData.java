package org.bianmin.device;

/**
 * Masks personal data before it reaches a log, a trace summary or a technician's screen: names keep
 * their first and last character (张*三), ID numbers their first six and last four (110105********002X).
 */
public final class PersonalData {
    private PersonalData() {}

    /** 张三 → 张*, 张小三 → 张*三, "Ivan Petrov" → I*********v; null or blank stays as it is. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String s = name.strip();
        int[] cps = s.codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        if (cps.length == 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    /**
     * 11010519491231002X → 110105********002X. Shorter document numbers keep their first two and last
     * two characters; anything of four characters or fewer is masked whole.
     */
    public static String maskIdNumber(String number) {
        if (number == null || number.isBlank()) {
            return number;
        }
        String s = number.strip();
        int n = s.length();
        if (n >= 15) {
            return s.substring(0, 6) + "*".repeat(n - 10) + s.substring(n - 4);
        }
        if (n > 4) {
            return s.substring(0, 2) + "*".repeat(n - 4) + s.substring(n - 2);
        }
        return "*".repeat(n);
    }
}
