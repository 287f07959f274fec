package org.bianmin.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.kiosk.fleet.HealthCheck.Health;
import org.junit.jupiter.api.Test;

/**
 * The health check's view of the services a config names against those the backend offers this kiosk: nothing
 * offered fails (Home would be empty), a code not offered is noted for the admin, a clean config has no notes.
 */
class KioskHealthCheckTest {
    static final List<String> OFFERED = List.of("si-participation-certificate", "business-licence", "pesticide-licence");

    @Test
    void aConfigWhoseServicesAreAllOfferedIsHealthyWithNothingToNote() {
        Health h = KioskHealthCheck.servicesOffered(config("services: [business-licence, si-participation-certificate]\n"), OFFERED);

        assertEquals(Health.ok(), h);
    }

    @Test
    void aConfigNoneOfWhoseServicesIsOfferedFailsNamingThemAndWhatIsOffered() {
        Health h = KioskHealthCheck.servicesOffered(config("services: [pestcide-licence, buisness-licence]\n"), OFFERED);

        assertEquals(Optional.of("none of the services it names (pestcide-licence, buisness-licence) is offered to this kiosk by "
                + "the backend, which offers si-participation-certificate, business-licence, pesticide-licence, so Home would "
                + "offer nothing"), h.problem());
    }

    @Test
    void aServiceAndAGuideNotOfferedAreNotedAndTheConfigIsHealthy() {
        Health h = KioskHealthCheck.servicesOffered(config("""
                services: [pestcide-licence, business-licence]
                guides:
                  breeding-livestock-licence:
                    note: {zh: 本镇畜牧站在二楼}
                  business-licence:
                    note: {zh: 市场监管所在一楼}
                """), OFFERED);

        assertTrue(h.isOk(), h.toString());
        assertEquals(List.of("services: pestcide-licence is not offered to this kiosk by the backend, so Home does not show it",
                "guides: breeding-livestock-licence is not offered to this kiosk, so its guide is never shown"), h.notes());
    }

    @Test
    void noServicesNamedMeansEveryOfferedServiceAndIsHealthyEvenWhenTheBackendOffersNone() {
        assertEquals(Health.ok(), KioskHealthCheck.servicesOffered(config("services: []\n"), List.of()));
    }

    private static KioskConfig config(String yaml) {
        return KioskConfigLoader.overDefaults().yaml("test", Path.of("."), yaml).load();
    }
}
