package org.bianmin.backend.http;

import static org.awaitility.Awaitility.await;
import static org.bianmin.backend.fleet.ConfigEnvelopes.homeTimeout;
import static org.bianmin.backend.fleet.ConfigEnvelopes.signed;
import static org.bianmin.backend.fleet.ConfigEnvelopes.utf8;
import static org.bianmin.backend.http.KioskApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.bench.SimulatedKiosk;
import org.bianmin.backend.fleet.ConfigEnvelopes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged rollouts against simulated kiosk clients over HTTP, each long-polling with its own token, verifying every
 * envelope with the admin's public key and reporting applied, or failed when the layer sets the Home timeout to 99.
 */
class StagedRolloutTest {
    static final String ADMIN = "demo-admin-token";
    static final int KIOSKS = 10;
    static final int BAD = 99;

    @TempDir
    Path data;
    BackendApp app;
    Api api;
    final HttpClient http = HttpClient.newHttpClient();
    final List<SimulatedKiosk> kiosks = new ArrayList<>();

    @BeforeEach
    void start() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true)).start();
        api = new Api(app.port());
        api.send("POST", "/api/v1/admin/keys", ADMIN, "{\"publicKey\":" + ConfigEnvelopes.quoted(ConfigEnvelopes.ADMIN.publicKeyPem()) + "}");
        assertEquals(201, api.send("POST", "/api/v1/admin/groups", ADMIN, "{\"name\":\"pilot-halls\"}").status());
        for (int i = 1; i <= KIOSKS; i++) {
            String id = String.format("hall-%02d", i);
            Api.Reply added = api.send("POST", "/api/v1/admin/kiosks", ADMIN,
                    "{\"kioskId\":\"" + id + "\",\"name\":\"便民服务中心 " + i + "\",\"groups\":[\"pilot-halls\"]}");
            assertEquals(201, added.status(), added.body());
            kiosks.add(new SimulatedKiosk(http, URI.create("http://127.0.0.1:" + app.port()), id, added.json().get("token").asText(),
                    List.of(ConfigEnvelopes.ADMIN.publicKey()), 30,
                    c -> c.config().at("/session/timeouts/home").asInt() == BAD
                            ? Optional.of("health check failed after applying: the Home screen did not come up") : Optional.empty(),
                    (k, running, at) -> { }, Runnable::run).start());
        }
    }

    @AfterEach
    void stop() {
        kiosks.forEach(SimulatedKiosk::stop);
        app.close();
    }

    void push(String target, long version, int home, String query) {
        Api.Reply r = api.send("POST", "/api/v1/admin/config/pushes" + query, ADMIN, utf8(signed(target, version, homeTimeout(home))));
        assertEquals(201, r.status(), r.body());
    }

    long running(String target, long version) {
        kiosks.forEach(k -> assertNull(k.broken(), k.kioskId() + " stopped polling"));
        return kiosks.stream().filter(k -> k.running().getOrDefault(target, 0L) == version).count();
    }

    JsonNode rollout() {
        Api.Reply r = api.get("/api/v1/admin/config/history?target=group:pilot-halls", ADMIN);
        assertEquals(200, r.status(), r.body());
        return r.json().get("rollouts").get(0);
    }

    @Test
    void aStagedRolloutReleasesWaveAfterWaveAsKiosksReportAndCompletes() {
        push("group:pilot-halls", 1, 60, "");
        await().atMost(Duration.ofSeconds(20)).until(() -> running("group:pilot-halls", 1) == KIOSKS);

        push("group:pilot-halls", 2, 75, "?stagePercent=30");
        await().atMost(Duration.ofSeconds(20)).until(() -> running("group:pilot-halls", 2) == KIOSKS);

        // the last kiosk's report is written with the next batch: the rollout completes when it lands
        JsonNode r = await().atMost(Duration.ofSeconds(10)).until(this::rollout, x -> !x.get("state").asText().equals("running"));
        assertEquals("completed", r.get("state").asText(), r.toString());
        assertEquals(4, r.get("waves").asInt(), "waves of 3, 3, 3 and 1 kiosks: " + r);
        assertEquals(10, r.get("applied").asInt());
        JsonNode status = api.get("/api/v1/admin/config/status", ADMIN).json();
        for (JsonNode k : status.get("kiosks")) {
            if (k.get("kioskId").asText().startsWith("hall-")) {
                assertEquals("in-sync", k.get("state").asText(), k.toString());
            }
        }
    }

    @Test
    void aStagedRolloutHaltsAtTheFailureThresholdAndTheOtherKiosksKeepTheOldVersion() {
        push("group:pilot-halls", 1, 60, "");
        await().atMost(Duration.ofSeconds(20)).until(() -> running("group:pilot-halls", 1) == KIOSKS);

        push("group:pilot-halls", 2, BAD, "?stagePercent=20&stopOnFailures=2");
        await().atMost(Duration.ofSeconds(20)).until(() -> "halted".equals(rollout().get("state").asText()));
        JsonNode halted = rollout();
        assertEquals(2, halted.get("released").asInt(), halted.toString());
        assertEquals(2, halted.get("failed").asInt());
        assertTrue(halted.get("note").asText().contains("2 of 2 released kiosks failed (stop at 2)"), halted.toString());
        assertTrue(halted.get("failures").get(0).get("reason").asText().contains("health check failed"), halted.toString());
        assertEquals(KIOSKS, running("group:pilot-halls", 1), "the released kiosks failed and kept version 1, the rest never got 2");
        long given = app.store().kiosks().all().stream().filter(k -> app.configs().desired(k.id()).version("group:pilot-halls") == 2).count();
        assertEquals(2, given, "only the first wave was given version 2");

        Api.Reply resumed = api.send("POST", "/api/v1/admin/config/rollouts/group:pilot-halls/resume", ADMIN, null);
        assertEquals(200, resumed.status(), resumed.body());
        await().atMost(Duration.ofSeconds(20)).until(() -> "halted".equals(rollout().get("state").asText())
                && rollout().get("released").asInt() == 4);
        assertEquals(2, rollout().get("failuresAccepted").asInt(), "the failures before the resume were accepted");

        Api.Reply aborted = api.send("POST", "/api/v1/admin/config/rollouts/group:pilot-halls/abort", ADMIN, null);
        assertEquals(200, aborted.status(), aborted.body());
        assertEquals("aborted", aborted.json().get("state").asText());
        assertProblem(api.send("POST", "/api/v1/admin/config/rollouts/group:pilot-halls/resume", ADMIN, null), 404, "not-found",
                "no rollout of group:pilot-halls is halted");

        // the fix: version 1's content again, as version 3, to everyone at once
        Api.Reply revert = api.send("POST", "/api/v1/admin/config/pushes?revertOf=1", ADMIN,
                utf8(signed("group:pilot-halls", 3, homeTimeout(60))));
        assertEquals(201, revert.status(), revert.body());
        await().atMost(Duration.ofSeconds(20)).until(() -> running("group:pilot-halls", 3) == KIOSKS);
    }

    @Test
    void aReleasedKioskThatHasNotReportedHoldsTheNextWaveBack() {
        assertEquals(201, api.send("POST", "/api/v1/admin/kiosks", ADMIN,
                "{\"kioskId\":\"hall-offline\",\"name\":\"停电的便民服务中心\",\"groups\":[\"pilot-halls\"]}").status());
        push("group:pilot-halls", 1, 60, "?stagePercent=100");
        await().atMost(Duration.ofSeconds(20)).until(() -> running("group:pilot-halls", 1) == KIOSKS);
        JsonNode r = await().atMost(Duration.ofSeconds(10)).until(this::rollout, x -> x.get("applied").asInt() == KIOSKS);
        assertEquals("running", r.get("state").asText(), "hall-offline never polled: " + r);
        assertEquals(1, r.get("waiting").asInt(), r.toString());
        assertProblem(api.send("POST", "/api/v1/admin/config/pushes?stagePercent=50", ADMIN,
                utf8(signed("group:pilot-halls", 2, homeTimeout(70)))), 409, "conflict",
                "the rollout of group:pilot-halls version 1 is running; abort it first");
    }
}
