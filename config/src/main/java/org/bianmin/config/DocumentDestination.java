package org.bianmin.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where A4 documents go: a CUPS queue, or a directory the simulated printer writes each PDF into. */
public sealed interface DocumentDestination {

    /** A CUPS print queue by name, e.g. {@code KioskPDF}. */
    record CupsQueue(String name) implements DocumentDestination {
        public CupsQueue {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The simulator's spool: each PDF printed lands in {@code directory} (absolute). */
    record Spool(Path directory) implements DocumentDestination {
        public Spool {
            Objects.requireNonNull(directory, "directory");
        }
    }
}
