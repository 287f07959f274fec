package org.bianmin.config;

import java.util.List;

/**
 * A configuration the kiosk cannot run with, carrying every problem found at once so one edit can fix them all.
 * The message is a heading line followed by one line per problem; no stack trace is meant to reach anyone.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems in the order they were found: file by file, then key by key from the top. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<ConfigProblem> problems) {
        StringBuilder b = new StringBuilder(problems.size() == 1
                ? "The kiosk configuration has a problem:"
                : "The kiosk configuration has " + problems.size() + " problems:");
        for (ConfigProblem p : problems) {
            b.append("\n  ").append(p);
        }
        return b.toString();
    }
}
