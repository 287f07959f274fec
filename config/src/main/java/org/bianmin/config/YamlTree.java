package org.bianmin.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YAML into a {@link ConfigLayer} through Jackson's streaming parser, keeping the line of every key and
 * refusing what a configuration file has no use for: duplicate keys, aliases (Jackson would read an alias as the
 * text of its name) and anchors, tags outside the YAML core schema, and more than one document.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Tags of the YAML core schema (!!str, !!int…), which Jackson applies; any other tag means nothing to the kiosk. */
    private static final String STANDARD_TAGS = "tag:yaml.org,2002:";

    private final String source;
    private final YAMLParser parser;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    /** Above 0 while reading the value of a duplicate key, whose lines must not replace the first one's. */
    private int muted;

    private YamlTree(String source, YAMLParser parser) {
        this.source = source;
        this.parser = parser;
    }

    static ConfigLayer read(String source, Path baseDir, String yaml) throws ConfigException {
        String text = !yaml.isEmpty() && yaml.charAt(0) == BYTE_ORDER_MARK ? yaml.substring(1) : yaml;
        try (YAMLParser p = FACTORY.createParser(text)) {
            YamlTree reader = new YamlTree(source, p);
            ObjectNode root = reader.document();
            return new ConfigLayer(source, baseDir, root, reader.lines, reader.problems);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(syntaxError(source, e)));
        } catch (IOException e) {
            throw new ConfigException(List.of(ConfigProblem.ofFile(source, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check the file and try again")));
        }
    }

    private ObjectNode document() throws IOException {
        if (parser.nextToken() == null) {
            return NODES.objectNode();
        }
        int line = line();
        JsonNode root = value("");
        if (root == null) {
            root = NODES.objectNode();
        }
        if (parser.nextToken() != null) {
            problems.add(ConfigProblem.ofFile(source + " line " + line(), "holds a second YAML document (after ---)",
                    "keep one document per file: remove the --- line and what follows, or merge it into the first"));
        }
        if (root instanceof ObjectNode o) {
            remember("", line);
            return o;
        }
        problems.add(ConfigProblem.ofFile(source + " line " + line, "holds " + Values.kind(root) + " at the top, not keys",
                "start the file with keys such as 'version: 1' or 'backend:', one per line"));
        return NODES.objectNode();
    }

    /**
     * Reads the value whose first token is current; null when it was refused, so that the layer leaves the key out
     * (its default stays) and the refusal is the only message about it.
     */
    private JsonNode value(String path) throws IOException {
        boolean refused = refuseAnchorsAndTags(path);
        JsonNode v = plainValue(path);
        return refused ? null : v;
    }

    private JsonNode plainValue(String path) throws IOException {
        JsonToken t = parser.currentToken();
        return switch (t) {
            case START_OBJECT -> mapping(path);
            case START_ARRAY -> sequence(path);
            case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("YAML parser gave " + t + " where a value starts");
        };
    }

    private ObjectNode mapping(String path) throws IOException {
        ObjectNode o = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = line();
            String child = Values.child(path, key);
            parser.nextToken();
            if (o.has(key)) {
                muted++;
                JsonNode again = plainValue(child);
                muted--;
                problems.add(new ConfigProblem(child, Values.shown(again), "appears twice in this mapping (first on line "
                        + lines.get(child) + ")", "keep one of them", source + " line " + line));
                continue;
            }
            JsonNode v = value(child);
            if (v != null) {
                remember(child, line);
                o.set(key, v);
            }
        }
        return o;
    }

    private ArrayNode sequence(String path) throws IOException {
        ArrayNode a = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String child = path + "[" + a.size() + "]";
            int line = line();
            JsonNode v = value(child);
            if (v != null) {
                remember(child, line);
                a.add(v);
            }
        }
        return a;
    }

    /** Reports an alias, an anchor or an unknown tag on the current token; true when there was one. */
    private boolean refuseAnchorsAndTags(String path) throws IOException {
        String where = source + " line " + line();
        String shown = path.isEmpty() ? "(top)" : path;
        // Jackson gives an anchor as the object id, on mappings and lists only; an anchor on a single value is harmless without an alias.
        Object anchor = parser.getObjectId();
        String tag = parser.getTypeId();
        if (parser.isCurrentAlias()) {
            problems.add(new ConfigProblem(shown, "*" + parser.getText(), "is a YAML alias, which kiosk configuration does not use",
                    "write the value out in full instead of *" + parser.getText(), where));
        } else if (anchor != null) {
            problems.add(new ConfigProblem(shown, "&" + anchor, "carries a YAML anchor, which kiosk configuration does not use",
                    "remove the &" + anchor + " and write repeated values out in full", where));
        } else if (tag != null && !tag.startsWith(STANDARD_TAGS)) {
            problems.add(new ConfigProblem(shown, "!" + tag, "carries a YAML tag the kiosk does not know",
                    "remove the !" + tag + "; quote a value that must stay text, e.g. '0123'", where));
        } else {
            return false;
        }
        return true;
    }

    private void remember(String path, int line) {
        if (muted == 0) {
            lines.put(path, line);
        }
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    /** SnakeYAML's marks read "line N, column M"; the last one in its message is where the problem is. */
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    /** One line naming the place and the parser's complaint, with what usually causes it. */
    static ConfigProblem syntaxError(String source, JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = source;
        Matcher m = MARK.matcher(message);
        JsonLocation at = e.getLocation();
        if (m.find()) {
            do {
                where = source + ", line " + m.group(1) + ", column " + m.group(2);
            } while (m.find());
        } else if (at != null && at.getLineNr() > 0) {
            where = source + ", line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        String complaint = complaint(message);
        return ConfigProblem.ofFile(where, "is not valid YAML: " + complaint, fixFor(complaint));
    }

    /** SnakeYAML writes context, a snippet with a caret, then the problem; the last unindented line is the problem. */
    private static String complaint(String message) {
        String last = "the text cannot be parsed";
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                last = line;
            }
        }
        if (last.contains("(TAB)")) {
            return "a tab character where YAML allows only spaces";
        }
        String oneLine = last.replaceAll("\\p{Cntrl}", "?").strip();
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "..." : oneLine;
    }

    private static String fixFor(String complaint) {
        String c = complaint.toLowerCase(Locale.ROOT);
        if (c.contains("tab character")) {
            return "indent with spaces, never tabs";
        }
        if (c.contains("mapping values are not allowed")) {
            return "put quotes around a value that contains ': ', or check that the key above is indented the same as its neighbours";
        }
        if (c.contains("expected <block end>") || c.contains("could not find expected ':'")) {
            return "indent keys at the same level by the same number of spaces, and follow each key by ': '";
        }
        if (c.contains("end of stream") || c.contains("quoted scalar")) {
            return "close the quote that opens near this place";
        }
        if (c.contains("expected ',' or ']'") || c.contains("expected ',' or '}'")) {
            return "close the [ or { list that opens near this place, with commas between its items";
        }
        return "check the indentation and quoting at this place";
    }
}
