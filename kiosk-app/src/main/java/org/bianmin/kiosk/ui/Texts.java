package org.bianmin.kiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.visit.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' words in one language, from {@code messages.properties} (English) or
 * {@code messages_zh_CN.properties}, read as UTF-8 with no fallback between them: a key missing in
 * one language shows as the key and is recorded, never silently in the other language.
 */
public final class Texts {
    private static final Logger log = LoggerFactory.getLogger(Texts.class);
    private static final String BUNDLE = "/org/bianmin/kiosk/ui/messages";

    private final Language language;
    private final Properties words;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();

    private Texts(Language language, Properties words) {
        this.language = language;
        this.words = words;
    }

    public static Texts of(Language language) {
        return new Texts(language, load(resource(language)));
    }

    /** The bundle file of a language, e.g. {@code /org/bianmin/kiosk/ui/messages_zh_CN.properties}. */
    public static String resource(Language language) {
        return BUNDLE + (language == Language.EN ? "" : "_" + language.locale()) + ".properties";
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message bundle " + resource + " is missing from the class path");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message bundle " + resource, e);
        }
        return p;
    }

    public Language language() {
        return language;
    }

    /** The text of {@code key}; the key itself (and a log line) if this language lacks it. */
    public String get(String key) {
        String v = words.getProperty(key);
        if (v == null) {
            if (missing.add(key)) {
                log.warn("no {} text for key {}", language, key);
            }
            return key;
        }
        return v;
    }

    /** {@link MessageFormat} over the text of {@code key} (write '' for an apostrophe in such texts). */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), language.locale()).format(args);
    }

    /** Data the backend sends in Chinese, with an English text under {@code key} in the English bundle. */
    public String translated(String key, String backendText) {
        if (language == Language.ZH_CN) {
            return backendText;
        }
        return Optional.ofNullable(words.getProperty(key)).orElse(backendText);
    }

    /** The service's name: the backend's in Chinese, {@code service.<code>} in English when there is one. */
    public String serviceName(ServiceInfo s) {
        return translated("service." + s.code(), s.name());
    }

    public String department(ServiceInfo s) {
        return translated("service." + s.code() + ".department", s.department());
    }

    public String indicator(IndicatorSet.Indicator i) {
        return translated("indicator." + i.code(), i.label());
    }

    /** The device's own plain-words message in this language. */
    public String deviceError(DeviceError e) {
        return e.citizenMessage(language.code());
    }

    /** Keys asked for that this language lacks (empty when the bundles are complete). */
    public Set<String> missingKeys() {
        return Set.copyOf(missing);
    }
}
