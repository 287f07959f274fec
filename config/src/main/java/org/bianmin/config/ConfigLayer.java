package org.bianmin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source of configuration, ready to be laid over others ({@link MergedTree}): its YAML tree, its name, the
 * directory its relative paths resolve against, the line of each key, and what was wrong with its YAML short of
 * a syntax error (duplicate keys, anchors, tags), which is reported together with everything else.
 *
 * @param source   how messages name it: a file path, {@code bundled defaults}, {@code set by program}
 * @param baseDir  the directory relative paths in it resolve against
 * @param tree     its mappings, values and lists
 * @param lines    the 1-based line of each path in the source; empty for values set by program
 * @param problems what the reader refused while building {@code tree}
 */
public record ConfigLayer(String source, Path baseDir, ObjectNode tree, Map<String, Integer> lines, List<ConfigProblem> problems) {

    /** The name of layers made by {@link #ofValues}. */
    public static final String SET_BY_PROGRAM = "set by program";

    public ConfigLayer {
        Objects.requireNonNull(source, "source");
        baseDir = baseDir.toAbsolutePath().normalize();
        tree = tree.deepCopy();
        lines = Map.copyOf(lines);
        problems = List.copyOf(problems);
    }

    /** A copy: a layer does not change once read. */
    @Override
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** Reads a YAML file; its relative paths resolve against its own directory. */
    public static ConfigLayer fromFile(Path file) throws ConfigException {
        Path abs = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(abs);
        } catch (NoSuchFileException e) {
            throw fileProblem(abs, "does not exist", "give the path of the kiosk's configuration file, e.g. config/kiosk.yaml");
        } catch (AccessDeniedException e) {
            throw fileProblem(abs, "cannot be read (permission denied)", "let the kiosk's user read it: chmod o+r, or chown it");
        } catch (CharacterCodingException e) {
            throw fileProblem(abs, "is not UTF-8 text", "save it as UTF-8 (without a byte order mark is best)");
        } catch (IOException e) {
            String why = Files.isDirectory(abs) ? "is a directory" : "cannot be read (" + e.getClass().getSimpleName() + ")";
            throw fileProblem(abs, why, "give the path of a YAML file, e.g. config/kiosk.yaml");
        }
        Path dir = abs.getParent() != null ? abs.getParent() : abs;
        return fromYaml(abs.toString(), dir, text);
    }

    /**
     * Reads YAML text.
     *
     * @throws ConfigException when it is not YAML, naming the line and column
     */
    public static ConfigLayer fromYaml(String source, Path baseDir, String yaml) throws ConfigException {
        return YamlTree.read(source, baseDir, yaml);
    }

    /**
     * A layer of single values by dotted path, e.g. {@code backend.url → "http://localhost:41234"}. Values are
     * text, numbers, booleans, null, {@link Path}, {@link java.net.URI} (as text), {@link Duration} (as whole
     * seconds), and lists and maps of these.
     */
    public static ConfigLayer ofValues(String source, Path baseDir, Map<String, ?> values) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        values.forEach((path, value) -> {
            if (path == null || !path.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
                throw new IllegalArgumentException("'" + path + "' is not a dotted key path such as backend.url");
            }
            String[] keys = path.split("\\.");
            ObjectNode at = root;
            for (int i = 0; i < keys.length - 1; i++) {
                JsonNode next = at.get(keys[i]);
                at = next instanceof ObjectNode o ? o : at.putObject(keys[i]);
            }
            at.set(keys[keys.length - 1], node(value));
        });
        return new ConfigLayer(source, baseDir, root, Map.of(), List.of());
    }

    private static JsonNode node(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (value) {
            case null -> f.nullNode();
            case String s -> f.textNode(s);
            case Boolean b -> f.booleanNode(b);
            case Integer i -> f.numberNode(i);
            case Long l -> f.numberNode(l);
            case Double d -> f.numberNode(d);
            case Path p -> f.textNode(p.toString());
            case java.net.URI u -> f.textNode(u.toString());
            case Duration d when d.toMillis() % 1000 == 0 -> f.numberNode(d.toSeconds());
            case Collection<?> c -> {
                var array = f.arrayNode();
                c.forEach(v -> array.add(node(v)));
                yield array;
            }
            case Map<?, ?> m -> {
                ObjectNode o = f.objectNode();
                m.forEach((k, v) -> o.set(String.valueOf(k), node(v)));
                yield o;
            }
            default -> throw new IllegalArgumentException(value.getClass().getSimpleName() + " " + value
                    + " cannot be a configuration value; give text, a number, a boolean, a whole-second Duration, a list or a map");
        };
    }

    private static ConfigException fileProblem(Path file, String problem, String fix) {
        return new ConfigException(List.of(ConfigProblem.ofFile(file.toString(), problem, fix)));
    }
}
