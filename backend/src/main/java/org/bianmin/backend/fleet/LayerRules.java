package org.bianmin.backend.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.bianmin.config.signing.ConfigTarget;

/**
 * What a pushed layer may set beyond what the configuration schema allows: a kiosk's identity belongs to the kiosk, so
 * only its own layer may name it, and then only with its own id. The admin tool checks this before signing and the
 * backend again before it stores a push.
 */
public final class LayerRules {
    private LayerRules() {
    }

    /** The one-line problem with {@code layer} as a layer for {@code target}, if any. */
    public static Optional<String> problem(ObjectNode layer, ConfigTarget target) {
        JsonNode kioskId = layer.path("identity").path("kioskId");
        if (kioskId.isMissingNode()) {
            return Optional.empty();
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

    private static String shown(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 64 ? text.substring(0, 61) + "..." : text;
    }
}
