package org.bianmin.kiosk.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** A {@link Heartbeat} as the body of {@code PUT /api/v1/kiosks/{kioskId}/heartbeat}: absent values are written as null. */
public final class HeartbeatJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeartbeatJson() {
    }

    public static ObjectNode tree(Heartbeat h) {
        ObjectNode root = JSON.createObjectNode()
                .put("sentAt", h.sentAt().toString())
                .put("intervalSeconds", h.intervalSeconds())
                .put("appVersion", h.appVersion())
                .put("configVersion", h.configVersion())
                .put("uptimeSeconds", h.uptimeSeconds())
                .put("mode", h.mode().wire());
        ArrayNode devices = root.putArray("devices");
        for (Heartbeat.DeviceReport d : h.devices()) {
            ObjectNode n = devices.addObject().put("name", d.name()).put("required", d.required()).put("health", d.health())
                    .put("state", d.state());
            if (d.lastError().isPresent()) {
                Heartbeat.ReportedError e = d.lastError().get();
                n.putObject("lastError").put("code", e.code()).put("detail", e.detail()).put("at", e.at().toString());
            } else {
                n.putNull("lastError");
            }
            if (d.paper().isPresent()) {
                n.put("paper", d.paper().get());
            } else {
                n.putNull("paper");
            }
            ObjectNode counters = n.putObject("counters");
            for (Map.Entry<String, Long> c : new TreeMap<>(d.counters()).entrySet()) {
                counters.put(c.getKey(), c.getValue());
            }
        }
        ArrayNode out = root.putArray("servicesOut");
        h.servicesOut().forEach(out::add);
        return root;
    }

    public static byte[] bytes(Heartbeat h) {
        try {
            return JSON.writeValueAsBytes(tree(h));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
