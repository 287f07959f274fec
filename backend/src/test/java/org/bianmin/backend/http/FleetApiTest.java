package org.bianmin.backend.http;

import static org.bianmin.backend.http.KioskApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.TestClock;
import org.bianmin.backend.fleet.HeartbeatJson;
import org.bianmin.backend.store.AuditEvent;
import org.bianmin.backend.store.Kiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fleet over HTTP against a real backend with a clock the test moves: heartbeats and the fleet table, offline after
 * missed beats, history, technician codes, diagnostic bundles, and the separation of kiosk and admin tokens.
 */
class FleetApiTest {
    static final String DEMO = "/api/v1/kiosks/demo-kiosk-01";
    static final String KIOSK = "demo-kiosk-token";
    static final String ADMIN = "demo-admin-token";
    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    @TempDir
    Path data;
    final TestClock clock = new TestClock(T0);
    BackendApp app;
    Api api;
    String otherToken;

    @BeforeEach
    void start() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true), clock).start();
        otherToken = app.authenticator().register(new Kiosk("kiosk-two", "乙镇便民服务中心"));
        api = new Api(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void beat(String json) {
        Api.Reply r = api.send("PUT", DEMO + "/heartbeat", KIOSK, json);
        assertEquals(204, r.status(), r.body());
    }

    private JsonNode kiosk(String id) {
        Api.Reply r = api.get("/api/v1/admin/kiosks", ADMIN);
        assertEquals(200, r.status(), r.body());
        for (JsonNode k : r.json().get("kiosks")) {
            if (k.get("kioskId").asText().equals(id)) {
                return k;
            }
        }
        throw new AssertionError(id + " is not in the fleet: " + r.body());
    }

    @Test
    void aHeartbeatIsStoredAndTheFleetTableShowsItsFailingDevicesAndLowPaper() {
        beat(HeartbeatJson.printerFailing().json());
        JsonNode k = kiosk("demo-kiosk-01");
        assertEquals("online", k.get("status").asText());
        assertEquals(T0.toString(), k.get("lastSeen").asText());
        assertEquals("0.1.0-SNAPSHOT", k.get("appVersion").asText());
        assertEquals(1, k.get("configVersion").asInt());
        assertEquals("service", k.get("mode").asText());
        assertEquals("[\"receipt-printer\"]", k.get("failingDevices").toString());
        assertEquals("[\"receipt-printer\"]", k.get("paperLow").toString());
        assertEquals(6, k.get("devices").size());
        JsonNode printer = k.get("devices").get(5);
        assertEquals("LNK-06", printer.get("lastError").get("code").asText());
        assertEquals(12, printer.get("counters").get("receipts").asInt());
    }

    @Test
    void aKioskGoesOfflineAfterThreeMissedBeatsAndComesBackWithTheNext() {
        beat(HeartbeatJson.healthy().interval(10).json());
        clock.advance(Duration.ofSeconds(35));
        assertEquals("online", kiosk("demo-kiosk-01").get("status").asText(), "3 × 10 s + 5 s slack not yet passed");
        clock.advance(Duration.ofSeconds(1));
        assertEquals("offline", kiosk("demo-kiosk-01").get("status").asText());
        beat(HeartbeatJson.healthy().interval(10).json());
        assertEquals("online", kiosk("demo-kiosk-01").get("status").asText());
    }

    @Test
    void aKioskThatNeverSentAHeartbeatIsNeverSeen() {
        JsonNode k = kiosk("kiosk-two");
        assertEquals("never-seen", k.get("status").asText());
        assertTrue(k.get("lastSeen").isNull());
        assertEquals("乙镇便民服务中心", k.get("name").asText());
    }

    @Test
    void theHistoryIsNewestFirstAndTakesALimit() {
        for (int version = 1; version <= 3; version++) {
            beat(HeartbeatJson.healthy().configVersion(version).json());
            clock.advance(Duration.ofSeconds(10));
        }
        Api.Reply r = api.get("/api/v1/admin/kiosks/demo-kiosk-01/history?limit=2", ADMIN);
        assertEquals(200, r.status(), r.body());
        JsonNode beats = r.json().get("heartbeats");
        assertEquals(2, beats.size());
        assertEquals(3, beats.get(0).get("configVersion").asInt());
        assertEquals(2, beats.get(1).get("configVersion").asInt());
        assertEquals(T0.plusSeconds(20).toString(), beats.get(0).get("receivedAt").asText());
        assertFalse(beats.get(0).get("devices").get(0).has("counters"), "the history keeps no counters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown health           | \"health\":\"ok\"                     | \"health\":\"broken\"          | devices[0].health",
            "an unknown state            | \"state\":\"ENABLED\"                 | \"state\":\"ON\"               | devices[0].state",
            "an unknown mode             | \"mode\":\"service\"                  | \"mode\":\"idle\"              | mode",
            "a missing interval          | \"intervalSeconds\":10,               | ''                            | intervalSeconds",
            "an interval under 5 s       | \"intervalSeconds\":10                | \"intervalSeconds\":1          | intervalSeconds",
            "a time that is not a time   | \"sentAt\":\"2026-03-02T01:30:00Z\"   | \"sentAt\":\"yesterday\"       | sentAt",
            "a negative counter          | \"receipts\":12                       | \"receipts\":-1                | devices[0].counters.receipts",
            "an unknown field            | \"uptimeSeconds\":1234                | \"uptimeSeconds\":1234,\"cpu\":3 | cpu",
            "an error code in lower case | \"code\":\"LNK-06\"                   | \"code\":\"lnk-06\"            | devices[5].lastError.code",
    })
    void aBadHeartbeatIs400NamingTheField(String what, String from, String to, String field) {
        String json = HeartbeatJson.printerFailing().json().replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        Api.Reply r = api.send("PUT", DEMO + "/heartbeat", KIOSK, json);
        assertProblem(r, 400, "invalid-request", "");
        assertEquals(field, r.json().get("field").asText(), r.body());
    }

    @Test
    void anErrorDetailLongerThan300CharactersIs400AndAnOversizedBodyIs413() {
        String longDetail = HeartbeatJson.printerFailing().json().replace("no answer after 3 tries", "x".repeat(301));
        Api.Reply r = api.send("PUT", DEMO + "/heartbeat", KIOSK, longDetail);
        assertProblem(r, 400, "invalid-request", "300");
        assertEquals("devices[5].lastError.detail", r.json().get("field").asText());
        assertProblem(api.send("PUT", DEMO + "/heartbeat", KIOSK, " ".repeat(KioskFleetApi.MAX_HEARTBEAT_BYTES) + "{}"),
                413, "too-large", "at most 65536 bytes");
    }

    private String issueCode(String kioskId, int minutes) {
        Api.Reply r = api.send("POST", "/api/v1/admin/technician-codes", ADMIN,
                "{\"kioskId\":\"" + kioskId + "\",\"technician\":\"王师傅\",\"validMinutes\":" + minutes + "}");
        assertEquals(201, r.status(), r.body());
        assertEquals(T0.plus(Duration.ofMinutes(minutes)).toString(), r.json().get("expiresAt").asText());
        String code = r.json().get("code").asText();
        assertTrue(code.matches("BMTECH1:[A-Z2-7]{26}"), code);
        return code;
    }

    private Api.Reply verify(String base, String token, String code) {
        return api.send("POST", base + "/technician-codes/verify", token, "{\"code\":\"" + code + "\"}");
    }

    @Test
    void aTechnicianCodeOpensItsKioskUntilItExpiresAndEveryCheckIsAudited() {
        String code = issueCode("demo-kiosk-01", 30);
        Api.Reply ok = verify(DEMO, KIOSK, code);
        assertEquals(200, ok.status(), ok.body());
        assertEquals("王师傅", ok.json().get("technician").asText());
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, verify(DEMO, KIOSK, code).status(), "reusable until it expires");
        clock.advance(Duration.ofMinutes(1));
        assertProblem(verify(DEMO, KIOSK, code), 403, "technician-code-refused", "expired");
        List<String> actions = new ArrayList<>(app.store().audit().latest(4).stream().map(AuditEvent::action).toList());
        assertEquals(List.of("technician-code.refused", "technician-code.accepted", "technician-code.accepted",
                "technician-code.issued"), actions);
    }

    @Test
    void aTechnicianCodeForAnotherKioskOrAnUnknownCodeIsRefused() {
        String forTwo = issueCode("kiosk-two", 30);
        assertProblem(verify(DEMO, KIOSK, forTwo), 403, "technician-code-refused", "issued for kiosk kiosk-two");
        assertProblem(verify(DEMO, KIOSK, "BMTECH1:" + "A".repeat(26)), 403, "technician-code-refused", "unknown");
        assertProblem(verify(DEMO, KIOSK, "not a code"), 400, "invalid-request", "BMTECH1:");
        assertEquals(200, verify("/api/v1/kiosks/kiosk-two", otherToken, forTwo).status());
    }

    @Test
    void aTechnicianCodeIsValidForOneTo480Minutes() {
        Api.Reply r = api.send("POST", "/api/v1/admin/technician-codes", ADMIN,
                "{\"kioskId\":\"demo-kiosk-01\",\"technician\":\"王师傅\",\"validMinutes\":0}");
        assertProblem(r, 400, "invalid-request", "1 to 480");
        assertEquals("validMinutes", r.json().get("field").asText());
        assertProblem(api.send("POST", "/api/v1/admin/technician-codes", ADMIN,
                "{\"kioskId\":\"no-such-kiosk\",\"technician\":\"王师傅\"}"), 404, "not-found", "no-such-kiosk");
    }

    @Test
    void aDiagnosticBundleIsStoredAndAdminsListAndDownloadItByteForByte() {
        byte[] zip = Api.zip("logs/kiosk.log", "07:00 receipt-printer LNK-06");
        Api.Reply up = api.upload(DEMO + "/diagnostics", KIOSK, "application/zip", zip);
        assertEquals(201, up.status(), up.body());
        assertEquals(zip.length, up.json().get("size").asInt());
        String id = up.json().get("bundleId").asText();
        Api.Reply list = api.get("/api/v1/admin/kiosks/demo-kiosk-01/diagnostics", ADMIN);
        assertEquals(id, list.json().get("bundles").get(0).get("bundleId").asText(), list.body());
        var download = api.bytes("/api/v1/admin/diagnostics/" + id, ADMIN);
        assertEquals(200, download.statusCode());
        assertArrayEquals(zip, download.body());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("diagnostics-demo-kiosk-01-"));
    }

    @Test
    void aBundleOver20MiBIs413AndSomethingThatIsNotAZipIs415() {
        byte[] big = new byte[KioskFleetApi.MAX_BUNDLE_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        assertProblem(api.upload(DEMO + "/diagnostics", KIOSK, "application/zip", big), 413, "too-large", "20 MiB");
        byte[] exactly = java.util.Arrays.copyOf(big, KioskFleetApi.MAX_BUNDLE_BYTES);
        assertEquals(201, api.upload(DEMO + "/diagnostics", KIOSK, "application/zip", exactly).status());
        assertProblem(api.upload(DEMO + "/diagnostics", KIOSK, "application/zip", "hello".getBytes()), 415,
                "unsupported-media-type", "not a zip");
        assertProblem(api.upload(DEMO + "/diagnostics", KIOSK, "application/octet-stream", Api.zip("a", "b")), 415,
                "unsupported-media-type", "application/zip");
    }

    @Test
    void aClientThatSendsABundleOver20MiBWithoutAskingFirstHearsThe413AndA401EveryTimeNotAReset() {
        byte[] big = new byte[KioskFleetApi.MAX_BUNDLE_BYTES + 1];
        for (int i = 0; i < 25; i++) {
            assertProblem(api.uploadWithoutAsking(DEMO + "/diagnostics", KIOSK, "application/zip", big), 413, "too-large", "20 MiB");
            assertProblem(api.uploadWithoutAsking(DEMO + "/diagnostics", "not-a-token", "application/zip", big), 401,
                    "unauthenticated", "belongs to no registered kiosk");
        }
    }

    @Test
    void aKioskTokenOnTheAdminApiIs403AndSaysItIsAKioskToken() {
        assertProblem(api.get("/api/v1/admin/kiosks", KIOSK), 403, "wrong-token-kind",
                "this is a kiosk token; the admin API takes an admin token");
    }

    @Test
    void anAdminTokenOnTheKioskApiIs403AndSaysItIsAnAdminToken() {
        assertProblem(api.send("PUT", DEMO + "/heartbeat", ADMIN, HeartbeatJson.healthy().json()), 403, "wrong-token-kind",
                "this is an admin token");
        assertProblem(api.get(DEMO + "/services", ADMIN), 403, "wrong-token-kind", "admin token");
    }

    @Test
    void theAdminApiWithoutATokenOrWithAnUnknownOneIs401() {
        Api.Reply none = api.get("/api/v1/admin/kiosks", null);
        assertProblem(none, 401, "unauthenticated", "admin token");
        assertTrue(none.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertProblem(api.get("/api/v1/admin/kiosks", "not-an-admin-token"), 401, "unauthenticated", "belongs to no admin");
    }
}
