package org.bianmin.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found while reading one configuration, each placed in the file and on the line that set it. */
final class Problems {
    private final MergedTree tree;
    private final List<ConfigProblem> found;

    Problems(MergedTree tree, List<ConfigProblem> earlier) {
        this.tree = tree;
        this.found = new ArrayList<>(earlier);
    }

    void add(String path, String shown, String problem, String fix) {
        found.add(new ConfigProblem(path, shown, problem, fix, tree.origin(path).map(Origin::toString).orElse("")));
    }

    /** The directory relative paths at {@code path} resolve against: that of the file that set it. */
    Path baseDir(String path) {
        return tree.origin(path).map(Origin::baseDir).orElseGet(() -> Path.of("").toAbsolutePath());
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }
}
