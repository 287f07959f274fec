package org.bianmin.kiosk.fleet;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.bianmin.config.KioskConfig;

/** The top-level parts of a kiosk's configuration, by the key an admin writes, so an apply can say what it changed. */
public enum ConfigSection {
    IDENTITY("identity", KioskConfig::identity),
    BACKEND("backend", KioskConfig::backend),
    DEVICES("devices", KioskConfig::devices),
    SERVICES("services", KioskConfig::services),
    GUIDES("guides", KioskConfig::guides),
    SESSION("session", KioskConfig::session),
    LANGUAGES("languages", KioskConfig::languages),
    NOTICES("notices", KioskConfig::notices),
    TRUST_ANCHORS("trustAnchors", KioskConfig::trustAnchors),
    MAINTENANCE("maintenance", KioskConfig::maintenance),
    FLEET("fleet", KioskConfig::fleet);

    private final String key;
    private final Function<KioskConfig, Object> part;

    ConfigSection(String key, Function<KioskConfig, Object> part) {
        this.key = key;
        this.part = part;
    }

    /** The key in kiosk.yaml, e.g. {@code trustAnchors}. */
    public String key() {
        return key;
    }

    /** The sections whose values differ between two configurations (the version aside). */
    public static Set<ConfigSection> changed(KioskConfig before, KioskConfig after) {
        Set<ConfigSection> changed = EnumSet.noneOf(ConfigSection.class);
        for (ConfigSection s : values()) {
            if (!Objects.equals(s.part.apply(before), s.part.apply(after))) {
                changed.add(s);
            }
        }
        return changed;
    }
}
