package org.bianmin.config.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random configuration trees for property tests: mappings, lists, text (Chinese and control characters too), numbers, booleans, nulls. */
final class Trees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long LARGEST_EXACT = 1L << 53;

    private Trees() {
    }

    /** Mappings at the top, as a configuration file has. */
    static Arbitrary<ObjectNode> configs() {
        return mappings(Arbitraries.recursive(Trees::leaves, Trees::containers, 0, 3));
    }

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars("-_.:/ ").ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(6),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("\"\\\u007f\u2028\u00e9€").ofMaxLength(4),
                Arbitraries.strings().all().ofMaxLength(8).filter(Trees::validUnicode));
    }

    /**
     * A copy of {@code tree} whose mappings hold their keys in another order. Jackson writes and compares keys in
     * insertion order, so the copy is the same configuration written otherwise.
     */
    static JsonNode reordered(JsonNode tree, Random random) {
        if (tree instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
            Collections.shuffle(entries, random);
            ObjectNode copy = NODES.objectNode();
            entries.forEach(e -> copy.set(e.getKey(), reordered(e.getValue(), random)));
            return copy;
        }
        if (tree instanceof ArrayNode a) {
            ArrayNode copy = NODES.arrayNode();
            a.forEach(v -> copy.add(reordered(v, random)));
            return copy;
        }
        return tree;
    }

    private static Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                text().map(NODES::textNode),
                Arbitraries.longs().between(-LARGEST_EXACT, LARGEST_EXACT).map(Trees::whole),
                Arbitraries.integers().between(-1000, 100_000).map(Trees::whole),
                Arbitraries.doubles().filter(Trees::readsBackAsDouble).map(NODES::numberNode),
                // any bit pattern: subnormals, huge and tiny exponents
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Trees::readsBackAsDouble).map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
    }

    private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
        return Arbitraries.oneOf(mappings(inner).map(JsonNode.class::cast),
                inner.list().ofMaxSize(4).map(values -> NODES.arrayNode().addAll(values)));
    }

    private static Arbitrary<ObjectNode> mappings(Arbitrary<JsonNode> values) {
        return Arbitraries.maps(text(), values).ofMaxSize(5).map(m -> {
            ObjectNode o = NODES.objectNode();
            m.forEach(o::set);
            return o;
        });
    }

    /**
     * Doubles that read back as doubles: a whole double below 1e21 is written without point or exponent, as RFC 8785
     * asks, and Jackson reads that back as a whole number (whole numbers have their own generators).
     */
    private static boolean readsBackAsDouble(double d) {
        return Double.isFinite(d) && (d != Math.rint(d) || Math.abs(d) >= 1e21);
    }

    /** As Jackson reads it back: an int where it fits, else a long. */
    private static JsonNode whole(long v) {
        return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }

    private static boolean validUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
