package org.bianmin.backend.fleet;

import java.util.List;

/**
 * The layers one kiosk should run, in the order they lie over one another: fleet, its groups in order, its own.
 *
 * @param etag   names this set (groups and every layer's target and version); a kiosk sends it back as {@code known}
 * @param groups the kiosk's groups in order; the kiosk accepts group layers for these
 * @param layers only the targets that have a version for this kiosk
 */
public record Desired(String etag, List<String> groups, List<Layer> layers) {

    /** One layer: a target and the version of it the kiosk should run. */
    public record Layer(String target, long version) {
    }

    /** The version of {@code target} this kiosk should run, 0 when none. */
    public long version(String target) {
        return layers.stream().filter(l -> l.target().equals(target)).mapToLong(Layer::version).findFirst().orElse(0);
    }
}
