package org.bianmin.kiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file that lets {@code ./kiosk admin} use the running demo's token and key: what it says, and that it goes. */
class DemoAdminDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void theFileNamesThisProcessTheTokenAndTheKeyAndIsRemovedOnClose() throws IOException {
        Path key = dir.resolve("demo-admin-key.pem");
        try (DemoAdminDefaults defaults = DemoAdminDefaults.write(dir, "demo-admin-token", key)) {
            assertTrue(defaults.written());
            List<String> lines = Files.readAllLines(dir.resolve(DemoAdminDefaults.FILE_NAME), StandardCharsets.UTF_8);
            assertEquals(List.of("pid=" + ProcessHandle.current().pid(), "token=demo-admin-token", "key=" + key.toAbsolutePath()),
                    lines.stream().filter(l -> !l.startsWith("#")).toList());
        }
        assertFalse(Files.exists(dir.resolve(DemoAdminDefaults.FILE_NAME)));
    }

    @Test
    void withoutAFileOfItsOwnClosingLeavesAnotherDemosFileAlone() throws IOException {
        Path other = Files.writeString(dir.resolve(DemoAdminDefaults.FILE_NAME), "pid=1\n");
        DemoAdminDefaults none = DemoAdminDefaults.none();
        assertFalse(none.written());
        none.close();
        assertTrue(Files.exists(other));
    }
}
