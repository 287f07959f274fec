package org.bianmin.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.store.Kiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kiosk API over HTTP against the demo data: authentication, services, print ledger, evaluations, bad input; run on
 * every database engine the backend supports (subclasses give the database).
 */
abstract class KioskApiTest {
    static final String DEMO = "/api/v1/kiosks/demo-kiosk-01";
    static final String TOKEN = "demo-kiosk-token";

    @TempDir
    Path data;
    BackendApp app;
    Api api;
    String otherToken;

    /** A JDBC URL to an empty database. */
    abstract String jdbcUrl();

    @BeforeEach
    void start() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true).withJdbcUrl(jdbcUrl())).start();
        otherToken = app.authenticator().register(new Kiosk("kiosk-two", "乙镇便民服务中心"));
        api = new Api(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static void assertProblem(Api.Reply r, int status, String kind, String detailPart) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("urn:bianmin:problem:" + kind, r.json().get("type").asText(), r.body());
        assertEquals(status, r.json().get("status").asInt());
        assertTrue(r.json().get("detail").asText().contains(detailPart), r.body());
    }

    @Test
    void theDemoKioskListsTheFourDemoServicesWithTheirGuides() {
        Api.Reply r = api.get(DEMO + "/services", TOKEN);
        assertEquals(200, r.status(), r.body());
        var services = r.json().get("services");
        assertEquals(4, services.size());
        assertEquals("社保参保证明打印", services.get(0).get("name").asText());
        assertEquals("种畜禽生产经营许可证打印", services.get(3).get("name").asText());
        var guide = services.get(0).get("guide");
        assertEquals("即时办结", guide.get("timeLimit").asText());
        assertTrue(guide.get("steps").size() >= 3);
        assertTrue(guide.get("materials").size() >= 1);
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticatedAndSaysHowToAuthenticate() {
        Api.Reply r = api.get(DEMO + "/services", null);
        assertProblem(r, 401, "unauthenticated", "Authorization");
        assertTrue(r.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void anUnknownTokenIsUnauthenticated() {
        assertProblem(api.get(DEMO + "/services", "not-a-kiosk-token"), 401, "unauthenticated", "no registered kiosk");
    }

    @Test
    void anotherKiosksTokenIsForbidden() {
        assertProblem(api.get(DEMO + "/services", otherToken), 403, "wrong-kiosk", "kiosk-two");
    }

    @Test
    void aNewlyRegisteredKioskOffersNothingUntilServicesAreAssigned() {
        Api.Reply r = api.get("/api/v1/kiosks/kiosk-two/services", otherToken);
        assertEquals(200, r.status(), r.body());
        assertEquals(0, r.json().get("services").size());
    }

    @Test
    void theIndicatorSetIsServedWithItsVersion() {
        Api.Reply r = api.get(DEMO + "/evaluation-indicators", TOKEN);
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().get("version").asInt());
        assertTrue(r.json().get("indicators").size() > 0);
    }

    @Test
    void repeatingAPrintResultGivesTheSameAnswerAndAConflictingOneIs409() {
        String path = DEMO + "/prints/" + UUID.randomUUID();
        String documentId = api.certificate(DEMO, TOKEN).get("documentId").asText();
        String printed = "{\"documentId\":\"" + documentId + "\",\"state\":\"printed\"}";
        Api.Reply first = api.send("PUT", path, TOKEN, printed);
        assertEquals(200, first.status(), first.body());
        assertEquals("printed", first.json().get("state").asText());
        Api.Reply again = api.send("PUT", path, TOKEN, printed);
        assertEquals(first.body(), again.body());
        assertProblem(api.send("PUT", path, TOKEN, "{\"documentId\":\"" + documentId + "\",\"state\":\"failed\",\"reason\":\"缺纸\"}"),
                409, "conflict", "already printed");
    }

    @Test
    void aFailedPrintNeedsAReason() {
        String documentId = api.certificate(DEMO, TOKEN).get("documentId").asText();
        Api.Reply r = api.send("PUT", DEMO + "/prints/job-00000001", TOKEN, "{\"documentId\":\"" + documentId + "\",\"state\":\"failed\"}");
        assertProblem(r, 400, "invalid-request", "reason");
        assertEquals("reason", r.json().get("field").asText());
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        Api.Reply r = api.send("PUT", DEMO + "/prints/short", TOKEN, "{\"documentId\":\"doc-1\",\"state\":\"queued\"}");
        assertProblem(r, 400, "invalid-request", "8 to 64");
        assertEquals("idempotencyKey", r.json().get("field").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON            | {\"documentId\":                              | not valid JSON",
            "empty body                |                                              | empty",
            "an array                  | []                                           | JSON object",
            "state is a number         | {\"documentId\":\"d-1\",\"state\":3}         | 'state' has the wrong type",
            "documentId is an object   | {\"documentId\":{},\"state\":\"queued\"}     | 'documentId' has the wrong type",
            "an unknown field          | {\"documentId\":\"d-1\",\"state\":\"queued\",\"copies\":2} | unknown field 'copies'",
            "a missing field           | {\"state\":\"queued\"}                       | documentId: is required",
            "an unknown state          | {\"documentId\":\"d-1\",\"state\":\"done\"}  | must be one of queued, printed, failed",
            "trailing data             | {\"documentId\":\"d-1\",\"state\":\"queued\"} x | not valid JSON",
            "a duplicate field         | {\"documentId\":\"d-1\",\"documentId\":\"d-2\",\"state\":\"queued\"} | not valid JSON",
    })
    void badPrintReportsAre400WithAProblemThatSaysWhy(String what, String body, String detail) {
        Api.Reply r = api.send("PUT", DEMO + "/prints/job-bad-input", TOKEN, body == null ? "" : body);
        assertProblem(r, 400, "invalid-request", detail);
    }

    private static String evaluation(String caseNumber) {
        return "{\"caseNumber\":\"" + caseNumber + "\",\"grade\":\"非常满意\",\"indicatorSetVersion\":1,"
                + "\"indicators\":[\"FAST\"]}";
    }

    @Test
    void anEvaluationIsCreatedOnceAndTheSecondForTheSameCaseIs409() {
        String caseNumber = api.certificate(DEMO, TOKEN).get("caseNumber").asText();
        Api.Reply created = api.send("POST", DEMO + "/evaluations", TOKEN, evaluation(caseNumber));
        assertEquals(201, created.status(), created.body());
        assertEquals(caseNumber, created.json().get("caseNumber").asText());
        assertEquals("VERY_SATISFIED", created.json().get("grade").asText());
        assertEquals("非常满意", created.json().get("gradeLabel").asText());
        assertTrue(created.raw().headers().firstValue("Location").orElse("").contains(created.json().get("id").asText()));
        assertProblem(api.send("POST", DEMO + "/evaluations", TOKEN, evaluation(caseNumber)), 409, "conflict", caseNumber);
    }

    @Test
    void anEvaluationOfACaseNumberThatWasNeverIssuedIsNotFound() {
        assertProblem(api.send("POST", DEMO + "/evaluations", TOKEN, evaluation("BJ2026030200007")), 404, "not-found",
                "no document with 办件编号 BJ2026030200007 was issued at this kiosk");
        assertEquals(0, app.store().audit().latest(10).stream().filter(e -> e.action().equals("evaluation.submitted")).count());
    }

    @Test
    void anEvaluationOfAnotherKiosksCaseIsNotFoundAsIfItDidNotExist() {
        app.store().services().offer("kiosk-two", app.store().services().offeredAt("demo-kiosk-01").stream()
                .map(s -> s.code()).toList());
        String caseNumber = api.certificate("/api/v1/kiosks/kiosk-two", otherToken).get("caseNumber").asText();
        assertProblem(api.send("POST", DEMO + "/evaluations", TOKEN, evaluation(caseNumber)), 404, "not-found",
                "no document with 办件编号 " + caseNumber + " was issued at this kiosk");
        Api.Reply atItsKiosk = api.send("POST", "/api/v1/kiosks/kiosk-two/evaluations", otherToken, evaluation(caseNumber));
        assertEquals(201, atItsKiosk.status(), atItsKiosk.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown grade               | {\"caseNumber\":\"C-1\",\"grade\":\"good\",\"indicatorSetVersion\":1}                  | grade",
            "version as text             | {\"caseNumber\":\"C-1\",\"grade\":\"满意\",\"indicatorSetVersion\":\"1\"}               | 'indicatorSetVersion' has the wrong type",
            "version missing             | {\"caseNumber\":\"C-1\",\"grade\":\"满意\"}                                             | indicatorSetVersion: is required",
            "bad grade without a reason  | {\"caseNumber\":\"C-1\",\"grade\":\"不满意\",\"indicatorSetVersion\":1}                 | at least one reason",
            "indicators not an array     | {\"caseNumber\":\"C-1\",\"grade\":\"满意\",\"indicatorSetVersion\":1,\"indicators\":\"FAST\"} | 'indicators' has the wrong type",
            "unknown indicator set       | {\"caseNumber\":\"C-1\",\"grade\":\"满意\",\"indicatorSetVersion\":7}                   | no indicator set 7",
            "case number with a slash    | {\"caseNumber\":\"C/1\",\"grade\":\"满意\",\"indicatorSetVersion\":1}                   | caseNumber",
            "null indicator              | {\"caseNumber\":\"C-1\",\"grade\":\"满意\",\"indicatorSetVersion\":1,\"indicators\":[null]} | must not contain null",
    })
    void badEvaluationsAre400WithAProblemThatSaysWhy(String what, String body, String detail) {
        String issued = body.replace("C-1", api.certificate(DEMO, TOKEN).get("caseNumber").asText());
        assertProblem(api.send("POST", DEMO + "/evaluations", TOKEN, issued), 400, "invalid-request", detail);
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        assertProblem(api.get("/api/v1/nothing-here", TOKEN), 404, "not-found", "/api/v1/nothing-here");
    }

    @Test
    void aWrongMethodOnAKnownPathIs405() {
        assertProblem(api.send("DELETE", DEMO + "/services", TOKEN, null), 405, "method-not-allowed", "DELETE");
    }
}
