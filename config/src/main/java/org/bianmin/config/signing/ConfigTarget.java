package org.bianmin.config.signing;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whom a desired configuration is for, as written in a signed envelope and on the admin's command line:
 * {@code kiosk:ID}, {@code group:NAME} or {@code fleet}.
 */
public sealed interface ConfigTarget permits ConfigTarget.Kiosk, ConfigTarget.Group, ConfigTarget.Fleet {

    /** Kiosk ids and group names alike: 3 to 64 lower-case letters, digits and hyphens, as identity.kioskId allows. */
    Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    /** The whole fleet. */
    ConfigTarget FLEET = new Fleet();

    /** True when a kiosk with this id, in these groups, is one this configuration is for. */
    boolean covers(String kioskId, Set<String> groups);

    /** One kiosk, by its identity.kioskId. */
    record Kiosk(String id) implements ConfigTarget {
        public Kiosk {
            requireName(id, "kiosk");
        }

        @Override
        public boolean covers(String kioskId, Set<String> groups) {
            return id.equals(kioskId);
        }

        @Override
        public String toString() {
            return "kiosk:" + id;
        }
    }

    /** Every kiosk in a group. */
    record Group(String name) implements ConfigTarget {
        public Group {
            requireName(name, "group");
        }

        @Override
        public boolean covers(String kioskId, Set<String> groups) {
            return groups.contains(name);
        }

        @Override
        public String toString() {
            return "group:" + name;
        }
    }

    /** Every kiosk. */
    record Fleet() implements ConfigTarget {
        @Override
        public boolean covers(String kioskId, Set<String> groups) {
            return true;
        }

        @Override
        public String toString() {
            return "fleet";
        }
    }

    /**
     * Reads {@code kiosk:ID}, {@code group:NAME} or {@code fleet}.
     *
     * @throws SigningException saying what a target looks like
     */
    static ConfigTarget parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("fleet")) {
            return FLEET;
        }
        if (text.startsWith("kiosk:")) {
            return new Kiosk(text.substring("kiosk:".length()));
        }
        if (text.startsWith("group:")) {
            return new Group(text.substring("group:".length()));
        }
        throw new SigningException("'" + Messages.shown(text) + "' is not a config target; write kiosk:ID, group:NAME or fleet, "
                + "e.g. kiosk:township-hall-01");
    }

    private static void requireName(String name, String kind) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SigningException("'" + kind + ":" + Messages.shown(String.valueOf(name)) + "' is not a config target: a " + kind
                    + (kind.equals("kiosk") ? " id" : " name") + " is 3 to 64 lower-case letters, digits and hyphens, starting "
                    + "with a letter or digit, e.g. " + kind + ":" + (kind.equals("kiosk") ? "township-hall-01" : "xiaoshan-east"));
        }
    }
}
