package org.bianmin.config;

import java.nio.file.Path;

/**
 * Where a value of the merged configuration came from: which layer set it last, on which line.
 *
 * @param source  the layer's name, e.g. a file path, {@code bundled defaults} or {@code set by program}
 * @param baseDir the directory the layer's relative paths resolve against
 * @param line    1-based line in the source; 0 when it has no lines
 */
public record Origin(String source, Path baseDir, int line) {

    /** E.g. {@code /etc/bianmin/kiosk.yaml line 12}. */
    @Override
    public String toString() {
        return line > 0 ? source + " line " + line : source;
    }
}
