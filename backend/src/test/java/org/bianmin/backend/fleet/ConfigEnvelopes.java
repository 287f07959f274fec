package org.bianmin.backend.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;

/** Signed layers for tests: two admins' keys, small real layers, and envelopes edited after signing. */
public final class ConfigEnvelopes {
    public static final AdminKeyPair ADMIN = AdminKeyPair.generate();
    public static final AdminKeyPair OTHER = AdminKeyPair.generate();
    public static final Instant ISSUED = Instant.parse("2026-03-02T01:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigEnvelopes() {
    }

    /** A layer from YAML text. */
    public static ObjectNode layer(String yaml) {
        return ConfigLayer.fromYaml("test layer", Path.of("."), yaml).tree();
    }

    /** A layer that sets the Home screen's timeout. */
    public static ObjectNode homeTimeout(int seconds) {
        return layer("session:\n  timeouts:\n    home: " + seconds + "\n");
    }

    /** {@code layer} for {@code target} as {@code version}, signed by {@link #ADMIN}. */
    public static byte[] signed(String target, long version, ObjectNode layer) {
        return signed(target, version, layer, ADMIN);
    }

    public static byte[] signed(String target, long version, ObjectNode layer, AdminKeyPair key) {
        return SignedConfig.sign(layer, ConfigTarget.parse(target), version, ISSUED, key.privateKey()).toJson();
    }

    /** The JSON of an envelope after {@code edit} changed it. */
    public static byte[] edited(byte[] envelope, Consumer<ObjectNode> edit) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(envelope);
            edit.accept(tree);
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string literal of {@code text}, for request bodies. */
    public static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
