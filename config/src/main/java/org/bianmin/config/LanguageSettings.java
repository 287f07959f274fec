package org.bianmin.config;

import java.util.List;
import java.util.Objects;

/**
 * The languages a visit can use.
 *
 * @param defaultLanguage the language tag a visit starts in, one of {@code available}
 * @param available       the tags a citizen can switch to, in the order shown
 */
public record LanguageSettings(String defaultLanguage, List<String> available) {

    /** The languages the kiosk has texts for. */
    public static final List<String> SUPPORTED = List.of("zh-CN", "en");

    public LanguageSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        available = List.copyOf(available);
    }
}
