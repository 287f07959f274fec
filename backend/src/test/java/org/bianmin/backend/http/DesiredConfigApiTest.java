package org.bianmin.backend.http;

import static org.awaitility.Awaitility.await;
import static org.bianmin.backend.fleet.ConfigEnvelopes.homeTimeout;
import static org.bianmin.backend.fleet.ConfigEnvelopes.signed;
import static org.bianmin.backend.fleet.ConfigEnvelopes.utf8;
import static org.bianmin.backend.http.KioskApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bianmin.backend.fleet.ConfigEnvelopes;
import org.bianmin.backend.store.AuditEvent;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Desired and reported config over HTTP against a real backend: the long-poll answered by a push, layers in order,
 * envelopes the backend refuses before any kiosk sees them, reports, token separation and the audit trail.
 */
class DesiredConfigApiTest extends DemoBackendWithAdminKey {
    static final String DEMO = "/api/v1/kiosks/demo-kiosk-01";
    static final String KIOSK = "demo-kiosk-token";
    static final String PUSHES = "/api/v1/admin/config/pushes";
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();

    Api.Reply push(byte[] envelope) {
        return push(envelope, "");
    }

    Api.Reply push(byte[] envelope, String query) {
        return api.send("POST", PUSHES + query, ADMIN, utf8(envelope));
    }

    JsonNode desired() {
        Api.Reply r = api.get(DEMO + "/config/desired", KIOSK);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    CompletableFuture<HttpResponse<String>> longPoll(String known, int wait) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + DEMO
                        + "/config/desired?known=" + known + "&wait=" + wait))
                .header("Authorization", "Bearer " + KIOSK).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aKioskLongPollingForItsConfigGetsAPushAtOnceAndVerifiesItWithTheAdminsPublicKey() throws Exception {
        JsonNode before = desired();
        assertEquals(0, before.get("layers").size(), before.toString());
        CompletableFuture<HttpResponse<String>> poll = longPoll(before.get("etag").asText(), 60);
        await().atMost(Duration.ofSeconds(10)).until(() -> app.configs().waiting() == 1);
        assertFalse(poll.isDone(), "nothing changed yet, so the kiosk waits");

        assertEquals(201, push(signed("kiosk:demo-kiosk-01", 1, homeTimeout(90))).status());

        HttpResponse<String> answer = poll.get();
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals("\"" + body.get("etag").asText() + "\"", answer.headers().firstValue("ETag").orElseThrow());
        JsonNode layer = body.get("layers").get(0);
        Verdict verdict = new ConfigVerifier(List.of(ConfigEnvelopes.ADMIN.publicKey()), "demo-kiosk-01", Set.of())
                .verify(JSON.writeValueAsBytes(layer), 0);
        assertTrue(verdict.isAccepted(), verdict.toString());
        assertEquals(90, ((Verdict.Accepted) verdict).config().config().at("/session/timeouts/home").asInt());
        // the answer may reach the client a moment before the server forgets the poll
        await().atMost(Duration.ofSeconds(5)).until(() -> app.configs().waiting() == 0);
    }

    @Test
    void aLongPollThatSeesNoChangeEndsWithNoContentWhenItsWaitIsUp() throws Exception {
        String etag = desired().get("etag").asText();
        HttpResponse<String> answer = longPoll(etag, 1).get();
        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(204, api.get(DEMO + "/config/desired?known=" + etag, KIOSK).status(), "no wait: answered at once");
    }

    @Test
    void aKioskThatWasOfflineGetsWhatWasPushedMeanwhileAtItsFirstPoll() throws Exception {
        String etag = desired().get("etag").asText();
        assertEquals(201, push(signed("fleet", 1, homeTimeout(70))).status());
        assertEquals(201, push(signed("fleet", 2, homeTimeout(80))).status());
        HttpResponse<String> answer = longPoll(etag, 60).get();
        assertEquals(200, answer.statusCode());
        JsonNode layers = JSON.readTree(answer.body()).get("layers");
        assertEquals(1, layers.size());
        assertEquals(2, layers.get(0).get("version").asInt(), "only the latest version of a layer is handed out");
    }

    @Test
    void layersComeFleetFirstThenTheGroupsInTheKiosksOrderThenTheKiosksOwn() {
        for (String g : new String[] {"east-county", "pilot-halls"}) {
            assertEquals(201, api.send("POST", "/api/v1/admin/groups", ADMIN, "{\"name\":\"" + g + "\"}").status());
        }
        Api.Reply set = api.send("PUT", "/api/v1/admin/kiosks/demo-kiosk-01/groups", ADMIN, "{\"groups\":[\"pilot-halls\",\"east-county\"]}");
        assertEquals(200, set.status(), set.body());
        assertEquals(201, push(signed("kiosk:demo-kiosk-01", 1, homeTimeout(61))).status());
        assertEquals(201, push(signed("group:east-county", 1, homeTimeout(62))).status());
        assertEquals(201, push(signed("group:pilot-halls", 1, homeTimeout(63))).status());
        assertEquals(201, push(signed("fleet", 1, homeTimeout(64))).status());

        JsonNode d = desired();
        assertEquals("[\"pilot-halls\",\"east-county\"]", d.get("groups").toString());
        List<String> targets = new ArrayList<>();
        d.get("layers").forEach(l -> targets.add(l.get("target").asText()));
        assertEquals(List.of("fleet", "group:pilot-halls", "group:east-county", "kiosk:demo-kiosk-01"), targets);

        String etag = d.get("etag").asText();
        api.send("PUT", "/api/v1/admin/kiosks/demo-kiosk-01/groups", ADMIN, "{\"groups\":[\"east-county\"]}");
        JsonNode after = desired();
        assertFalse(etag.equals(after.get("etag").asText()), "leaving a group changes the set");
        assertEquals(3, after.get("layers").size());
    }

    @Test
    void theBackendRefusesEnvelopesThatDoNotVerifyAgainstTheRegisteredAdminKeys() {
        byte[] good = signed("fleet", 1, homeTimeout(90));
        assertProblem(push(signed("fleet", 1, homeTimeout(90), ConfigEnvelopes.OTHER)), 422, "envelope-refused",
                "signed with key " + ConfigEnvelopes.OTHER.keyId() + ", which is not registered here");
        assertProblem(push(ConfigEnvelopes.edited(good, e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e.get("config")
                .get("session").get("timeouts")).put("home", 10))), 422, "envelope-refused", "does not match its signature");
        assertProblem(push(ConfigEnvelopes.edited(good, e -> e.remove("signature"))), 422, "envelope-refused", "is not signed");
        assertProblem(push(ConfigEnvelopes.edited(good, e -> e.put("expires", "never"))), 422, "envelope-refused",
                "has a field 'expires' that signed configs do not have");
        assertProblem(api.send("POST", PUSHES, ADMIN, "not json"), 422, "envelope-refused", "is not JSON");
        assertEquals(0, desired().get("layers").size(), "nothing refused reaches a kiosk");
        assertEquals(0, app.store().configs().latest("fleet"));
    }

    @Test
    void aVersionNotAboveTheTargetsLatestIsRefusedAsAReplay() {
        byte[] v2 = signed("fleet", 2, homeTimeout(90));
        assertEquals(201, push(v2).status());
        assertProblem(push(v2), 409, "conflict", "fleet is at version 2 already");
        assertProblem(push(signed("fleet", 1, homeTimeout(80))), 409, "conflict", "a push must carry a higher version (3)");
        assertEquals(2, desired().get("layers").get(0).get("version").asInt());
    }

    @Test
    void aGroupOrFleetLayerMayNotNameAKioskIdAndPushesGoOnlyToTargetsThatExist() {
        assertProblem(push(signed("fleet", 1, ConfigEnvelopes.layer("identity:\n  kioskId: kiosk-x\n"))), 400, "invalid-request",
                "would give every kiosk of fleet the same id");
        assertProblem(push(signed("kiosk:demo-kiosk-01", 1, ConfigEnvelopes.layer("identity:\n  kioskId: other-kiosk\n"))), 400,
                "invalid-request", "is not the id of kiosk demo-kiosk-01");
        assertProblem(push(signed("group:nowhere", 1, homeTimeout(90))), 404, "not-found", "no group nowhere exists");
        assertProblem(push(signed("kiosk:kiosk-unknown", 1, homeTimeout(90))), 404, "not-found", "no kiosk kiosk-unknown is registered");
        assertProblem(push(signed("kiosk:demo-kiosk-01", 1, homeTimeout(90)), "?stagePercent=10"), 400, "invalid-request",
                "a push to one kiosk has no stages");
    }

    @Test
    void kioskTokensCannotUseTheAdminConfigApiAndAdminTokensCannotPollAKiosksConfig() {
        String other = api.send("POST", "/api/v1/admin/kiosks", ADMIN, "{\"kioskId\":\"kiosk-two\",\"name\":\"乙镇\"}").json()
                .get("token").asText();
        assertProblem(api.send("POST", PUSHES, KIOSK, utf8(signed("fleet", 1, homeTimeout(90)))), 403, "wrong-token-kind",
                "this is a kiosk token");
        assertProblem(api.get("/api/v1/admin/config/status", KIOSK), 403, "wrong-token-kind", "this is a kiosk token");
        assertProblem(api.get(DEMO + "/config/desired", ADMIN), 403, "wrong-token-kind", "this is an admin token");
        assertProblem(api.send("PUT", DEMO + "/config/reported", ADMIN, "{\"layers\":[]}"), 403, "wrong-token-kind", "admin token");
        assertProblem(api.get(DEMO + "/config/desired", other), 403, "wrong-kiosk", "belongs to kiosk kiosk-two");
        assertProblem(api.get(DEMO + "/config/desired", null), 401, "unauthenticated", "no Authorization header");
    }

    @Test
    void aKioskReportsItsOwnLayersOnceEachAndSaysWhyWhenOneFailed() {
        String at = "\"at\":\"2026-03-02T01:30:00Z\"";
        assertEquals(204, api.send("PUT", DEMO + "/config/reported", KIOSK,
                "{\"layers\":[{\"target\":\"fleet\",\"version\":1,\"status\":\"applied\"," + at + "}]}").status());
        assertProblem(api.send("PUT", DEMO + "/config/reported", KIOSK,
                "{\"layers\":[{\"target\":\"kiosk:kiosk-two\",\"version\":1,\"status\":\"applied\"," + at + "}]}"), 400,
                "invalid-request", "kiosk:kiosk-two is another kiosk's layer");
        assertProblem(api.send("PUT", DEMO + "/config/reported", KIOSK,
                "{\"layers\":[{\"target\":\"fleet\",\"version\":1,\"status\":\"applied\"," + at + "},"
                        + "{\"target\":\"fleet\",\"version\":2,\"status\":\"applied\"," + at + "}]}"), 400, "invalid-request",
                "fleet is reported twice");
        assertProblem(api.send("PUT", DEMO + "/config/reported", KIOSK,
                "{\"layers\":[{\"target\":\"fleet\",\"version\":1,\"status\":\"failed\"," + at + "}]}"), 400, "invalid-request",
                "reason: is required when the status is failed");
        assertProblem(api.send("PUT", DEMO + "/config/reported", KIOSK,
                "{\"layers\":[{\"target\":\"fleet\",\"version\":1,\"status\":\"broken\"," + at + "}]}"), 400, "invalid-request",
                "'broken' is not a status; use one of pending, applied, failed, reverted, rejected");
    }

    @Test
    void everyPushKeyAndGroupChangeIsAuditedWithTheAdminsName() {
        api.send("POST", "/api/v1/admin/groups", ADMIN, "{\"name\":\"east-county\"}");
        api.send("PUT", "/api/v1/admin/kiosks/demo-kiosk-01/groups", ADMIN, "{\"groups\":[\"east-county\"]}");
        push(signed("group:east-county", 1, homeTimeout(90)));
        List<AuditEvent> events = app.store().audit().latest(10);
        List<String> lines = events.stream().map(e -> e.action() + " " + e.target() + " " + e.detail()).toList();
        assertTrue(lines.get(0).startsWith("config.pushed group:east-county version 1 by admin demo-admin, key "
                + ConfigEnvelopes.ADMIN.keyId()), lines.toString());
        assertTrue(lines.get(1).startsWith("config.groups-set kiosk:demo-kiosk-01 groups east-county, by admin demo-admin"), lines.toString());
        assertTrue(lines.get(2).startsWith("config.group-added group:east-county by admin demo-admin"), lines.toString());
        assertTrue(lines.get(3).startsWith("config.key-added key " + ConfigEnvelopes.ADMIN.keyId() + " by admin demo-admin"), lines.toString());
    }
}
