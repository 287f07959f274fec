package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bianmin.config.signing.SignedConfig;

/**
 * The signed layers a kiosk runs, in the order they lie over its provisioned file (fleet, its groups in order, its
 * own), with the groups it was in when it took them: one value, stored whole as one state file, so a kiosk never
 * starts with one layer new and another old.
 *
 * <p>Stored as {@code {"groups":[…],"layers":[envelope,…]}}, each envelope as the admin signed it.
 *
 * @param groups the kiosk's groups, in order, as the fleet service named them with these layers
 * @param layers the envelopes, lowest first, at most one per target
 */
public record SignedLayers(List<String> groups, List<SignedConfig> layers) {
    /** No signed layer: the kiosk runs its provisioned file. */
    public static final SignedLayers NONE = new SignedLayers(List.of(), List.of());
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public SignedLayers {
        groups = List.copyOf(groups);
        layers = List.copyOf(layers);
        if (layers.stream().map(l -> l.target().toString()).distinct().count() != layers.size()) {
            throw new IllegalArgumentException("at most one layer per target: " + layers);
        }
    }

    /** A stored layer set before its envelopes are verified: the groups and each envelope's bytes. */
    record Stored(List<String> groups, List<byte[]> layers) {
    }

    /** The version of {@code target} (e.g. {@code group:xiaoshan-east}) among these layers; 0 when there is none. */
    public long version(String target) {
        return layer(target).map(SignedConfig::version).orElse(0L);
    }

    /** The layer for {@code target}, if there is one. */
    public Optional<SignedConfig> layer(String target) {
        return layers.stream().filter(l -> l.target().toString().equals(target)).findFirst();
    }

    /** Each layer's version by target, lowest layer first. */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        layers.forEach(l -> versions.put(l.target().toString(), l.version()));
        return versions;
    }

    public boolean isEmpty() {
        return layers.isEmpty();
    }

    /** The state file's bytes. */
    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode g = root.putArray("groups");
        groups.forEach(g::add);
        ArrayNode l = root.putArray("layers");
        try {
            for (SignedConfig layer : layers) {
                l.add(JSON.readTree(layer.toJson()));
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a signed envelope's own JSON cannot be read back", e);
        }
    }

    /**
     * Reads a state file's shape, without believing any envelope in it.
     *
     * @throws IOException with one line saying what is wrong with it
     */
    static Stored read(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject() || !root.path("groups").isArray() || !root.path("layers").isArray()) {
            throw new IOException("not a layer set (an object with groups and layers)");
        }
        List<String> groups = new ArrayList<>();
        for (JsonNode g : root.get("groups")) {
            if (!g.isTextual()) {
                throw new IOException("a group that is not a name: " + g);
            }
            groups.add(g.textValue());
        }
        List<byte[]> layers = new ArrayList<>();
        for (JsonNode l : root.get("layers")) {
            layers.add(JSON.writeValueAsBytes(Objects.requireNonNull(l)));
        }
        return new Stored(groups, layers);
    }

    @Override
    public String toString() {
        if (layers.isEmpty()) {
            return "the provisioned config";
        }
        return String.join(", ", layers.stream().map(l -> l.target() + " version " + l.version()).toList());
    }
}
