package org.bianmin.kiosk.fleet;

import java.util.List;
import java.util.Objects;

/**
 * One answer of the fleet service to "what should this kiosk run?": the kiosk's groups in order and the signed layers
 * as the admins signed them, none of them believed yet (the applier verifies each).
 *
 * @param etag   names this answer; the kiosk sends it back as {@code known} in its next long-poll
 * @param groups the kiosk's groups in order; group layers are accepted for these
 * @param layers each layer's envelope, as bytes
 */
public record DesiredLayers(String etag, List<String> groups, List<byte[]> layers) {

    public DesiredLayers {
        Objects.requireNonNull(etag, "etag");
        groups = List.copyOf(groups);
        layers = List.copyOf(layers);
    }
}
