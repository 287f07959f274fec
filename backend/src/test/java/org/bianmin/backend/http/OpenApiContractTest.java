package org.bianmin.backend.http;

import static org.bianmin.backend.fleet.ConfigEnvelopes.homeTimeout;
import static org.bianmin.backend.fleet.ConfigEnvelopes.signed;
import static org.bianmin.backend.fleet.ConfigEnvelopes.utf8;
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
import org.bianmin.backend.fleet.ConfigEnvelopes;
import org.bianmin.backend.fleet.HeartbeatJson;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.SignedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * backend/openapi.yaml and the server agree: same operations, and every documented status code really happens; run on
 * every database engine the backend supports (subclasses give the database).
 */
abstract class OpenApiContractTest {
    static final String DEMO = "/api/v1/kiosks/demo-kiosk-01";
    static final String TOKEN = "demo-kiosk-token";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @TempDir
    Path data;
    BackendApp app;
    Api api;
    String otherToken;
    JsonNode spec;

    /** A JDBC URL to an empty database, or null for the default H2 file database under the data directory. */
    abstract String jdbcUrl();

    @BeforeEach
    void start() throws IOException {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true).withJdbcUrl(jdbcUrl())).start();
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

    static final String ID_CARD = "{\"method\":\"id-card\",\"idNumber\":\"110105194910010015\",\"name\":\"测试用户甲\"}";

    /** Identifies the simulated card holder and issues their certificate; returns the document's JSON. */
    private JsonNode issueCertificate() {
        Api.Reply id = api.send("POST", DEMO + "/identifications", TOKEN, ID_CARD);
        assertEquals(200, id.status(), id.body());
        Api.Reply doc = api.send("POST", DEMO + "/documents", TOKEN, "{\"serviceCode\":\"si-participation-certificate\","
                + "\"subjectToken\":\"" + id.json().get("subjectToken").asText() + "\"}");
        assertEquals(201, doc.status(), doc.body());
        return doc.json();
    }

    /** One request per documented (operation, status): each must answer with exactly that status. */
    private Map<String, Supplier<Api.Reply>> scenarios() {
        JsonNode first = issueCertificate();
        JsonNode second = issueCertificate();
        String docId = first.get("documentId").asText();
        String printOk = "{\"documentId\":\"" + docId + "\",\"state\":\"queued\"}";
        String eval = "{\"caseNumber\":\"" + first.get("caseNumber").asText() + "\",\"grade\":\"SATISFIED\",\"indicatorSetVersion\":1}";
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
        s.put(print + " 404", () -> api.send("PUT", DEMO + "/prints/contract-job-5", TOKEN,
                "{\"documentId\":\"doc-never-issued\",\"state\":\"queued\"}"));
        s.put(print + " 409", () -> api.send("PUT", DEMO + "/prints/contract-job-1", TOKEN,
                "{\"documentId\":\"" + second.get("documentId").asText() + "\",\"state\":\"queued\"}"));
        String evaluate = "POST /api/v1/kiosks/{kioskId}/evaluations";
        s.put(evaluate + " 201", () -> api.send("POST", DEMO + "/evaluations", TOKEN, eval));
        s.put(evaluate + " 400", () -> api.send("POST", DEMO + "/evaluations", TOKEN, "{\"caseNumber\":1}"));
        s.put(evaluate + " 401", () -> api.send("POST", DEMO + "/evaluations", null, eval));
        s.put(evaluate + " 403", () -> api.send("POST", DEMO + "/evaluations", otherToken, eval));
        s.put(evaluate + " 404", () -> api.send("POST", DEMO + "/evaluations", TOKEN,
                "{\"caseNumber\":\"BM20260302-2222222222\",\"grade\":\"SATISFIED\",\"indicatorSetVersion\":1}"));
        s.put(evaluate + " 409", () -> api.send("POST", DEMO + "/evaluations", TOKEN, eval));
        String documents = "POST /api/v1/kiosks/{kioskId}/documents";
        String unknownSubject = "{\"serviceCode\":\"si-participation-certificate\",\"subjectToken\":\"" + "A".repeat(43) + "\"}";
        s.put(documents + " 201", () -> api.send("POST", DEMO + "/documents", TOKEN,
                "{\"serviceCode\":\"si-participation-certificate\",\"subjectToken\":\"" + subjectToken() + "\"}"));
        s.put(documents + " 400", () -> api.send("POST", DEMO + "/documents", TOKEN, "{"));
        s.put(documents + " 401", () -> api.send("POST", DEMO + "/documents", TOKEN, unknownSubject));
        s.put(documents + " 403", () -> api.send("POST", DEMO + "/documents", otherToken, unknownSubject));
        s.put(documents + " 404", () -> api.send("POST", DEMO + "/documents", TOKEN,
                "{\"serviceCode\":\"no-such-service\",\"subjectToken\":\"" + subjectToken() + "\"}"));
        s.put(documents + " 409", () -> api.send("POST", DEMO + "/documents", TOKEN,
                "{\"serviceCode\":\"business-licence\",\"subjectToken\":\"" + subjectToken() + "\"}"));
        String pdf = "GET /api/v1/kiosks/{kioskId}/documents/{documentId}/pdf";
        s.put(pdf + " 200", () -> api.get(DEMO + "/documents/" + docId + "/pdf", TOKEN));
        s.put(pdf + " 401", () -> api.get(DEMO + "/documents/" + docId + "/pdf", null));
        s.put(pdf + " 403", () -> api.get(DEMO + "/documents/" + docId + "/pdf", otherToken));
        s.put(pdf + " 404", () -> api.get(DEMO + "/documents/no-such-document/pdf", TOKEN));
        String verify = "GET /verify/{code}";
        s.put(verify + " 200", () -> api.get("/verify/" + first.get("verificationCode").asText(), null));
        s.put(verify + " 400", () -> api.get("/verify/not-a-code", null));
        s.put(verify + " 404", () -> api.get("/verify/" + "2".repeat(16), null));
        String identify = "POST /api/v1/kiosks/{kioskId}/identifications";
        s.put(identify + " 200", () -> api.send("POST", DEMO + "/identifications", TOKEN, ID_CARD));
        s.put(identify + " 400", () -> api.send("POST", DEMO + "/identifications", TOKEN,
                "{\"method\":\"id-card\",\"idNumber\":\"110105194910010016\",\"name\":\"测试用户甲\"}"));
        s.put(identify + " 401", () -> api.send("POST", DEMO + "/identifications", null, ID_CARD));
        s.put(identify + " 403", () -> api.send("POST", DEMO + "/identifications", otherToken, ID_CARD));
        s.put(identify + " 404", () -> api.send("POST", DEMO + "/identifications", TOKEN,
                "{\"method\":\"id-card\",\"idNumber\":\"110105194910010015\",\"name\":\"测试用户乙\"}"));
        fleetScenarios(s);
        configScenarios(s);
        // last, because it empties this kiosk's identification bucket
        s.put(identify + " 429", () -> {
            Api.Reply r;
            int tries = 0;
            do {
                r = api.send("POST", DEMO + "/identifications", TOKEN, ID_CARD);
            } while (r.status() == 200 && ++tries < 50);
            return r;
        });
        return s;
    }

    private void fleetScenarios(Map<String, Supplier<Api.Reply>> s) {
        String admin = "demo-admin-token";
        String beat = HeartbeatJson.healthy().json();
        String heartbeat = "PUT /api/v1/kiosks/{kioskId}/heartbeat";
        s.put(heartbeat + " 204", () -> api.send("PUT", DEMO + "/heartbeat", TOKEN, beat));
        s.put(heartbeat + " 400", () -> api.send("PUT", DEMO + "/heartbeat", TOKEN, beat.replace("\"service\"", "\"idle\"")));
        s.put(heartbeat + " 401", () -> api.send("PUT", DEMO + "/heartbeat", null, beat));
        s.put(heartbeat + " 403", () -> api.send("PUT", DEMO + "/heartbeat", admin, beat));
        s.put(heartbeat + " 413", () -> api.send("PUT", DEMO + "/heartbeat", TOKEN, " ".repeat(70_000) + beat));
        String issue = "POST /api/v1/admin/technician-codes";
        String forDemo = "{\"kioskId\":\"demo-kiosk-01\",\"technician\":\"王师傅\",\"validMinutes\":30}";
        s.put(issue + " 201", () -> api.send("POST", "/api/v1/admin/technician-codes", admin, forDemo));
        s.put(issue + " 400", () -> api.send("POST", "/api/v1/admin/technician-codes", admin, forDemo.replace("30", "481")));
        s.put(issue + " 401", () -> api.send("POST", "/api/v1/admin/technician-codes", null, forDemo));
        s.put(issue + " 403", () -> api.send("POST", "/api/v1/admin/technician-codes", TOKEN, forDemo));
        s.put(issue + " 404", () -> api.send("POST", "/api/v1/admin/technician-codes", admin, forDemo.replace("demo-kiosk-01", "no-such-kiosk")));
        String verify = "POST /api/v1/kiosks/{kioskId}/technician-codes/verify";
        Supplier<String> code = () -> "{\"code\":\"" + api.send("POST", "/api/v1/admin/technician-codes", admin, forDemo)
                .json().get("code").asText() + "\"}";
        s.put(verify + " 200", () -> api.send("POST", DEMO + "/technician-codes/verify", TOKEN, code.get()));
        s.put(verify + " 400", () -> api.send("POST", DEMO + "/technician-codes/verify", TOKEN, "{\"code\":\"ESSC1:123\"}"));
        s.put(verify + " 401", () -> api.send("POST", DEMO + "/technician-codes/verify", null, code.get()));
        s.put(verify + " 403", () -> api.send("POST", DEMO + "/technician-codes/verify", TOKEN,
                "{\"code\":\"BMTECH1:" + "A".repeat(26) + "\"}"));
        String upload = "POST /api/v1/kiosks/{kioskId}/diagnostics";
        byte[] zip = Api.zip("versions.txt", "0.1.0-SNAPSHOT");
        s.put(upload + " 201", () -> api.upload(DEMO + "/diagnostics", TOKEN, "application/zip", zip));
        s.put(upload + " 401", () -> api.upload(DEMO + "/diagnostics", null, "application/zip", zip));
        s.put(upload + " 403", () -> api.upload(DEMO + "/diagnostics", otherToken, "application/zip", zip));
        s.put(upload + " 413", () -> api.upload(DEMO + "/diagnostics", TOKEN, "application/zip", new byte[KioskFleetApi.MAX_BUNDLE_BYTES + 1]));
        s.put(upload + " 415", () -> api.upload(DEMO + "/diagnostics", TOKEN, "text/plain", zip));
        String fleet = "GET /api/v1/admin/kiosks";
        s.put(fleet + " 200", () -> api.get("/api/v1/admin/kiosks", admin));
        s.put(fleet + " 401", () -> api.get("/api/v1/admin/kiosks", null));
        s.put(fleet + " 403", () -> api.get("/api/v1/admin/kiosks", TOKEN));
        String history = "GET /api/v1/admin/kiosks/{kioskId}/history";
        s.put(history + " 200", () -> api.get("/api/v1/admin/kiosks/demo-kiosk-01/history?limit=5", admin));
        s.put(history + " 400", () -> api.get("/api/v1/admin/kiosks/demo-kiosk-01/history?limit=0", admin));
        s.put(history + " 401", () -> api.get("/api/v1/admin/kiosks/demo-kiosk-01/history", "not-an-admin-token"));
        s.put(history + " 403", () -> api.get("/api/v1/admin/kiosks/demo-kiosk-01/history", TOKEN));
        s.put(history + " 404", () -> api.get("/api/v1/admin/kiosks/no-such-kiosk/history", admin));
        String bundles = "GET /api/v1/admin/kiosks/{kioskId}/diagnostics";
        s.put(bundles + " 200", () -> api.get("/api/v1/admin/kiosks/demo-kiosk-01/diagnostics", admin));
        s.put(bundles + " 401", () -> api.get("/api/v1/admin/kiosks/demo-kiosk-01/diagnostics", null));
        s.put(bundles + " 403", () -> api.get("/api/v1/admin/kiosks/demo-kiosk-01/diagnostics", TOKEN));
        s.put(bundles + " 404", () -> api.get("/api/v1/admin/kiosks/no-such-kiosk/diagnostics", admin));
        String bundle = "GET /api/v1/admin/diagnostics/{bundleId}";
        Supplier<String> uploaded = () -> api.upload(DEMO + "/diagnostics", TOKEN, "application/zip", zip).json().get("bundleId").asText();
        s.put(bundle + " 200", () -> api.get("/api/v1/admin/diagnostics/" + uploaded.get(), admin));
        s.put(bundle + " 401", () -> api.get("/api/v1/admin/diagnostics/" + uploaded.get(), null));
        s.put(bundle + " 403", () -> api.get("/api/v1/admin/diagnostics/" + uploaded.get(), TOKEN));
        s.put(bundle + " 404", () -> api.get("/api/v1/admin/diagnostics/no-such-bundle", admin));
    }

    private void configScenarios(Map<String, Supplier<Api.Reply>> s) {
        String admin = "demo-admin-token";
        String key = "{\"publicKey\":" + ConfigEnvelopes.quoted(ConfigEnvelopes.ADMIN.publicKeyPem()) + "}";
        assertEquals(201, api.send("POST", "/api/v1/admin/keys", admin, key).status());
        // a group whose rollout to the demo kiosk halted at its failure, and a fleet rollout still running
        assertEquals(201, api.send("POST", "/api/v1/admin/groups", admin, "{\"name\":\"contract-halted\"}").status());
        api.send("PUT", "/api/v1/admin/kiosks/demo-kiosk-01/groups", admin, "{\"groups\":[\"contract-halted\"]}");
        assertEquals(201, api.send("POST", "/api/v1/admin/config/pushes?stagePercent=100", admin,
                utf8(signed("group:contract-halted", 1, homeTimeout(90)))).status());
        assertEquals(204, api.send("PUT", DEMO + "/config/reported", TOKEN, "{\"layers\":[{\"target\":\"group:contract-halted\","
                + "\"version\":1,\"status\":\"reverted\",\"reason\":\"health check failed\",\"at\":\"2026-03-02T01:30:00Z\"}]}").status());
        assertEquals(201, api.send("POST", "/api/v1/admin/config/pushes?stagePercent=50", admin,
                utf8(signed("fleet", 1, homeTimeout(80)))).status());

        String push = "POST /api/v1/admin/config/pushes";
        byte[] v1 = signed("kiosk:demo-kiosk-01", 1, homeTimeout(90));
        s.put(push + " 201", () -> api.send("POST", "/api/v1/admin/config/pushes", admin, utf8(v1)));
        s.put(push + " 400", () -> api.send("POST", "/api/v1/admin/config/pushes?stagePercent=0", admin,
                utf8(signed("group:contract-halted", 2, homeTimeout(90)))));
        s.put(push + " 401", () -> api.send("POST", "/api/v1/admin/config/pushes", null, utf8(v1)));
        s.put(push + " 403", () -> api.send("POST", "/api/v1/admin/config/pushes", TOKEN, utf8(v1)));
        s.put(push + " 404", () -> api.send("POST", "/api/v1/admin/config/pushes", admin, utf8(signed("group:no-such-group", 1, homeTimeout(90)))));
        s.put(push + " 409", () -> api.send("POST", "/api/v1/admin/config/pushes", admin, utf8(v1)));
        s.put(push + " 413", () -> api.send("POST", "/api/v1/admin/config/pushes", admin, " ".repeat(SignedConfig.MAX_BYTES + 1)));
        s.put(push + " 422", () -> api.send("POST", "/api/v1/admin/config/pushes", admin,
                utf8(signed("kiosk:demo-kiosk-01", 2, homeTimeout(90), ConfigEnvelopes.OTHER))));
        String desired = "GET /api/v1/kiosks/{kioskId}/config/desired";
        s.put(desired + " 200", () -> api.get(DEMO + "/config/desired", TOKEN));
        s.put(desired + " 204", () -> api.get(DEMO + "/config/desired?known="
                + api.get(DEMO + "/config/desired", TOKEN).json().get("etag").asText(), TOKEN));
        s.put(desired + " 400", () -> api.get(DEMO + "/config/desired?wait=61", TOKEN));
        s.put(desired + " 401", () -> api.get(DEMO + "/config/desired", null));
        s.put(desired + " 403", () -> api.get(DEMO + "/config/desired", admin));
        String reported = "PUT /api/v1/kiosks/{kioskId}/config/reported";
        String report = "{\"layers\":[{\"target\":\"kiosk:demo-kiosk-01\",\"version\":1,\"status\":\"applied\",\"at\":\"2026-03-02T01:30:00Z\"}]}";
        s.put(reported + " 204", () -> api.send("PUT", DEMO + "/config/reported", TOKEN, report));
        s.put(reported + " 400", () -> api.send("PUT", DEMO + "/config/reported", TOKEN, report.replace("applied", "done")));
        s.put(reported + " 401", () -> api.send("PUT", DEMO + "/config/reported", null, report));
        s.put(reported + " 403", () -> api.send("PUT", DEMO + "/config/reported", otherToken, report));
        s.put(reported + " 413", () -> api.send("PUT", DEMO + "/config/reported", TOKEN, " ".repeat(70_000) + report));
        String history = "GET /api/v1/admin/config/history";
        s.put(history + " 200", () -> api.get("/api/v1/admin/config/history?kiosk=demo-kiosk-01", admin));
        s.put(history + " 400", () -> api.get("/api/v1/admin/config/history?limit=0", admin));
        s.put(history + " 401", () -> api.get("/api/v1/admin/config/history", null));
        s.put(history + " 403", () -> api.get("/api/v1/admin/config/history", TOKEN));
        s.put(history + " 404", () -> api.get("/api/v1/admin/config/history?kiosk=no-such-kiosk", admin));
        String envelope = "GET /api/v1/admin/config/targets/{target}/versions/{version}";
        s.put(envelope + " 200", () -> api.get("/api/v1/admin/config/targets/kiosk:demo-kiosk-01/versions/1", admin));
        s.put(envelope + " 400", () -> api.get("/api/v1/admin/config/targets/everyone/versions/1", admin));
        s.put(envelope + " 401", () -> api.get("/api/v1/admin/config/targets/fleet/versions/1", null));
        s.put(envelope + " 403", () -> api.get("/api/v1/admin/config/targets/fleet/versions/1", TOKEN));
        s.put(envelope + " 404", () -> api.get("/api/v1/admin/config/targets/fleet/versions/99", admin));
        String status = "GET /api/v1/admin/config/status";
        s.put(status + " 200", () -> api.get("/api/v1/admin/config/status", admin));
        s.put(status + " 400", () -> api.get("/api/v1/admin/config/status?kiosk=Not_An_Id", admin));
        s.put(status + " 401", () -> api.get("/api/v1/admin/config/status", null));
        s.put(status + " 403", () -> api.get("/api/v1/admin/config/status", TOKEN));
        s.put(status + " 404", () -> api.get("/api/v1/admin/config/status?kiosk=no-such-kiosk", admin));
        String merged = "GET /api/v1/admin/config/kiosks/{kioskId}/merged";
        s.put(merged + " 200", () -> api.get("/api/v1/admin/config/kiosks/demo-kiosk-01/merged", admin));
        s.put(merged + " 400", () -> api.get("/api/v1/admin/config/kiosks/Not_An_Id/merged", admin));
        s.put(merged + " 401", () -> api.get("/api/v1/admin/config/kiosks/demo-kiosk-01/merged", null));
        s.put(merged + " 403", () -> api.get("/api/v1/admin/config/kiosks/demo-kiosk-01/merged", TOKEN));
        s.put(merged + " 404", () -> api.get("/api/v1/admin/config/kiosks/no-such-kiosk/merged", admin));
        for (String action : new String[] {"resume", "abort"}) {
            String op = "POST /api/v1/admin/config/rollouts/{target}/" + action;
            String target = action.equals("resume") ? "group:contract-halted" : "fleet";
            s.put(op + " 200", () -> api.send("POST", "/api/v1/admin/config/rollouts/" + target + "/" + action, admin, null));
            s.put(op + " 400", () -> api.send("POST", "/api/v1/admin/config/rollouts/kiosk:demo-kiosk-01/" + action, admin, null));
            s.put(op + " 401", () -> api.send("POST", "/api/v1/admin/config/rollouts/" + target + "/" + action, null, null));
            s.put(op + " 403", () -> api.send("POST", "/api/v1/admin/config/rollouts/" + target + "/" + action, TOKEN, null));
            s.put(op + " 404", () -> api.send("POST", "/api/v1/admin/config/rollouts/" + target + "/" + action, admin, null));
        }
        String addKiosk = "POST /api/v1/admin/kiosks";
        s.put(addKiosk + " 201", () -> api.send("POST", "/api/v1/admin/kiosks", admin, "{\"kioskId\":\"kiosk-three\",\"name\":\"丙镇\"}"));
        s.put(addKiosk + " 400", () -> api.send("POST", "/api/v1/admin/kiosks", admin, "{\"kioskId\":\"K!\",\"name\":\"丙镇\"}"));
        s.put(addKiosk + " 401", () -> api.send("POST", "/api/v1/admin/kiosks", null, "{}"));
        s.put(addKiosk + " 403", () -> api.send("POST", "/api/v1/admin/kiosks", TOKEN, "{}"));
        s.put(addKiosk + " 404", () -> api.send("POST", "/api/v1/admin/kiosks", admin,
                "{\"kioskId\":\"kiosk-four\",\"name\":\"丁镇\",\"groups\":[\"no-such-group\"]}"));
        s.put(addKiosk + " 409", () -> api.send("POST", "/api/v1/admin/kiosks", admin, "{\"kioskId\":\"kiosk-two\",\"name\":\"乙镇\"}"));
        String setGroups = "PUT /api/v1/admin/kiosks/{kioskId}/groups";
        s.put(setGroups + " 200", () -> api.send("PUT", "/api/v1/admin/kiosks/kiosk-two/groups", admin, "{\"groups\":[\"contract-halted\"]}"));
        s.put(setGroups + " 400", () -> api.send("PUT", "/api/v1/admin/kiosks/kiosk-two/groups", admin,
                "{\"groups\":[\"contract-halted\",\"contract-halted\"]}"));
        s.put(setGroups + " 401", () -> api.send("PUT", "/api/v1/admin/kiosks/kiosk-two/groups", null, "{\"groups\":[]}"));
        s.put(setGroups + " 403", () -> api.send("PUT", "/api/v1/admin/kiosks/kiosk-two/groups", TOKEN, "{\"groups\":[]}"));
        s.put(setGroups + " 404", () -> api.send("PUT", "/api/v1/admin/kiosks/no-such-kiosk/groups", admin, "{\"groups\":[]}"));
        housekeepingScenarios(s, admin);
        String groups = "/api/v1/admin/groups";
        s.put("GET " + groups + " 200", () -> api.get(groups, admin));
        s.put("GET " + groups + " 401", () -> api.get(groups, null));
        s.put("GET " + groups + " 403", () -> api.get(groups, TOKEN));
        s.put("POST " + groups + " 201", () -> api.send("POST", groups, admin, "{\"name\":\"contract-new\"}"));
        s.put("POST " + groups + " 400", () -> api.send("POST", groups, admin, "{\"name\":\"No Spaces\"}"));
        s.put("POST " + groups + " 401", () -> api.send("POST", groups, null, "{\"name\":\"contract-new\"}"));
        s.put("POST " + groups + " 403", () -> api.send("POST", groups, TOKEN, "{\"name\":\"contract-new\"}"));
        s.put("POST " + groups + " 409", () -> api.send("POST", groups, admin, "{\"name\":\"contract-halted\"}"));
        String keys = "/api/v1/admin/keys";
        String another = "{\"publicKey\":" + ConfigEnvelopes.quoted(AdminKeyPair.generate().publicKeyPem()) + "}";
        s.put("GET " + keys + " 200", () -> api.get(keys, admin));
        s.put("GET " + keys + " 401", () -> api.get(keys, null));
        s.put("GET " + keys + " 403", () -> api.get(keys, TOKEN));
        s.put("POST " + keys + " 201", () -> api.send("POST", keys, admin, another));
        s.put("POST " + keys + " 400", () -> api.send("POST", keys, admin, "{\"publicKey\":\"not a key\"}"));
        s.put("POST " + keys + " 401", () -> api.send("POST", keys, null, another));
        s.put("POST " + keys + " 403", () -> api.send("POST", keys, TOKEN, another));
        s.put("POST " + keys + " 409", () -> api.send("POST", keys, admin, key));
        String removeKey = "DELETE " + keys + "/{keyId}";
        AdminKeyPair spare = AdminKeyPair.generate();
        s.put(removeKey + " 200", () -> {
            api.send("POST", keys, admin, "{\"publicKey\":" + ConfigEnvelopes.quoted(spare.publicKeyPem()) + "}");
            return api.send("DELETE", keys + "/" + spare.keyId(), admin, null);
        });
        s.put(removeKey + " 400", () -> api.send("DELETE", keys + "/not-a-key-id", admin, null));
        s.put(removeKey + " 401", () -> api.send("DELETE", keys + "/" + spare.keyId(), null, null));
        s.put(removeKey + " 403", () -> api.send("DELETE", keys + "/" + spare.keyId(), TOKEN, null));
        s.put(removeKey + " 404", () -> api.send("DELETE", keys + "/0000000000000000", admin, null));
    }

    private void housekeepingScenarios(Map<String, Supplier<Api.Reply>> s, String admin) {
        app.authenticator().register(new Kiosk("kiosk-retired", "戊镇"));
        app.authenticator().register(new Kiosk("kiosk-rotated", "己镇"));
        app.authenticator().register(new Kiosk("kiosk-mover", "庚镇"));
        for (String g : new String[] {"contract-from", "contract-to", "contract-empty", "contract-cleared"}) {
            assertEquals(201, api.send("POST", "/api/v1/admin/groups", admin, "{\"name\":\"" + g + "\"}").status());
        }
        assertEquals(200, api.send("PUT", "/api/v1/admin/kiosks/kiosk-mover/groups", admin, "{\"groups\":[\"contract-from\"]}").status());
        assertEquals(201, api.send("POST", "/api/v1/admin/config/pushes", admin, utf8(signed("group:contract-cleared", 1, homeTimeout(70)))).status());

        String remove = "DELETE /api/v1/admin/kiosks/{kioskId}";
        s.put(remove + " 200", () -> api.send("DELETE", "/api/v1/admin/kiosks/kiosk-retired", admin, null));
        s.put(remove + " 400", () -> api.send("DELETE", "/api/v1/admin/kiosks/Not_An_Id", admin, null));
        s.put(remove + " 401", () -> api.send("DELETE", "/api/v1/admin/kiosks/kiosk-retired", null, null));
        s.put(remove + " 403", () -> api.send("DELETE", "/api/v1/admin/kiosks/kiosk-retired", TOKEN, null));
        s.put(remove + " 404", () -> api.send("DELETE", "/api/v1/admin/kiosks/no-such-kiosk", admin, null));
        String rotate = "POST /api/v1/admin/kiosks/{kioskId}/token";
        s.put(rotate + " 200", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-rotated/token", admin, null));
        s.put(rotate + " 400", () -> api.send("POST", "/api/v1/admin/kiosks/Not_An_Id/token", admin, null));
        s.put(rotate + " 401", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-rotated/token", null, null));
        s.put(rotate + " 403", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-rotated/token", TOKEN, null));
        s.put(rotate + " 404", () -> api.send("POST", "/api/v1/admin/kiosks/no-such-kiosk/token", admin, null));
        String move = "POST /api/v1/admin/kiosks/{kioskId}/move";
        s.put(move + " 200", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-mover/move", admin, "{\"to\":\"contract-to\"}"));
        s.put(move + " 400", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-mover/move", admin, "{}"));
        s.put(move + " 401", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-mover/move", null, "{\"to\":\"contract-to\"}"));
        s.put(move + " 403", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-mover/move", TOKEN, "{\"to\":\"contract-to\"}"));
        s.put(move + " 404", () -> api.send("POST", "/api/v1/admin/kiosks/no-such-kiosk/move", admin, "{\"to\":\"contract-to\"}"));
        s.put(move + " 409", () -> api.send("POST", "/api/v1/admin/kiosks/kiosk-mover/move", admin,
                "{\"from\":\"contract-halted\",\"to\":\"contract-empty\"}"));
        String removeGroup = "DELETE /api/v1/admin/groups/{name}";
        s.put(removeGroup + " 200", () -> api.send("DELETE", "/api/v1/admin/groups/contract-empty", admin, null));
        s.put(removeGroup + " 400", () -> api.send("DELETE", "/api/v1/admin/groups/No_Caps", admin, null));
        s.put(removeGroup + " 401", () -> api.send("DELETE", "/api/v1/admin/groups/contract-empty", null, null));
        s.put(removeGroup + " 403", () -> api.send("DELETE", "/api/v1/admin/groups/contract-empty", TOKEN, null));
        s.put(removeGroup + " 404", () -> api.send("DELETE", "/api/v1/admin/groups/no-such-group", admin, null));
        s.put(removeGroup + " 409", () -> api.send("DELETE", "/api/v1/admin/groups/contract-halted", admin, null));
        String clear = "DELETE /api/v1/admin/config/targets/{target}";
        s.put(clear + " 200", () -> api.send("DELETE", "/api/v1/admin/config/targets/group:contract-cleared", admin, null));
        s.put(clear + " 400", () -> api.send("DELETE", "/api/v1/admin/config/targets/fleet", admin, null));
        s.put(clear + " 401", () -> api.send("DELETE", "/api/v1/admin/config/targets/group:contract-cleared", null, null));
        s.put(clear + " 403", () -> api.send("DELETE", "/api/v1/admin/config/targets/group:contract-cleared", TOKEN, null));
        s.put(clear + " 404", () -> api.send("DELETE", "/api/v1/admin/config/targets/group:no-such-group", admin, null));
        s.put(clear + " 409", () -> api.send("DELETE", "/api/v1/admin/config/targets/group:contract-halted", admin, null));
    }

    private String subjectToken() {
        Api.Reply r = api.send("POST", DEMO + "/identifications", TOKEN, ID_CARD);
        assertEquals(200, r.status(), r.body());
        return r.json().get("subjectToken").asText();
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
