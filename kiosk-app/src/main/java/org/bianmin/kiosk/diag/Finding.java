package org.bianmin.kiosk.diag;

import java.util.Objects;
import org.bianmin.device.DeviceError;

/**
 * What a check found wrong (or worth a warning) and what the technician should do: the typed error with
 * its cause and remedy in Chinese and English, the general texts of {@link DeviceError} refined with
 * what the check learned about the port.
 */
public record Finding(DeviceError error, Text cause, Text remedy) {

    /** One text in the two languages a technician may read. */
    public record Text(String zh, String en) {
        public Text {
            Objects.requireNonNull(zh, "zh");
            Objects.requireNonNull(en, "en");
        }

        /** The text in {@code language} (a BCP-47 tag): English for "en…", Chinese otherwise. */
        public String in(String language) {
            return language != null && language.startsWith("en") ? en : zh;
        }
    }

    public Finding {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(remedy, "remedy");
    }

    /** The general cause and remedy of {@code error}. */
    public static Finding of(DeviceError error) {
        return new Finding(error, new Text(error.technicianCause("zh-CN"), error.technicianCause("en")),
                new Text(error.technicianRemedy("zh-CN"), error.technicianRemedy("en")));
    }

    /** This finding with a cause that names what was seen. */
    public Finding cause(String zh, String en) {
        return new Finding(error, new Text(zh, en), remedy);
    }

    /** This finding with a remedy that names the port, the key or the command. */
    public Finding remedy(String zh, String en) {
        return new Finding(error, cause, new Text(zh, en));
    }
}
