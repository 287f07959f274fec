package org.bianmin.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** How configuration values and paths are written in messages, and which known key an unknown one was meant to be. */
final class Values {
    private static final int SHOWN_MAX = 60;

    private Values() {
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** What a value is, in words an admin reads: {@code text}, {@code a whole number}, {@code a list}… */
    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "empty";
        }
        if (n.isTextual()) {
            return "text";
        }
        if (n.isIntegralNumber()) {
            return "a whole number";
        }
        if (n.isNumber()) {
            return "a decimal number";
        }
        if (n.isBoolean()) {
            return "true/false";
        }
        if (n.isArray()) {
            return "a list";
        }
        return n.isObject() ? "a mapping" : "a value of kind " + n.getNodeType();
    }

    /** The value as written, shortened to one line. */
    static String shown(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "(not set)";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return n.isEmpty() ? "{}" : "{…}";
        }
        String s = n.isTextual() ? n.textValue() : n.toString();
        if (n.isTextual() && s.isBlank()) {
            return "\"" + s + "\"";
        }
        s = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t").replaceAll("\\p{Cntrl}", "?");
        return s.length() > SHOWN_MAX ? s.substring(0, SHOWN_MAX - 1) + "…" : s;
    }

    /**
     * The known key closest to {@code unknown}, ignoring case, hyphens and underscores, if it is close enough
     * to be what was meant (a few typing slips for a long key, one for a short one).
     */
    static Optional<String> closest(String unknown, Collection<String> known) {
        String u = normal(unknown);
        if (u.length() > 64) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(u, normal(k));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, u.length() / 4));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static String normal(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }

    /** Levenshtein distance with adjacent transpositions counted as one slip. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
