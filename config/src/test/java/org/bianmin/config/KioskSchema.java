package org.bianmin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The JSON Schema of kiosk.yaml as the config tests read it: the schema file, YAML checked against it, and the key paths of both. */
final class KioskSchema {
    static final Path FILE = Path.of("kiosk.schema.json");

    private static final YAMLMapper YAML = new YAMLMapper();

    private KioskSchema() {
    }

    static JsonNode json() {
        try {
            return new ObjectMapper().readTree(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema compiled(JsonNode schema) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return yaml(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong with {@code document}. */
    static List<Error> errors(JsonNode document) {
        return compiled(json()).validate(document);
    }

    /**
     * The key path an error is about, in the binder's form: devices.idCard.baud, notices[0].zh; the key itself when the key
     * is wrong or missing.
     */
    static String keyPath(Error e) {
        // the location is a JSON Pointer, e.g. /devices/idCard or /notices/0
        String location = e.getInstanceLocation().toString().replaceFirst("^/", "").replaceAll("/([0-9]+)(?=/|$)", "[$1]")
                .replace('/', '.');
        return Set.of("additionalProperties", "propertyNames", "required").contains(e.getKeyword())
                ? Values.child(location, e.getProperty()) : location;
    }

    /** Every key path of a configuration tree, e.g. devices.idCard.baud; the keys of list items show as notices[].zh. */
    static Set<String> keyPaths(JsonNode tree) {
        Set<String> paths = new TreeSet<>();
        collect(tree, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = Values.child(path, e.getKey());
                paths.add(child);
                collect(e.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path + "[]", paths));
        }
    }

    /** Every property path the schema declares, in the same form as {@link #keyPaths}. */
    static Set<String> propertyPaths(JsonNode schema) {
        Set<String> paths = new TreeSet<>();
        collectProperties(schema, "", paths);
        return paths;
    }

    /**
     * The paths of the mappings whose keys the schema names, the top ("") included; below a mapping keyed by data (a
     * service code) the key shows as {@code *}, e.g. guides.*.note.
     */
    static Set<String> mappingPaths(JsonNode schema) {
        Set<String> mappings = new TreeSet<>();
        collectMappings(schema, schema, "", mappings);
        return mappings;
    }

    private static void collectMappings(JsonNode schema, JsonNode node, String path, Set<String> mappings) {
        JsonNode n = resolved(schema, node);
        if (n.has("properties")) {
            mappings.add(path);
        }
        for (Map.Entry<String, JsonNode> e : n.path("properties").properties()) {
            collectMappings(schema, e.getValue(), Values.child(path, e.getKey()), mappings);
        }
        if (n.has("items")) {
            collectMappings(schema, n.get("items"), path + "[]", mappings);
        }
        if (n.path("additionalProperties").isObject()) {
            collectMappings(schema, n.get("additionalProperties"), Values.child(path, "*"), mappings);
        }
    }

    /** The keys the schema allows in the mapping at {@code path}. */
    static Set<String> keysOf(JsonNode schema, String path) {
        Set<String> keys = new TreeSet<>();
        property(schema, path).path("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The schema of the key at {@code path} ({@code *} for any key of a mapping keyed by data); a missing node when there is none. */
    static JsonNode property(JsonNode schema, String path) {
        JsonNode node = schema;
        if (path.isEmpty()) {
            return node;
        }
        for (String key : path.split("\\.")) {
            boolean item = key.endsWith("[]");
            String name = item ? key.substring(0, key.length() - 2) : key;
            node = resolved(schema, node);
            node = name.equals("*") ? node.path("additionalProperties") : node.path("properties").path(name);
            if (item) {
                node = resolved(schema, node).path("items");
            }
        }
        return resolved(schema, node);
    }

    /** {@code node}, or the definition its {@code $ref} names when the keys or items are written there. */
    private static JsonNode resolved(JsonNode schema, JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref") && !n.has("properties") && !n.has("items")) {
            n = schema.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    private static void collectProperties(JsonNode schema, String path, Set<String> paths) {
        for (Map.Entry<String, JsonNode> e : schema.path("properties").properties()) {
            String child = Values.child(path, e.getKey());
            paths.add(child);
            collectProperties(e.getValue(), child, paths);
            if (e.getValue().has("items")) {
                collectProperties(e.getValue().get("items"), child + "[]", paths);
            }
        }
    }
}
