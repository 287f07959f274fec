package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's token comes from the environment or from its own file, never from the configuration, and never shows itself. */
class KioskTokenTest {

    @TempDir
    Path dir;

    private BackendSettings backendWithTokenFile(String relative) {
        Path kiosk = write(dir, "kiosk.yaml", "backend:\n  tokenFile: " + relative + "\n");
        return KioskConfigLoader.load(kiosk).backend();
    }

    @Test
    void theTokenIsTheFirstLineOfTheTokenFile() {
        write(dir, "kiosk.token", "  s3cret-token-1  \nsecond line ignored\n");
        assertEquals("s3cret-token-1", KioskToken.resolve(backendWithTokenFile("kiosk.token"), Map.of()).value());
    }

    @Test
    void theEnvironmentVariableWinsOverTheFile() {
        write(dir, "kiosk.token", "from-file\n");
        assertEquals("from-env", KioskToken.resolve(backendWithTokenFile("kiosk.token"), Map.of("KIOSK_TOKEN", "from-env")).value());
    }

    @Test
    void aMissingTokenFileIsNamedWithTheWayOut() {
        ConfigException e = assertThrows(ConfigException.class, () -> KioskToken.resolve(backendWithTokenFile("kiosk.token"), Map.of()));
        assertEquals("backend.tokenFile: " + dir.resolve("kiosk.token") + " — does not exist; put the kiosk's token in this file, "
                + "or set KIOSK_TOKEN", e.problems().get(0).toString());
    }

    @Test
    void anEmptyTokenFileIsRefused() {
        write(dir, "kiosk.token", "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> KioskToken.resolve(backendWithTokenFile("kiosk.token"), Map.of()));
        assertEquals("is empty", e.problems().get(0).problem());
    }

    @Test
    void noTokenAnywhereSaysBothWaysToGiveOne() {
        BackendSettings defaults = KioskConfigLoader.defaults().backend();
        ConfigException e = assertThrows(ConfigException.class, () -> KioskToken.resolve(defaults, Map.of("KIOSK_TOKEN", " ")));
        assertEquals("set KIOSK_TOKEN, or name the token's file in backend.tokenFile", e.problems().get(0).fix());
    }

    @Test
    void theTokenNeverShowsInItsStringForm() {
        KioskToken t = KioskToken.resolve(KioskConfigLoader.defaults().backend(), Map.of("KIOSK_TOKEN", "abc-123"));
        assertEquals("KioskToken[hidden]", t.toString());
    }
}
