package org.bianmin.config.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.bianmin.config.ConfigLayer;

/** Signed envelopes for tests: an admin's key, a small real configuration, and envelopes edited after signing. */
final class Envelopes {
    static final AdminKeyPair ADMIN = AdminKeyPair.generate();
    static final AdminKeyPair OTHER_ADMIN = AdminKeyPair.generate();
    static final Instant ISSUED = Instant.parse("2025-03-01T08:30:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /** A configuration as an admin writes it, Chinese text and all. */
    static ObjectNode config() {
        return ConfigLayer.fromYaml("test", Path.of("."), """
                identity:
                  displayName:
                    zh: 萧山区便民服务中心
                session:
                  timeouts:
                    home: 90
                languages:
                  available: [zh-CN, en]
                """).tree();
    }

    static SignedConfig signed(ConfigTarget target, long version) {
        return SignedConfig.sign(config(), target, version, ISSUED, ADMIN.privateKey());
    }

    /** The JSON of {@code envelope} after {@code edit} changed it. */
    static byte[] edited(SignedConfig envelope, Consumer<ObjectNode> edit) {
        ObjectNode tree = tree(envelope.toJson());
        edit.accept(tree);
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode tree(byte[] json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
