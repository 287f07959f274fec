package org.bianmin.backend.http;

import static org.awaitility.Awaitility.await;
import static org.bianmin.backend.fleet.ConfigEnvelopes.homeTimeout;
import static org.bianmin.backend.fleet.ConfigEnvelopes.signed;
import static org.bianmin.backend.fleet.ConfigEnvelopes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.fleet.ChangeFeed;
import org.bianmin.backend.fleet.ConfigEnvelopes;
import org.bianmin.backend.fleet.PostgresChangeFeed;
import org.bianmin.backend.store.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two backend instances on one real PostgreSQL, as behind a load balancer: a push or a rollout step made through one
 * wakes the kiosks long-polling the other, through LISTEN/NOTIFY.
 */
class ConfigAcrossInstancesTest {
    static final String DEMO = "/api/v1/kiosks/demo-kiosk-01";
    static final String ADMIN = "demo-admin-token";

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;
    BackendApp a;
    BackendApp b;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        String db = TestPostgres.get().newDatabaseUrl();
        a = BackendApp.create(BackendConfig.of(0, dataA).withDemo(true).withJdbcUrl(db)).start();
        b = BackendApp.create(BackendConfig.of(0, dataB).withJdbcUrl(db)).start();
        Api.Reply key = new Api(b.port()).send("POST", "/api/v1/admin/keys", ADMIN,
                "{\"publicKey\":" + ConfigEnvelopes.quoted(ConfigEnvelopes.ADMIN.publicKeyPem()) + "}");
        assertEquals(201, key.status(), key.body());
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    CompletableFuture<HttpResponse<String>> longPoll(BackendApp on, String known) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + DEMO
                        + "/config/desired?wait=60&known=" + known))
                .header("Authorization", "Bearer demo-kiosk-token").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aKioskLongPollingInstanceAGetsAPushMadeThroughInstanceB() throws Exception {
        String etag = a.configs().desired("demo-kiosk-01").etag();
        CompletableFuture<HttpResponse<String>> poll = longPoll(a, etag);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.configs().waiting() == 1);

        Api.Reply pushed = new Api(b.port()).send("POST", "/api/v1/admin/config/pushes", ADMIN,
                utf8(signed("kiosk:demo-kiosk-01", 1, homeTimeout(90))));
        assertEquals(201, pushed.status(), pushed.body());

        HttpResponse<String> answer = poll.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode layer = new ObjectMapper().readTree(answer.body()).get("layers").get(0);
        assertEquals("kiosk:demo-kiosk-01", layer.get("target").asText());
        assertEquals(1, layer.get("version").asInt());
    }

    @Test
    void aGenerationAnnouncedThroughOneInstancesFeedReachesTheOthersListener() {
        List<Long> heard = new CopyOnWriteArrayList<>();
        try (PostgresChangeFeed listening = new PostgresChangeFeed(a.store().database());
             PostgresChangeFeed announcing = new PostgresChangeFeed(b.store().database())) {
            listening.listen(heard::add);
            // the feed says RESYNC once its LISTEN is in place; from then on nothing is missed
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(ChangeFeed.RESYNC));
            announcing.announce(4711);
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(4711L));
        }
    }

    @Test
    void aGroupChangeMadeThroughOneInstanceChangesWhatTheOtherHandsOut() {
        Api viaB = new Api(b.port());
        assertEquals(201, viaB.send("POST", "/api/v1/admin/groups", ADMIN, "{\"name\":\"east-county\"}").status());
        assertEquals(201, viaB.send("POST", "/api/v1/admin/config/pushes", ADMIN,
                utf8(signed("group:east-county", 1, homeTimeout(80)))).status());
        String before = a.configs().desired("demo-kiosk-01").etag();
        assertEquals(200, viaB.send("PUT", "/api/v1/admin/kiosks/demo-kiosk-01/groups", ADMIN, "{\"groups\":[\"east-county\"]}").status());
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.configs().desired("demo-kiosk-01").etag().equals(before));
        assertEquals(1, a.configs().desired("demo-kiosk-01").version("group:east-county"));
        assertFalse(a.configs().desired("demo-kiosk-01").groups().isEmpty());
    }
}
