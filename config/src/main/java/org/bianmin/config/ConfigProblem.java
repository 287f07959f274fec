package org.bianmin.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration, phrased for the admin or technician who has to fix it.
 *
 * <p>A problem with a key reads {@code path: value — problem; fix (where)}, e.g.
 * {@code devices.idCard.baud: 11520 — is not a standard baud rate; use one of 9600, …, 115200 (kiosk.yaml line 14)}.
 * A problem with a whole file (unreadable, not YAML) has no path and reads {@code where: problem; fix}.
 *
 * @param path    the key, dotted from the top with list items as {@code [i]}, e.g. {@code trustAnchors[0]}; empty for a whole file
 * @param value   the value as written, shortened; empty for a whole file
 * @param problem what is wrong
 * @param fix     what to do about it
 * @param where   the file (and line) that set the value, e.g. {@code /etc/bianmin/kiosk.yaml line 12}; empty when unknown
 */
public record ConfigProblem(String path, String value, String problem, String fix, String where) {

    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(where, "where");
    }

    /** A problem with a whole file rather than one key. */
    static ConfigProblem ofFile(String where, String problem, String fix) {
        return new ConfigProblem("", "", problem, fix, where);
    }

    /** The one-line message. */
    @Override
    public String toString() {
        if (path.isEmpty()) {
            return where + ": " + problem + "; " + fix;
        }
        return path + ": " + value + " — " + problem + "; " + fix + (where.isEmpty() ? "" : " (" + where + ")");
    }
}
