package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An admin's machine checks a layer for kiosks without the files it names, which lie on the kiosks; a kiosk checks
 * them. Everything else is checked alike.
 */
class FilesOnTheKiosksTest {
    static final String LAYER = "backend:\n  caCertificates: [/etc/bianmin/extranet-ca.pem]\ntrustAnchors: [/etc/bianmin/anchor.pem]\n";

    @Test
    void filesMissingHereAreTakenByTheAdminsCheckAndRefusedByTheKiosksWithEachNamed() {
        KioskConfig forKiosks = loader(LAYER).loadForKiosks();
        assertEquals(List.of(Path.of("/etc/bianmin/extranet-ca.pem")), forKiosks.backend().caCertificates());
        assertEquals(List.of(Path.of("/etc/bianmin/anchor.pem")), forKiosks.trustAnchors());

        ConfigException e = assertThrows(ConfigException.class, () -> loader(LAYER).load());
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("backend.caCertificates[0]: /etc/bianmin/extranet-ca.pem — does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("trustAnchors[0]: /etc/bianmin/anchor.pem — does not exist"), e.getMessage());
    }

    @Test
    void theAdminsCheckStillRefusesWhatIsWrongInTheLayerItself() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader("backend:\n  caCertificates: /etc/bianmin/extranet-ca.pem\n  retries: many\n").loadForKiosks());

        assertEquals(2, e.problems().size(), e.getMessage());
    }

    private static KioskConfigLoader loader(String yaml) {
        return KioskConfigLoader.overDefaults().yaml("layer.yaml", Path.of("."), yaml);
    }
}
