package org.bianmin.kiosk.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The running demo's admin token and sample key, in a small file that {@code ./kiosk admin} reads while the demo's
 * process lives, so {@code ./kiosk admin push --to kiosk:demo-kiosk-01 FILE} needs neither {@code --token} nor
 * {@code --key}. Written only when the demo's backend is on the port the admin commands use by default; removed when
 * the demo ends. Lines are {@code name=value}: pid, token, key.
 */
final class DemoAdminDefaults implements AutoCloseable {
    static final String FILE_NAME = "admin-defaults";

    private final Path file;

    private DemoAdminDefaults(Path file) {
        this.file = file;
    }

    /** Writes the file into {@code dir} for this process; a file that cannot be written only costs the shortcut. */
    static DemoAdminDefaults write(Path dir, String token, Path key) throws IOException {
        Objects.requireNonNull(token, "token");
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, "# ./kiosk demo is running: ./kiosk admin uses these when given no --token\n"
                + "pid=" + ProcessHandle.current().pid() + "\n"
                + "token=" + token + "\n"
                + "key=" + key.toAbsolutePath() + "\n", StandardCharsets.UTF_8);
        return new DemoAdminDefaults(file);
    }

    /** No file of this process's own: closing it must not remove another demo's file. */
    static DemoAdminDefaults none() {
        return new DemoAdminDefaults(null);
    }

    /** Whether the file was written, so the admin commands need no token or key. */
    boolean written() {
        return file != null;
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind, it names a process that has ended, and ./kiosk admin ignores it then
        }
    }
}
