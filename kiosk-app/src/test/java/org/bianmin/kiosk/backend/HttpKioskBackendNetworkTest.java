package org.bianmin.kiosk.backend;

import static org.awaitility.Awaitility.await;
import static org.bianmin.kiosk.backend.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.bianmin.kiosk.backend.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client does when the network misbehaves — 503s, stalls, 429s, refused connections,
 * answers outside the contract — against a scripted local HTTP server that counts what it receives.
 */
class HttpKioskBackendNetworkTest {
    static final String KIOSK = "/api/v1/kiosks/k-01";
    static final String SERVICES = """
            {"kioskId":"k-01","services":[{"code":"si-participation-certificate","name":"社保参保证明打印",
             "department":"人力资源和社会保障局","guide":{"acceptanceConditions":"a","materials":["m"],"steps":["s"],
             "timeLimit":"即时办结","result":"r"}}]}""";
    static final String INDICATORS = """
            {"version":2,"publishedOn":"2026-01-01","indicators":[{"code":"FAST","label":"办理速度快","polarity":"positive"}]}""";
    static final String PRINT_RECORD = """
            {"idempotencyKey":"job-00000001","documentId":"doc-1","state":"printed","reason":null,
             "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:01Z"}""";

    /** Long enough for any real answer on a loaded machine. */
    static final Duration ANSWER = Duration.ofSeconds(10);
    /** What a stalled request costs a test, per try; a real answer on a loaded machine still fits. */
    static final Duration STALL = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    ScriptedServer server;
    HttpKioskBackend client;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    HttpKioskBackend client(URI base, RetryPolicy retry, Duration requestTimeout) {
        client = HttpKioskBackend.builder().baseUri(base).kioskId("k-01").kioskToken("secret-token-1")
                .outboxDirectory(dir.resolve("outbox")).connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(requestTimeout).retryPolicy(retry).sleeper(waits::add).build();
        return client;
    }

    HttpKioskBackend client(RetryPolicy retry) {
        return client(server.uri(), retry, ANSWER);
    }

    /** A client that has had one answer, so it is online; stalls end after {@code requestTimeout}. */
    HttpKioskBackend onlineClient(RetryPolicy retry, Duration requestTimeout) {
        server.on("GET", KIOSK + "/services", Reply.json(200, SERVICES));
        client(server.uri(), retry, requestTimeout).services().join();
        assertTrue(client.online());
        return client;
    }

    HttpKioskBackend onlineClient() {
        return onlineClient(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)), ANSWER);
    }

    @Test
    void aGetThatMeetsTwo503sIsTriedAgainWithGrowingBackoffAndSucceeds() {
        server.on("GET", KIOSK + "/services", Reply.problem(503, "unavailable", "busy"),
                Reply.problem(503, "unavailable", "busy"), Reply.json(200, SERVICES));

        List<ServiceInfo> services = client(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))).services().join();

        assertEquals("社保参保证明打印", services.getFirst().name());
        assertEquals(3, server.requests("GET", KIOSK + "/services").size());
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).toMillis() >= 50 && waits.get(0).toMillis() <= 100, waits.toString());
        assertTrue(waits.get(1).toMillis() >= 100 && waits.get(1).toMillis() <= 200, waits.toString());
        assertTrue(client.online());
    }

    @Test
    void aGetThatKeepsMeeting503GivesUpAfterItsLastTryAsAServerError() {
        server.on("GET", KIOSK + "/evaluation-indicators", Reply.problem(503, "unavailable", "busy"));

        BackendException e = failure(Kind.SERVER_ERROR,
                client(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))).evaluationIndicators());

        assertEquals(503, e.status());
        assertEquals(3, server.requests("GET", KIOSK + "/evaluation-indicators").size());
        assertFalse(client.online());
    }

    @Test
    void aStalledGetTimesOutAsUnreachableOnEveryTry() {
        server.on("GET", KIOSK + "/documents/doc-1/pdf", Reply.stall());

        BackendException e = failure(Kind.UNREACHABLE,
                client(server.uri(), new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)), STALL)
                        .documentPdf("doc-1"));

        assertEquals(0, e.status());
        await().until(() -> server.requests("GET", KIOSK + "/documents/doc-1/pdf").size() == 2);
        assertEquals(1, waits.size());
    }

    @Test
    void anIdentificationThatMeets503IsSentOnlyOnce() {
        server.on("POST", KIOSK + "/identifications", Reply.problem(503, "unavailable", "busy"));

        failure(Kind.SERVER_ERROR, client(RetryPolicy.DEFAULT).identifyByCode("ESSC1:9P3WGK96SWBYYXH7UYWS2T6J"));

        assertEquals(1, server.requests("POST", KIOSK + "/identifications").size());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aStalledIdentificationIsNotSentAgain() {
        server.on("POST", KIOSK + "/identifications", Reply.stall());

        failure(Kind.UNREACHABLE,
                client(server.uri(), RetryPolicy.DEFAULT, STALL).identifyByCard("110105194910010015", "测试用户甲"));

        assertTrue(waits.isEmpty());
        await().until(() -> server.requests("POST", KIOSK + "/identifications").size() == 1);
    }

    @Test
    void aDocumentRequestThatMeets503IsSentOnlyOnce() {
        server.on("POST", KIOSK + "/documents", Reply.problem(503, "unavailable", "busy"));

        failure(Kind.SERVER_ERROR, client(RetryPolicy.DEFAULT).requestDocument("si-participation-certificate", "t".repeat(43)));

        assertEquals(1, server.requests("POST", KIOSK + "/documents").size());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aRateLimitedIdentificationSaysWhenToTryAgainAndIsNotRetried() {
        server.on("POST", KIOSK + "/identifications",
                Reply.problem(429, "too-many-identifications", "try again in 7 s").withHeader("Retry-After", "7"));

        BackendException e = failure(Kind.RATE_LIMITED, client(RetryPolicy.DEFAULT).identifyByCode("EBL1:AMLSAA7TE9EYLEXS5EXK8HC8"));

        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
        assertEquals(1, server.requests("POST", KIOSK + "/identifications").size());
        assertTrue(client.online());
    }

    @Test
    void aGetRefusedWith429WaitsAsLongAsRetryAfterSaysAndTriesAgain() {
        server.on("GET", KIOSK + "/evaluation-indicators",
                Reply.problem(429, "slow-down", "later").withHeader("Retry-After", "1"), Reply.json(200, INDICATORS));

        IndicatorSet set = client(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2))).evaluationIndicators().join();

        assertEquals(2, set.version());
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void anAnswerWithoutARequiredFieldIsAServerErrorNamingTheField() {
        server.on("GET", KIOSK + "/services", Reply.json(200, SERVICES.replace("\"steps\":[\"s\"],", "")));

        BackendException e = failure(Kind.SERVER_ERROR, client(RetryPolicy.DEFAULT).services());

        assertTrue(e.getMessage().contains("services[0].guide.steps"), e.getMessage());
        assertEquals(1, server.requests("GET", KIOSK + "/services").size());
    }

    @Test
    void aValueOutsideTheContractsEnumIsAServerError() {
        server.on("GET", KIOSK + "/evaluation-indicators", Reply.json(200, INDICATORS.replace("positive", "neutral")));

        BackendException e = failure(Kind.SERVER_ERROR, client(RetryPolicy.DEFAULT).evaluationIndicators());

        assertTrue(e.getMessage().contains("indicators[0].polarity"), e.getMessage());
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAServerErrorAndIsNotRetried() {
        server.on("GET", KIOSK + "/services", new Reply(200, "text/html", "<html>portal login</html>", Map.of()));

        failure(Kind.SERVER_ERROR, client(RetryPolicy.DEFAULT).services());

        assertEquals(1, server.requests("GET", KIOSK + "/services").size());
        assertFalse(client.online());
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        BackendException e = failure(Kind.UNREACHABLE,
                client(URI.create("http://127.0.0.1:" + closedPort), RetryPolicy.none(), ANSWER).services());

        assertTrue(e.getMessage().startsWith("listServices: no answer from http://127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void theKioskGoesOfflineWhenAnAnswerFailsToComeAndOnlineWhenTheBackendAnswersAgain() {
        List<Boolean> changes = new CopyOnWriteArrayList<>();
        onlineClient(RetryPolicy.none(), STALL);
        client.onConnectivity(changes::add);
        server.on("GET", KIOSK + "/services", Reply.stall());
        server.on("GET", "/openapi.yaml", new Reply(200, "application/yaml", "openapi: 3.1.0", Map.of()));

        failure(Kind.UNREACHABLE, client.services());
        assertFalse(client.online());
        assertTrue(client.probe().join());

        assertEquals(List.of(false, true), changes);
    }

    @Test
    void theKioskTokenGoesAsABearerOnKioskCallsOnlyAndNeverIntoToString() {
        onlineClient();
        server.on("GET", "/openapi.yaml", new Reply(200, "application/yaml", "openapi: 3.1.0", Map.of()));
        client.probe().join();

        assertEquals("Bearer secret-token-1", server.requests("GET", KIOSK + "/services").getFirst().authorization());
        assertNull(server.requests("GET", "/openapi.yaml").getFirst().authorization());
        assertFalse(client.toString().contains("secret-token-1"), client.toString());
    }

    @Test
    void aPrintReportThatMeets503IsTriedAgainBecauseItIsIdempotent() {
        onlineClient();
        String path = KIOSK + "/prints/job-00000001";
        server.on("PUT", path, Reply.problem(503, "unavailable", "busy"), Reply.json(200, PRINT_RECORD));

        client.reportPrint("job-00000001", "doc-1", PrintState.PRINTED, null).join();

        assertEquals(2, server.requests("PUT", path).size());
        assertEquals("{\"documentId\":\"doc-1\",\"state\":\"printed\"}", server.requests("PUT", path).getFirst().body());
        assertEquals(0, client.pendingReports());
    }

    @Test
    void aReportThatCannotBeSentIsQueuedAndTheVisitGoesOn() {
        onlineClient();
        server.on("POST", KIOSK + "/evaluations", Reply.problem(500, "internal-error", "failed"));

        client.evaluate(new Evaluation("BM1", Grade.SATISFIED, 2, List.of("FAST"), Optional.empty())).join();

        assertEquals(1, client.pendingReports());
        assertEquals(1, server.requests("POST", KIOSK + "/evaluations").size());
        assertFalse(client.online());
    }

    @Test
    void onReplayARefusedReportIsDroppedAndAConflictAfterAnUnansweredTryCountsAsDelivered() {
        onlineClient(RetryPolicy.DEFAULT, STALL);
        String print = KIOSK + "/prints/job-00000001";
        server.on("POST", KIOSK + "/evaluations", Reply.stall());
        client.evaluate(new Evaluation("BM1", Grade.SATISFIED, 2, List.of("FAST"), Optional.of("很方便"))).join();
        client.reportPrint("job-00000001", "doc-1", PrintState.PRINTED, null).join();
        assertEquals(2, client.pendingReports());
        assertTrue(server.requests("PUT", print).isEmpty());

        server.on("POST", KIOSK + "/evaluations", Reply.problem(409, "conflict", "case BM1 has already been evaluated"));
        server.on("PUT", print, Reply.problem(400, "invalid-request", "documentId is wrong"));
        server.on("GET", "/openapi.yaml", new Reply(200, "application/yaml", "openapi: 3.1.0", Map.of()));
        client.startHealthCheck(Duration.ofMillis(50));

        await().until(() -> client.pendingReports() == 0);
        assertEquals(2, server.requests("POST", KIOSK + "/evaluations").size());
        assertEquals(1, server.requests("PUT", print).size());
        assertTrue(server.requests("POST", KIOSK + "/evaluations").getLast().body().contains("很方便"));
    }

    @Test
    void aPrintReportThatBreaksTheContractIsRefusedBeforeAnythingIsSentOrQueued() {
        onlineClient();

        BackendException e = failure(Kind.REJECTED, client.reportPrint("short", "doc-1", PrintState.PRINTED, null));
        failure(Kind.REJECTED, client.reportPrint("job-00000001", "doc-1", PrintState.FAILED, null));

        assertTrue(e.getMessage().contains("idempotency key"), e.getMessage());
        assertEquals(0, client.pendingReports());
    }

    @Test
    void aKioskIdOutsideTheContractIsRefusedWithWhatToUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpKioskBackend.builder()
                .baseUri(server.uri()).kioskId("Kiosk 1").kioskToken("t").outboxDirectory(dir).build());

        assertTrue(e.getMessage().contains("kiosk id 'Kiosk 1'"), e.getMessage());
    }
}
