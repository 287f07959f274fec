package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One start-up shows every problem in every file, so a technician fixes them all in one visit. */
class AllProblemsAtOnceTest {

    @TempDir
    Path dir;

    @Test
    void everyProblemInTheFileIsReportedInOneExceptionInFileOrder() {
        Path kiosk = write(dir, "kiosk.yaml", """
                identity:
                  kioskId: X
                backend:
                  url: gopher://old-host
                  retries: 4
                  retries: 5
                devices:
                  idCard:
                    baud: 11520
                  qrScanner:
                    protocol: zebra
                  receiptPrinter:
                    width: 76
                session:
                  elderFactor: 1
                  timeout: {}
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(kiosk));

        List<String> paths = e.problems().stream().map(ConfigProblem::path).toList();
        assertEquals(List.of("backend.retries", "identity.kioskId", "backend.url", "devices.idCard.baud", "devices.qrScanner.protocol",
                "devices.receiptPrinter.width", "session.elderFactor", "session.timeout"), paths);
        assertTrue(e.problems().get(0).problem().contains("appears twice in this mapping (first on line 5)"), e::getMessage);
        assertTrue(e.getMessage().startsWith("The kiosk configuration has 8 problems:\n  backend.retries: 5 — appears twice"), e::getMessage);
        assertEquals(9, e.getMessage().lines().count(), "a heading and one line per problem");
    }

    @Test
    void problemsInSeveralFilesAreReportedTogether() {
        Path group = write(dir, "group.yaml", "backend:\n  retries: -1\n");
        Path kiosk = write(dir, "kiosk.yaml", "devices:\n  idCard:\n    simulated: maybe\n");

        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(group, kiosk));

        assertEquals(List.of(group + " line 2", kiosk + " line 3"), e.problems().stream().map(ConfigProblem::where).toList());
    }

    @Test
    void syntaxErrorsInSeveralFilesAreReportedTogether() {
        Path one = write(dir, "one.yaml", "backend:\n\turl: x\n");
        Path two = write(dir, "two.yaml", "services: [a, b\n");

        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(one, two));

        assertEquals(2, e.problems().size(), e::getMessage);
        assertTrue(e.problems().get(0).where().startsWith(one.toString()), e::getMessage);
        assertTrue(e.problems().get(1).where().startsWith(two.toString()), e::getMessage);
    }
}
