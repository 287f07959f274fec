package org.bianmin.backend.store;

import java.util.regex.Pattern;

/**
 * A kiosk the backend knows: its id (as used in API paths) and a display name.
 *
 * @param id   lower-case letters, digits and hyphens, 3 to 64 characters, e.g. {@code demo-kiosk-01}
 * @param name where the kiosk stands, e.g. 城关镇便民服务中心
 */
public record Kiosk(String id, String name) {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    public Kiosk {
        checkId(id);
        Checks.text("name", name, 200);
    }

    /** Checks a kiosk id from a request path or the command line. */
    public static String checkId(String id) {
        return Checks.matches("kioskId", id, ID, "must be 3 to 64 lower-case letters, digits or hyphens, starting with a letter or digit");
    }
}
