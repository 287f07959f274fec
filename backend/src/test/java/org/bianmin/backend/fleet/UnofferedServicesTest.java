package org.bianmin.backend.fleet;

import static org.bianmin.backend.fleet.ConfigEnvelopes.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bianmin.config.signing.ConfigTarget;
import org.junit.jupiter.api.Test;

/** The wording of push warnings where the HTTP tests do not reach: many kiosks, no kiosk, a long hostile key. */
class UnofferedServicesTest {
    static final List<String> CATALOG = List.of("business-licence", "pesticide-licence");

    @Test
    void aWarningNamesAtMostFiveKiosksThenSaysHowManyMore() {
        List<String> kiosks = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("kiosk-%02d", i)).toList();
        Map<String, List<String>> offered = new LinkedHashMap<>();
        kiosks.forEach(k -> offered.put(k, List.of("business-licence")));
        kiosks.subList(0, 5).forEach(k -> offered.put(k, CATALOG));
        assertEquals(List.of("services: 'pesticide-licence' is not offered at 7 of 12 kiosks of group:east-county (kiosk-06, kiosk-07, "
                        + "kiosk-08, kiosk-09, kiosk-10 and 2 more), so their Home screens will not show it; the catalog has it, so it "
                        + "shows once the backend offers it there (or take it out of the layer)"),
                UnofferedServices.warnings(layer("services: [pesticide-licence]\n"), ConfigTarget.parse("group:east-county"), kiosks,
                        offered, CATALOG));
    }

    @Test
    void aTargetWithNoKioskYetIsWarnedOnlyOfCodesTheCatalogLacks() {
        assertEquals(List.of("services: 'busines-licence' is not in the backend's catalog, so no kiosk will show it; check the code: "
                        + "did you mean 'business-licence'?"),
                UnofferedServices.warnings(layer("services: [busines-licence, pesticide-licence]\n"), ConfigTarget.parse("group:empty"),
                        List.of(), Map.of(), CATALOG));
    }

    @Test
    void aKeyLongerThanAnyCodeIsShownCutAndWithoutControlCharacters() {
        String key = "x\u001b[2J" + "y".repeat(200);
        ObjectNode signedElsewhere = JsonNodeFactory.instance.objectNode();
        signedElsewhere.putObject("guides").putObject(key);
        List<String> warnings = UnofferedServices.warnings(signedElsewhere, ConfigTarget.parse("kiosk:kiosk-01"), List.of("kiosk-01"),
                Map.of(), CATALOG);
        assertEquals(1, warnings.size());
        assertEquals("guides.x?[2J" + "y".repeat(56) + "...: this service is not offered at kiosk-01 (it offers none), so this guide "
                + "is never shown there; check the code (the catalog has: business-licence, pesticide-licence)", warnings.getFirst());
    }
}
