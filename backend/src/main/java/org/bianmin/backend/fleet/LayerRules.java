package org.bianmin.backend.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bianmin.config.signing.ConfigTarget;

/**
 * What a pushed layer may set beyond what the configuration schema allows: a kiosk's identity belongs to the kiosk, so
 * only its own layer may name it, and then only with its own id; a file it names is named by its absolute path on the
 * kiosks. The admin tool checks this before signing and the backend again before it stores a push.
 */
public final class LayerRules {
    private LayerRules() {
    }

    /** The one-line problem with {@code layer} as a layer for {@code target}, if any. */
    public static Optional<String> problem(ObjectNode layer, ConfigTarget target) {
        JsonNode kioskId = layer.path("identity").path("kioskId");
        if (kioskId.isMissingNode()) {
            return relativeFile(layer);
        }
        if (target instanceof ConfigTarget.Kiosk k) {
            if (kioskId.isTextual() && kioskId.textValue().equals(k.id())) {
                return Optional.empty();
            }
            return Optional.of("identity.kioskId: " + shown(kioskId) + " — is not the id of kiosk " + k.id()
                    + ", which this layer is for; remove identity.kioskId from the file (the kiosk keeps its own)");
        }
        return Optional.of("identity.kioskId: " + shown(kioskId) + " — would give every kiosk of " + target
                + " the same id; remove identity.kioskId from the file (each kiosk keeps its own)");
    }

    /**
     * A file a pushed layer names by a relative path: the kiosk would look for it from wherever its process started, so
     * a layer names each file by the absolute path it has on the kiosks.
     */
    private static Optional<String> relativeFile(ObjectNode layer) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        files.put("backend.tokenFile", layer.path("backend").path("tokenFile"));
        list(files, "backend.caCertificates", layer.path("backend").path("caCertificates"));
        list(files, "trustAnchors", layer.path("trustAnchors"));
        return files.entrySet().stream()
                .filter(e -> e.getValue().isTextual() && !e.getValue().textValue().startsWith("/"))
                .findFirst()
                .map(e -> e.getKey() + ": " + shown(e.getValue()) + " — is a relative path; in a pushed layer write the absolute "
                        + "path the file has on the kiosks, e.g. /etc/bianmin/" + shown(e.getValue()).substring(shown(e.getValue()).lastIndexOf('/') + 1));
    }

    private static void list(Map<String, JsonNode> files, String path, JsonNode items) {
        for (int i = 0; i < items.size(); i++) {
            files.put(path + "[" + i + "]", items.get(i));
        }
    }

    private static String shown(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 64 ? text.substring(0, 61) + "..." : text;
    }
}
