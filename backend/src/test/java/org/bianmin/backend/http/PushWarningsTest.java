package org.bianmin.backend.http;

import static org.bianmin.backend.fleet.ConfigEnvelopes.homeTimeout;
import static org.bianmin.backend.fleet.ConfigEnvelopes.layer;
import static org.bianmin.backend.fleet.ConfigEnvelopes.signed;
import static org.bianmin.backend.fleet.ConfigEnvelopes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A push whose layer names services the backend does not offer where it goes, over HTTP against a real backend: the push
 * goes through, and its answer says which code, at which kiosks, and what to do.
 */
class PushWarningsTest extends DemoBackendWithAdminKey {
    static final String PUSHES = "/api/v1/admin/config/pushes";
    static final String OFFERED = "si-participation-certificate, business-licence, pesticide-licence, breeding-livestock-licence";


    /** Pushes {@code yaml} as {@code target}'s {@code version} and returns the warnings of the answer. */
    List<String> warnings(String target, long version, String yaml) {
        Api.Reply r = api.send("POST", PUSHES, ADMIN, utf8(signed(target, version, layer(yaml))));
        assertEquals(201, r.status(), r.body());
        List<String> warnings = new ArrayList<>();
        r.json().get("warnings").forEach(w -> warnings.add(w.asText()));
        return warnings;
    }

    @Test
    void aKioskPushWithATypoedServiceAndAGuideForAnUnknownCodeGoesThroughWithAWarningForEachNamingTheKiosk() {
        List<String> warnings = warnings("kiosk:demo-kiosk-01", 1, """
                services: [si-participation-certificate, pestcide-licence]
                guides:
                  marriage-registration:
                    note: {zh: 民政办在二楼, en: Civil affairs office, first floor}
                """);
        assertEquals(List.of(
                "services: 'pestcide-licence' is not offered at demo-kiosk-01 (it offers " + OFFERED + "), so its Home will not "
                        + "show it; check the code: did you mean 'pesticide-licence'?",
                "guides.marriage-registration: this service is not offered at demo-kiosk-01 (it offers " + OFFERED + "), so this "
                        + "guide is never shown there; check the code (the catalog has: breeding-livestock-licence, business-licence, "
                        + "pesticide-licence, si-participation-certificate)"), warnings);
        JsonNode layers = api.get("/api/v1/kiosks/demo-kiosk-01/config/desired", "demo-kiosk-token").json().get("layers");
        assertEquals(1, layers.get(0).get("version").asInt(), "a warning does not refuse the push");
    }

    @Test
    void aGroupOrFleetPushSaysHowManyOfItsKiosksDoNotOfferAServiceAndNamesThem() {
        assertEquals(201, api.send("POST", "/api/v1/admin/kiosks", ADMIN, "{\"kioskId\":\"kiosk-two\",\"name\":\"乙镇\"}").status());
        assertEquals(201, api.send("POST", "/api/v1/admin/groups", ADMIN, "{\"name\":\"east-county\"}").status());
        for (String kiosk : new String[] {"demo-kiosk-01", "kiosk-two"}) {
            assertEquals(200, api.send("PUT", "/api/v1/admin/kiosks/" + kiosk + "/groups", ADMIN, "{\"groups\":[\"east-county\"]}").status());
        }
        // the township of the demo kiosk issues no pesticide licences
        app.store().services().offer("demo-kiosk-01", List.of("si-participation-certificate", "business-licence"));

        assertEquals(List.of("services: 'pesticide-licence' is not offered at 1 of 2 kiosks of group:east-county (demo-kiosk-01), so its "
                        + "Home will not show it; the catalog has it, so it shows once the backend offers it there (or take it out of "
                        + "the layer)"),
                warnings("group:east-county", 1, "services: [si-participation-certificate, pesticide-licence]\n"));
        assertEquals(List.of("guides.marriage-registration: this service is not offered at any of the 2 kiosks of the fleet, so this "
                        + "guide is never shown there; check the code (the catalog has: breeding-livestock-licence, business-licence, "
                        + "pesticide-licence, si-participation-certificate)"),
                warnings("fleet", 1, "guides:\n  marriage-registration:\n    note: {zh: 民政办在二楼}\n"));
    }

    @Test
    void aPushThatNamesOnlyOfferedServicesOrNoneHasAnEmptyListOfWarnings() {
        assertEquals(List.of(), warnings("kiosk:demo-kiosk-01", 1, """
                services: [business-licence, si-participation-certificate]
                guides:
                  si-participation-certificate:
                    note: {zh: 社保所在一楼}
                  pestcide-licence: null
                """));
        Api.Reply r = api.send("POST", PUSHES, ADMIN, utf8(signed("fleet", 1, homeTimeout(90))));
        assertEquals("[]", r.json().get("warnings").toString(), r.body());
    }
}
