package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Ways into the loader that tests share: every problem of some YAML, the one problem of some YAML, a test certificate. */
final class ConfigFixtures {

    private ConfigFixtures() {
    }

    static List<ConfigProblem> problemsIn(String yaml) {
        return assertThrows(ConfigException.class, () -> KioskConfigLoader.parse(yaml)).problems();
    }

    static ConfigProblem theOneProblemIn(String yaml) {
        List<ConfigProblem> problems = problemsIn(yaml);
        assertEquals(1, problems.size(), () -> "expected exactly one problem, got " + problems);
        return problems.get(0);
    }

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            return Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A throwaway self-signed certificate in PEM, copied to {@code dir/name}. */
    static Path testAnchor(Path dir, String name) {
        try (InputStream in = ConfigFixtures.class.getResourceAsStream("test-anchor.pem")) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, in.readAllBytes());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
