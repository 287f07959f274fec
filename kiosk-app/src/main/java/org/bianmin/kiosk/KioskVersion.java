package org.bianmin.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kiosk software's version, as the build wrote it: reported in heartbeats and shown to technicians. */
public final class KioskVersion {
    private static final String RESOURCE = "version.properties";
    private static final String UNKNOWN = "unknown";
    private static final String VERSION = read();

    private KioskVersion() {}

    /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the program was not built by Maven. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = KioskVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN).strip();
            return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
