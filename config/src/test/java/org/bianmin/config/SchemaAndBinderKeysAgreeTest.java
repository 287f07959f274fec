package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON Schema and the strict binder know the same keys: a key added to one and not the other fails here, named by its path. */
class SchemaAndBinderKeysAgreeTest {
    /** A key no mapping has and none is close to, so the binder lists the keys it knows instead of guessing one. */
    private static final String STRANGER = "qqqqqqqqqqqqqqqqqqqq";
    /** Stands for the key of a mapping keyed by service code. */
    private static final String SERVICE = "si-participation-certificate";

    @Test
    void everyKeyOfTheBundledDefaultsIsInTheSchema() {
        Set<String> missing = minus(KioskSchema.keyPaths(KioskSchema.yaml(Path.of("kiosk.yaml"))), KioskSchema.propertyPaths(KioskSchema.json()));
        assertTrue(missing.isEmpty(), () -> "keys in kiosk.yaml but not in kiosk.schema.json: " + missing);
    }

    @Test
    void everyKeyOfTheSchemaIsInTheBundledDefaults() {
        Set<String> missing = minus(KioskSchema.propertyPaths(KioskSchema.json()), KioskSchema.keyPaths(KioskSchema.yaml(Path.of("kiosk.yaml"))));
        assertTrue(missing.isEmpty(), () -> "keys in kiosk.schema.json but not in kiosk.yaml: " + missing);
    }

    @Test
    void theBinderKnowsExactlyTheKeysTheSchemaAllowsInEveryMapping() {
        JsonNode schema = KioskSchema.json();
        Map<String, String> disagreements = new TreeMap<>();
        for (String mapping : KioskSchema.mappingPaths(schema)) {
            Set<String> bySchema = KioskSchema.keysOf(schema, mapping);
            Set<String> byBinder = keysTheBinderKnows(mapping);
            if (!bySchema.equals(byBinder)) {
                disagreements.put(mapping.isEmpty() ? "(top)" : mapping, "only the schema: " + minus(bySchema, byBinder)
                        + ", only the binder: " + minus(byBinder, bySchema));
            }
        }
        assertTrue(disagreements.isEmpty(), disagreements::toString);
    }

    @Test
    void theMappingsBelowAServiceCodeAreComparedToo() {
        assertTrue(KioskSchema.mappingPaths(KioskSchema.json()).containsAll(Set.of("guides.*", "guides.*.note", "guides.*.materials[]")),
                () -> "mappings compared: " + KioskSchema.mappingPaths(KioskSchema.json()));
    }

    @Test
    void aKeyOnlyInTheSchemaIsNamedByItsPath() {
        ObjectNode schema = (ObjectNode) KioskSchema.json();
        ObjectNode idCard = (ObjectNode) KioskSchema.property(schema, "devices.idCard");
        ((ObjectNode) idCard.get("properties")).putObject("parity").put("enum", "even");

        Set<String> missing = minus(KioskSchema.propertyPaths(schema), KioskSchema.keyPaths(KioskSchema.yaml(Path.of("kiosk.yaml"))));

        assertEquals(Set.of("devices.idCard.parity"), missing);
    }

    /**
     * The keys the binder lists when it refuses an unknown key in the mapping at {@code mapping} (notices[] for a notice,
     * guides.* for any service's guide).
     */
    private static Set<String> keysTheBinderKnows(String mapping) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode probe = f.objectNode();
        probe.put(STRANGER, 1);
        String binderPath = mapping.replace("[]", "[0]").replace("*", SERVICE);
        if (KioskSchema.keysOf(KioskSchema.json(), mapping).contains("zh")) {
            // a text in two languages needs its Chinese before the binder gets to the stranger
            probe.put("zh", "公告");
        }
        JsonNode tree = probe;
        String[] keys = mapping.isEmpty() ? new String[0] : mapping.split("\\.");
        for (int i = keys.length - 1; i >= 0; i--) {
            String key = keys[i].replace("*", SERVICE);
            ObjectNode parent = f.objectNode();
            if (key.endsWith("[]")) {
                parent.putArray(key.substring(0, key.length() - 2)).add(tree);
            } else {
                parent.set(key, tree);
            }
            tree = parent;
        }
        ConfigProblem p = ConfigFixtures.theOneProblemIn(tree.toString());
        assertEquals(Values.child(binderPath, STRANGER), p.path(), p::toString);
        String list = p.fix().substring(p.fix().indexOf(" are ") + " are ".length());
        return new TreeSet<>(Arrays.asList(list.split(", ")));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
