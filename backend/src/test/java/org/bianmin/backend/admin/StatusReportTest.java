package org.bianmin.backend.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * {@code admin status} as text: what kiosks noted of the configs they applied comes once per layer version and note,
 * with the kiosks that noted it, within 80 columns.
 */
class StatusReportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNoteSharedBySevenKiosksIsOneEntryNamingThreeAndAKiosksOwnNoteIsAnother() {
        ObjectNode status = status();
        ArrayNode kiosks = status.putArray("kiosks");
        for (int i = 1; i <= 7; i++) {
            ObjectNode k = kiosk(kiosks, "town-0" + i);
            layer(k, "fleet", 3, "applied; receipt-printer reopened with the new settings");
            if (i == 2) {
                layer(k, "kiosk:town-02", 1, "applied; services: pestcide-licence is not offered to this kiosk by the backend, "
                        + "so Home does not show it");
            }
        }

        String text = StatusReport.render(status);

        assertTrue(text.contains("""
                Noted by kiosks that applied a config:
                  fleet version 3, at 7 kiosks (town-01, town-02, town-03 and 4 more):
                    receipt-printer reopened with the new settings
                  kiosk:town-02 version 1, at town-02:
                    services: pestcide-licence is not offered to this kiosk by the backend, so
                    Home does not show it
                7 kiosks: 7 in sync, 0 pending, 0 failed
                """), text);
        text.lines().forEach(l -> assertTrue(l.length() <= 80, "wider than 80 columns: " + l));
    }

    @Test
    void kiosksThatAppliedWithoutANoteAddNothingToTheStatus() {
        ObjectNode status = status();
        ObjectNode k = kiosk(status.putArray("kiosks"), "town-01");
        layer(k, "fleet", 3, null);
        layer(k, "kiosk:town-01", 2, "");

        String text = StatusReport.render(status);

        assertFalse(text.contains("Noted by"), text);
        assertEquals(3, text.lines().count(), text);
    }

    private static ObjectNode status() {
        ObjectNode status = JSON.createObjectNode();
        status.putArray("rollouts");
        status.put("asOf", "2026-11-25T04:00:00Z");
        return status;
    }

    private static ObjectNode kiosk(ArrayNode kiosks, String id) {
        ObjectNode k = kiosks.addObject().put("kioskId", id).put("name", "示范镇 " + id).put("state", "in-sync").put("connection", "online");
        k.putArray("layers");
        k.putArray("differences");
        return k;
    }

    private static void layer(ObjectNode kiosk, String target, long version, String reason) {
        ObjectNode l = ((ArrayNode) kiosk.path("layers")).addObject().put("target", target).put("desired", version)
                .put("running", version).put("status", "applied").put("at", "2026-11-25T03:59:00Z");
        if (reason == null) {
            l.putNull("reason");
        } else {
            l.put("reason", reason);
        }
    }
}
