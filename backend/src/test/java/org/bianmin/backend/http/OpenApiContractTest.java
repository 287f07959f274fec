package org.bianmin.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.store.Kiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backend/openapi.yaml and the server agree: same operations, and every documented status code really happens. */
class OpenApiContractTest {
    static final String DEMO = "/api/v1/kiosks/demo-kiosk-01";
    static final String TOKEN = "demo-kiosk-token";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @TempDir
    Path data;
    BackendApp app;
    Api api;
    String otherToken;
    JsonNode spec;

    @BeforeEach
    void start() throws IOException {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true)).start();
        otherToken = app.authenticator().register(new Kiosk("kiosk-two", "乙镇便民服务中心"));
        api = new Api(app.port());
        spec = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("openapi.yaml")));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Set<String> specOperations() {
        Set<String> ops = new TreeSet<>();
        spec.get("paths").properties().forEach(p -> p.getValue().properties().stream()
                .filter(m -> METHODS.contains(m.getKey()))
                .forEach(m -> ops.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return ops;
    }

    @Test
    void theSpecIsOpenApi31() {
        assertEquals("3.1.0", spec.get("openapi").asText());
    }

    @Test
    void everyRouteTheServerHasIsInTheSpecAndEveryOperationInTheSpecIsServed() {
        Set<String> served = app.routes().stream()
                .map(r -> r.method().name() + " " + r.path())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(specOperations(), served);
    }

    @Test
    void theServedContractIsTheFileInTheModule() throws IOException {
        Api.Reply r = api.get("/openapi.yaml", null);
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/yaml"), r.contentType());
        assertEquals(Files.readString(Path.of("openapi.yaml")), r.body());
    }

    /** One request per documented (operation, status): each must answer with exactly that status. */
    private Map<String, Supplier<Api.Reply>> scenarios() {
        String printOk = "{\"documentId\":\"doc-9\",\"state\":\"queued\"}";
        String eval = "{\"caseNumber\":\"CASE-9\",\"grade\":\"SATISFIED\",\"indicatorSetVersion\":1}";
        Map<String, Supplier<Api.Reply>> s = new LinkedHashMap<>();
        s.put("GET /openapi.yaml 200", () -> api.get("/openapi.yaml", null));
        for (String p : new String[] {"/services", "/evaluation-indicators"}) {
            String op = "GET /api/v1/kiosks/{kioskId}" + p;
            s.put(op + " 200", () -> api.get(DEMO + p, TOKEN));
            s.put(op + " 401", () -> api.get(DEMO + p, "wrong-token-000"));
            s.put(op + " 403", () -> api.get(DEMO + p, otherToken));
        }
        String print = "PUT /api/v1/kiosks/{kioskId}/prints/{idempotencyKey}";
        s.put(print + " 200", () -> api.send("PUT", DEMO + "/prints/contract-job-1", TOKEN, printOk));
        s.put(print + " 400", () -> api.send("PUT", DEMO + "/prints/contract-job-2", TOKEN, "{"));
        s.put(print + " 401", () -> api.send("PUT", DEMO + "/prints/contract-job-3", null, printOk));
        s.put(print + " 403", () -> api.send("PUT", DEMO + "/prints/contract-job-4", otherToken, printOk));
        s.put(print + " 409", () -> api.send("PUT", DEMO + "/prints/contract-job-1", TOKEN,
                "{\"documentId\":\"doc-other\",\"state\":\"queued\"}"));
        String evaluate = "POST /api/v1/kiosks/{kioskId}/evaluations";
        s.put(evaluate + " 201", () -> api.send("POST", DEMO + "/evaluations", TOKEN, eval));
        s.put(evaluate + " 400", () -> api.send("POST", DEMO + "/evaluations", TOKEN, "{\"caseNumber\":1}"));
        s.put(evaluate + " 401", () -> api.send("POST", DEMO + "/evaluations", null, eval));
        s.put(evaluate + " 403", () -> api.send("POST", DEMO + "/evaluations", otherToken, eval));
        s.put(evaluate + " 409", () -> api.send("POST", DEMO + "/evaluations", TOKEN, eval));
        return s;
    }

    @Test
    void everyDocumentedStatusCodeIsExercisedAndAnswersWithTheDocumentedContentType() {
        Map<String, String> documented = new LinkedHashMap<>();
        spec.get("paths").properties().forEach(p -> p.getValue().properties().stream()
                .filter(m -> METHODS.contains(m.getKey()))
                .forEach(m -> m.getValue().get("responses").properties().forEach(resp -> {
                    JsonNode response = resolve(resp.getValue());
                    String contentType = response.has("content") ? response.get("content").fieldNames().next() : "";
                    documented.put(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey() + " " + resp.getKey(), contentType);
                })));
        Map<String, Supplier<Api.Reply>> scenarios = scenarios();
        assertEquals(new TreeSet<>(documented.keySet()), new TreeSet<>(scenarios.keySet()),
                "each documented status needs a scenario, and each scenario a documented status");
        scenarios.forEach((key, request) -> {
            Api.Reply r = request.get();
            int expected = Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1));
            assertEquals(expected, r.status(), key + ": " + r.body());
            assertTrue(r.contentType().startsWith(documented.get(key)), key + " answered " + r.contentType());
        });
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = spec;
        for (String part : node.get("$ref").asText().substring(2).split("/")) {
            target = target.get(part);
        }
        return target;
    }
}
