package org.bianmin.config.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical bytes are exactly what RFC 8785 writes, checked against the RFC's own samples. */
class CanonicalJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theRfcSampleWithNumbersStringsAndLiteralsIsWrittenAsTheRfcShows() throws Exception {
        // RFC 8785 section 3.2.2
        JsonNode tree = JSON.readTree("""
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """);

        assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", CanonicalJson.text(tree));
    }

    @Test
    void keysAreSortedByUtf16CodeUnitsAsInTheRfcSample() throws Exception {
        // RFC 8785 section 3.2.3: the emoji (a surrogate pair, D83D) sorts before U+FB33
        JsonNode tree = JSON.readTree("""
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
                 "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}
                """);

        String text = CanonicalJson.text(tree);

        assertEquals(JSON.readTree("[\"\\r\", \"1\", \"\\u0080\", \"\\u00f6\", \"\\u20ac\", \"\\ud83d\\ude00\", \"\\ufb33\"]"),
                NODES.arrayNode().addAll(JSON.readTree(text).propertyStream().map(e -> NODES.textNode(e.getKey())).toList()));
    }

    @Test
    void chineseTextIsWrittenAsUtf8NotEscaped() {
        ObjectNode tree = NODES.objectNode().put("zh", "便民服务中心");

        assertEquals("{\"zh\":\"便民服务中心\"}", new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            // RFC 8785 appendix B: IEEE 754 bits and the text ECMAScript writes for them
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
            // two smallest subnormals: ECMAScript keeps one digit where Java's Double.toString writes two
            "0000000000000002, 1e-323",
            "0000000000000003, 1.5e-323",
    })
    void doublesAreWrittenAsEcmaScriptWritesThem(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

        assertEquals(expected, CanonicalJson.number(d));
        assertEquals(expected, CanonicalJson.text(NODES.numberNode(d)));
    }

    @Test
    void aWholeNumberAndTheSameDoubleGiveTheSameBytes() {
        assertEquals(CanonicalJson.text(NODES.numberNode(90)), CanonicalJson.text(NODES.numberNode(90.0)));
        assertEquals("90", CanonicalJson.text(NODES.numberNode(90.0)));
    }

    @Test
    void aWholeNumberBeyondTwoToThe53IsRefusedBecauseADoubleWouldRoundIt() {
        ObjectNode tree = NODES.objectNode();
        tree.putObject("backend").put("retries", new BigInteger("9007199254740993"));

        SigningException e = assertThrows(SigningException.class, () -> CanonicalJson.bytes(tree));

        assertEquals("backend.retries: 9007199254740993 is too large to sign exactly (the limit is 9007199254740992); "
                + "quote it to make it text, or use a smaller number", e.getMessage());
    }

    @Test
    void anInfiniteNumberIsRefusedNamingItsPath() {
        ObjectNode tree = NODES.objectNode();
        tree.putArray("levels").add(1).add(Double.POSITIVE_INFINITY);

        SigningException e = assertThrows(SigningException.class, () -> CanonicalJson.bytes(tree));

        assertTrue(e.getMessage().startsWith("levels[1]: Infinity is not a finite number;"), e.getMessage());
    }

    @Test
    void textWithALoneSurrogateIsRefusedNamingItsPath() {
        ObjectNode tree = NODES.objectNode();
        tree.putObject("identity").putObject("displayName").put("zh", "便民\uD800");

        SigningException e = assertThrows(SigningException.class, () -> CanonicalJson.bytes(tree));

        assertEquals("identity.displayName.zh: holds text that is not valid Unicode (a lone surrogate \\ud800); "
                + "remove that character or retype the text", e.getMessage());
    }
}
