package org.bianmin.kiosk.backend;

import static org.bianmin.kiosk.backend.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.bianmin.kiosk.backend.ScriptedServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's side of {@code PUT /api/v1/kiosks/{kioskId}/heartbeat}, byte for byte as the fleet contract has it,
 * against a local server that records what arrives (the backend's endpoint is built elsewhere).
 */
class HeartbeatWireTest {
    private static final String PATH = "/api/v1/kiosks/k-01/heartbeat";
    private static final Heartbeat BEAT = new Heartbeat(Instant.parse("2026-11-25T07:00:00Z"), 10, "0.1.0-SNAPSHOT", 3, 1234,
            Heartbeat.Mode.SERVICE, List.of(
                    new Heartbeat.DeviceReport("receipt-printer", true, "failing", "ENABLED",
                            Optional.of(new Heartbeat.ReportedError("LNK-06", "no reply to DLE EOT 1 within 503 ms",
                                    Instant.parse("2026-11-25T06:59:58Z"))),
                            Optional.of("low"), Map.of("receipts", 12L, "errors", 1L, "power-cycles", 1L, "recoveries", 1L)),
                    new Heartbeat.DeviceReport("lights", false, "ok", "ENABLED", Optional.empty(), Optional.empty(), Map.of())),
            List.of("si-participation-certificate"));

    @TempDir
    Path dir;
    ScriptedServer server;
    HttpKioskBackend client;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        client = HttpKioskBackend.builder().baseUri(server.uri()).kioskId("k-01").kioskToken("secret-token-1")
                .outboxDirectory(dir.resolve("outbox")).requestTimeout(Duration.ofSeconds(10))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50))).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aHeartbeatIsOnePutOfTheContractsJsonWithTheKioskToken() throws IOException {
        server.on("PUT", PATH, new Reply(204, "text/plain", "", Map.of()));

        client.heartbeat(BEAT).join();

        ScriptedServer.Request put = server.requests("PUT", PATH).getFirst();
        assertEquals("Bearer secret-token-1", put.authorization());
        assertEquals("application/json", put.contentType());
        JsonNode expected = new ObjectMapper().readTree("""
                {"sentAt":"2026-11-25T07:00:00Z","intervalSeconds":10,"appVersion":"0.1.0-SNAPSHOT","configVersion":3,
                 "uptimeSeconds":1234,"mode":"service",
                 "devices":[
                   {"name":"receipt-printer","required":true,"health":"failing","state":"ENABLED",
                    "lastError":{"code":"LNK-06","detail":"no reply to DLE EOT 1 within 503 ms","at":"2026-11-25T06:59:58Z"},
                    "paper":"low","counters":{"errors":1,"power-cycles":1,"receipts":12,"recoveries":1}},
                   {"name":"lights","required":false,"health":"ok","state":"ENABLED","lastError":null,"paper":null,"counters":{}}],
                 "servicesOut":["si-participation-certificate"]}""");
        assertEquals(expected, new ObjectMapper().readTree(put.body()));
        assertTrue(client.online(), "an answered heartbeat is a sign of life");
    }

    @Test
    void aHeartbeatThatFailsIsNotTriedAgain() {
        server.on("PUT", PATH, Reply.problem(503, "unavailable", "restarting"));

        failure(Kind.SERVER_ERROR, client.heartbeat(BEAT));

        assertEquals(1, server.requests("PUT", PATH).size(), "a stale heartbeat is worth nothing: sent once");
    }
}
