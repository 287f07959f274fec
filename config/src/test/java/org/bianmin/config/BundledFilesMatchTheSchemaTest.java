package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The documented defaults and the demo profile are valid layers by the JSON Schema an admin's editor checks them with. */
class BundledFilesMatchTheSchemaTest {

    @Test
    void theSchemaIsDraft2020_12() {
        assertEquals("https://json-schema.org/draft/2020-12/schema", KioskSchema.json().path("$schema").asText());
    }

    @Test
    void theBundledDefaultsAreValidByTheSchema() {
        var errors = KioskSchema.errors(KioskSchema.yaml(Path.of("kiosk.yaml")));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void theDemoProfileIsValidByTheSchema() {
        var errors = KioskSchema.errors(KioskSchema.yaml(Path.of("kiosk-demo.yaml")));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void everyKeyOfTheSchemaHasADescription() {
        var schema = KioskSchema.json();
        var undescribed = KioskSchema.propertyPaths(schema).stream()
                .filter(p -> KioskSchema.property(schema, p).path("description").asText().isBlank()).toList();
        assertTrue(undescribed.isEmpty(), () -> "keys without a description: " + undescribed);
    }
}
