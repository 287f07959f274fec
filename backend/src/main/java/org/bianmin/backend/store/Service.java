package org.bianmin.backend.store;

import java.util.regex.Pattern;

/**
 * A service a kiosk can offer, e.g. 社保参保证明打印, with its guide.
 *
 * @param code       stable machine name, lower-case letters, digits and hyphens
 * @param name       the name shown on the kiosk's home screen
 * @param department the department that provides it, e.g. 人力资源和社会保障局
 */
public record Service(String code, String name, String department, Guide guide) {
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public Service {
        Checks.matches("code", code, CODE, "must be 2 to 64 lower-case letters, digits or hyphens");
        Checks.text("name", name, 200);
        Checks.text("department", department, 200);
        Checks.present("guide", guide);
    }
}
