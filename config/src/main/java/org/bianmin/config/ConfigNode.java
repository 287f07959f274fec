package org.bianmin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A place in the merged configuration tree being read strictly: typed getters that report a wrong type, a
 * missing value or an unknown key as a {@link ConfigProblem} and answer null, so reading goes on and every
 * problem is found in one pass. Below a value of the wrong type reading stays silent: one mistake, one message.
 */
final class ConfigNode {
    private final Problems problems;
    private final String path;
    private final JsonNode node;
    /** The bundled default at this path, for examples in messages; null where there is none. */
    private final JsonNode example;
    private final Set<String> keysRead = new LinkedHashSet<>();
    private boolean broken;
    private boolean hidden;

    private ConfigNode(Problems problems, String path, JsonNode node, JsonNode example, boolean broken) {
        this.problems = problems;
        this.path = path;
        this.node = node;
        this.example = example;
        this.broken = broken;
    }

    static ConfigNode root(Problems problems, ObjectNode tree, ObjectNode defaults) {
        return new ConfigNode(problems, "", tree, defaults, false);
    }

    String path() {
        return path;
    }

    /** Shows the value as {@code (hidden)} in messages. */
    ConfigNode hidden() {
        hidden = true;
        return this;
    }

    /** The value under {@code key} of this mapping; the key becomes known here. */
    ConfigNode get(String key) {
        keysRead.add(key);
        JsonNode child = node instanceof ObjectNode o ? o.get(key) : null;
        JsonNode childExample = example instanceof ObjectNode o ? o.get(key) : null;
        return new ConfigNode(problems, Values.child(path, key), child, childExample, broken || !(node instanceof ObjectNode));
    }

    /** The mapping under {@code key}; reports a missing or non-mapping value once. */
    ConfigNode section(String key) {
        return get(key).mapping();
    }

    /** This value, which must be a mapping. */
    ConfigNode mapping() {
        return mapping("write its keys on the lines below it, indented by two more spaces");
    }

    /** This value, which must be a mapping; {@code fix} says how to write it when it is not. */
    ConfigNode mapping(String fix) {
        if (!broken && !(node instanceof ObjectNode)) {
            expected("a mapping of keys", fix);
            broken = true;
        }
        return this;
    }

    /**
     * The values of this mapping by key, in the order written, for a mapping whose keys are data (service codes) rather
     * than names the binder knows: every key becomes known. Null when this is not a mapping, reported once.
     */
    Map<String, ConfigNode> entries(String expected, String fix) {
        if (!required(expected)) {
            return null;
        }
        if (!(node instanceof ObjectNode o)) {
            expected(expected, fix);
            return null;
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            keysRead.add(e.getKey());
            entries.put(e.getKey(), new ConfigNode(problems, Values.child(path, e.getKey()), e.getValue(), null, false));
        }
        return entries;
    }

    /** Reports every key of this mapping that no getter asked for, with the known key it was probably meant to be. */
    void rejectUnknownKeys() {
        if (broken || !(node instanceof ObjectNode o)) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String key = e.getKey();
            if (keysRead.contains(key)) {
                continue;
            }
            String fix = Values.closest(key, keysRead)
                    .map(k -> "did you mean " + Values.child(path, k) + "?")
                    .orElse("remove it; the keys " + (path.isEmpty() ? "at the top" : "under " + path) + " are " + String.join(", ", keysRead));
            problems.add(Values.child(path, key), Values.shown(e.getValue()), "is not a known key", fix);
        }
    }

    boolean isSet() {
        return !broken && node != null && !node.isNull();
    }

    String text() {
        return required("text") ? textValue() : null;
    }

    Optional<String> optionalText() {
        return Optional.ofNullable(isSet() ? textValue() : null);
    }

    Integer whole() {
        return whole(null);
    }

    /** A whole number; {@code unitFix} replaces the usual advice when the value was written with a unit, e.g. "5s". */
    Integer whole(String unitFix) {
        return required("a whole number") ? wholeValue(unitFix) : null;
    }

    Integer optionalWhole() {
        return isSet() ? wholeValue(null) : null;
    }

    Double decimal() {
        if (!required("a number")) {
            return null;
        }
        if (!node.isNumber()) {
            expected("a number", "write a number without quotes, e.g. " + example("2.0"));
            return null;
        }
        return node.doubleValue();
    }

    Boolean flag() {
        if (!required("true or false")) {
            return null;
        }
        if (!node.isBoolean()) {
            expected("true or false", "write true or false, without quotes");
            return null;
        }
        return node.booleanValue();
    }

    /** The items of this list, each readable in turn. */
    List<ConfigNode> list() {
        return list("write [first, second] or one '- item' per line; [] for none");
    }

    /** The items of this list; {@code fix} says how to write it when it is not a list. */
    List<ConfigNode> list(String fix) {
        if (!required("a list")) {
            return null;
        }
        if (!node.isArray()) {
            expected("a list", fix);
            return null;
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode itemExample = example != null && example.isArray() && example.size() > 0 ? example.get(0) : null;
            items.add(new ConfigNode(problems, path + "[" + i + "]", node.get(i), itemExample, false));
        }
        return items;
    }

    /** Reports a problem with this value. */
    void complain(String problem, String fix) {
        problems.add(path, shown(), problem, fix);
    }

    private String shown() {
        return hidden ? "(hidden)" : Values.shown(node);
    }

    private boolean required(String expected) {
        if (broken) {
            return false;
        }
        if (node == null || node.isNull()) {
            problems.add(path, shown(), "needs a value", "give " + expected + (example("").isEmpty() ? "" : ", e.g. " + example("")));
            return false;
        }
        return true;
    }

    private String textValue() {
        if (!node.isTextual()) {
            String asText = Values.shown(node);
            expected("text", node.isValueNode() ? "put it in quotes: '" + asText + "'" : "write text" + exampleSuffix());
            return null;
        }
        return node.textValue();
    }

    private Integer wholeValue(String unitFix) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            complain("is far too large", "give a whole number in the range this key allows" + exampleSuffix());
        } else if (unitFix != null && node.isTextual() && node.textValue().strip().matches("[0-9.]+\\s*[A-Za-z]+")) {
            expected("a whole number", unitFix);
        } else {
            expected("a whole number", "write digits without quotes, e.g. " + example("1"));
        }
        return null;
    }

    private void expected(String expected, String fix) {
        complain("is " + Values.kind(node) + ", expected " + expected, fix);
    }

    private String example(String fallback) {
        return example != null && example.isValueNode() && !example.isNull() ? Values.shown(example) : fallback;
    }

    private String exampleSuffix() {
        String e = example("");
        return e.isEmpty() ? "" : ", e.g. " + e;
    }
}
