package org.bianmin.kiosk.backend;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendProcessTest {
    @TempDir
    Path home;

    @Test
    void aBackendThatIsNotBuiltIsReportedWithHowToBuildIt() {
        String givenHome = System.getProperty("kiosk.home");
        String givenClassPath = System.getProperty(BackendProcess.CLASSPATH_PROPERTY);
        System.setProperty("kiosk.home", home.toString());
        System.clearProperty(BackendProcess.CLASSPATH_PROPERTY);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BackendProcess.start(home.resolve("data")));

            assertTrue(e.getMessage().startsWith("the backend is not built"), e.getMessage());
            assertTrue(e.getMessage().contains("build it first"), e.getMessage());
        } finally {
            restore("kiosk.home", givenHome);
            restore(BackendProcess.CLASSPATH_PROPERTY, givenClassPath);
        }
    }

    @Test
    void extraArgumentsReachTheBackendAfterItsOwn() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BackendProcess.start(home.resolve("data"), List.of("--identify-burst", "0")));

        assertTrue(e.getMessage().contains("--identify-burst must be at least 1, was 0"), e.getMessage());
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
