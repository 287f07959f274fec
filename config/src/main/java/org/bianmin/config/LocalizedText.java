package org.bianmin.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A text the kiosk shows in the citizen's language: Chinese always, English when given.
 *
 * @param zh the Chinese text
 * @param en the English text; absent means the Chinese is shown to English readers too
 */
public record LocalizedText(String zh, Optional<String> en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The text for a language tag such as {@code zh-CN} or {@code en}. */
    public String in(String languageTag) {
        return languageTag.startsWith("en") ? en.orElse(zh) : zh;
    }
}
