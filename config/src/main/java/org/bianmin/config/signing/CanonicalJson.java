package org.bianmin.config.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a configuration tree into the one sequence of bytes that is signed: JSON as the JSON Canonicalization
 * Scheme (RFC 8785) writes it, so that key order, comments, quoting and whitespace of the YAML an admin edited do not
 * change what is signed, and any change of a value does.
 *
 * <p>The rules: object keys sorted by their UTF-16 code units, no whitespace, numbers as ECMAScript writes an IEEE 754
 * double, strings with only {@code "}, {@code \} and control characters escaped, UTF-8. A tree RFC 8785 cannot write
 * exactly is refused rather than changed: a whole number beyond 2^53 (a double would round it, so two values would
 * share one signature), NaN or an infinity, and text with a lone UTF-16 surrogate.
 */
public final class CanonicalJson {
    /** 2^53: every whole number up to this size is exactly one IEEE 754 double. */
    private static final BigInteger LARGEST_EXACT = BigInteger.ONE.shiftLeft(53);

    private CanonicalJson() {
    }

    /**
     * The canonical UTF-8 bytes of {@code tree}.
     *
     * @throws SigningException naming the path of a value RFC 8785 cannot write exactly
     */
    public static byte[] bytes(JsonNode tree) {
        return text(tree).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical JSON text of {@code tree}; see {@link #bytes(JsonNode)}. */
    public static String text(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        write(tree, "", out);
        return out.toString();
    }

    private static void write(JsonNode node, String path, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
                // String.compareTo compares UTF-16 code units, which is the order RFC 8785 asks for.
                entries.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < entries.size(); i++) {
                    Map.Entry<String, JsonNode> e = entries.get(i);
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    if (i > 0) {
                        out.append(',');
                    }
                    string(e.getKey(), child, out);
                    out.append(':');
                    write(e.getValue(), child, out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), path + "[" + i + "]", out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), path, out);
            case NUMBER -> out.append(number(node, path));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new SigningException(shown(path) + ": holds " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " data, which a configuration cannot carry; write it as text, a number, a boolean, a list or a mapping");
        }
    }

    private static String number(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            BigInteger v = node.bigIntegerValue();
            if (v.abs().compareTo(LARGEST_EXACT) > 0) {
                throw new SigningException(shown(path) + ": " + v + " is too large to sign exactly (the limit is 9007199254740992); "
                        + "quote it to make it text, or use a smaller number");
            }
            return v.toString();
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            throw new SigningException(shown(path) + ": " + node.asText() + " is not a finite number; write a number such as 1.5, "
                    + "or quote it to make it text");
        }
        return number(d);
    }

    /**
     * A finite double as ECMAScript's Number.prototype.toString writes it (RFC 8785 section 3.2.2.3): the fewest
     * significant digits that read back as the same double, plain between 1e-7 and 1e21, else with an exponent.
     */
    static String number(double d) {
        if (d == 0) {
            return "0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        // The value is 0.digits × 10^n, as ECMAScript counts it.
        int n = k - shortest.scale();
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }

    /**
     * The shortest decimal that reads back as {@code d} (positive, finite), trailing zeros stripped. Java's
     * Double.toString gives the shortest digits except that it never gives one digit where two digits come closer
     * (4.9E-324 where ECMAScript writes 5e-324); that happens only among the smallest subnormals and is undone here.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal java = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = null;
        for (BigDecimal one : new BigDecimal[] {java.round(new MathContext(1, RoundingMode.FLOOR)),
                java.round(new MathContext(1, RoundingMode.CEILING))}) {
            if (Double.parseDouble(one.toString()) != d) {
                continue;
            }
            if (best == null) {
                best = one;
                continue;
            }
            int closer = one.subtract(exact).abs().compareTo(best.subtract(exact).abs());
            boolean evenTie = closer == 0 && !one.unscaledValue().testBit(0);
            if (closer < 0 || evenTie) {
                best = one;
            }
        }
        return best == null ? java : best.stripTrailingZeros();
    }

    /** A JSON string as RFC 8785 section 3.2.2.2 writes it: only {@code "}, {@code \} and controls are escaped. */
    private static void string(String s, String path, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new SigningException(shown(path) + ": holds text that is not valid Unicode (a lone surrogate \\u"
                        + String.format("%04x", (int) c) + "); remove that character or retype the text");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String shown(String path) {
        return path.isEmpty() ? "(top)" : path;
    }
}
