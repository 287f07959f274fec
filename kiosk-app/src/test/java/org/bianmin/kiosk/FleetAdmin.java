package org.bianmin.kiosk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.bianmin.kiosk.backend.BackendProcess;

/** The office's side of an end-to-end test: the backend process's admin API with the demo admin token. */
final class FleetAdmin {
    private static final String ADMIN_TOKEN = "demo-admin-token";

    private final BackendProcess backend;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    FleetAdmin(BackendProcess backend) {
        this.backend = backend;
    }

    /** The demo kiosk's row of the fleet table. */
    JsonNode demoKiosk() throws IOException, InterruptedException {
        for (JsonNode k : get("/api/v1/admin/kiosks").path("kiosks")) {
            if (k.path("kioskId").asText().equals(backend.kioskId())) {
                return k;
            }
        }
        throw new AssertionError("the demo kiosk is not in the fleet table");
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(backend.baseUri().resolve(path)).GET(), path);
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(backend.baseUri().resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, path + ": " + r.statusCode() + " " + r.body());
        return json.readTree(r.body());
    }
}
