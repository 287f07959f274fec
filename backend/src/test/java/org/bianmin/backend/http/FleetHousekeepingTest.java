package org.bianmin.backend.http;

import static org.awaitility.Awaitility.await;
import static org.bianmin.backend.fleet.ConfigEnvelopes.homeTimeout;
import static org.bianmin.backend.fleet.ConfigEnvelopes.signed;
import static org.bianmin.backend.fleet.ConfigEnvelopes.utf8;
import static org.bianmin.backend.http.KioskApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.bianmin.backend.fleet.HeartbeatJson;
import org.bianmin.backend.store.AuditEvent;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Fleet housekeeping over HTTP against a real backend: removing a kiosk (its token refused, its lists and rollouts left,
 * its history kept), moving a kiosk between groups (its waiting long-poll gets the new group's layer), removing a group
 * (refused while kiosks or a layer remain), rotating a kiosk's token, and kiosk tokens refused on all of it.
 */
class FleetHousekeepingTest extends DemoBackendWithAdminKey {
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newHttpClient();

    void group(String name) {
        Api.Reply r = api.send("POST", "/api/v1/admin/groups", ADMIN, "{\"name\":\"" + name + "\"}");
        assertEquals(201, r.status(), r.body());
    }

    /** Adds a kiosk in {@code groups} and returns its token. */
    String kiosk(String id, String... groups) {
        String list = String.join(",", java.util.Arrays.stream(groups).map(g -> "\"" + g + "\"").toList());
        Api.Reply r = api.send("POST", "/api/v1/admin/kiosks", ADMIN,
                "{\"kioskId\":\"" + id + "\",\"name\":\"便民服务中心 " + id + "\",\"groups\":[" + list + "]}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("token").asText();
    }

    void push(String target, long version, int home, String query) {
        Api.Reply r = api.send("POST", "/api/v1/admin/config/pushes" + query, ADMIN, utf8(signed(target, version, homeTimeout(home))));
        assertEquals(201, r.status(), r.body());
    }

    JsonNode desired(String id, String token) {
        Api.Reply r = api.get("/api/v1/kiosks/" + id + "/config/desired", token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    CompletableFuture<HttpResponse<String>> longPoll(String id, String token, String known) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/kiosks/" + id
                        + "/config/desired?known=" + known + "&wait=60"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    void report(String id, String token, String target, long version) {
        Api.Reply r = api.send("PUT", "/api/v1/kiosks/" + id + "/config/reported", token, "{\"layers\":[{\"target\":\"" + target
                + "\",\"version\":" + version + ",\"running\":" + version + ",\"status\":\"applied\",\"at\":\"2026-03-02T01:30:00Z\"}]}");
        assertEquals(204, r.status(), r.body());
    }

    List<String> ids(JsonNode kiosks) {
        List<String> ids = new ArrayList<>();
        kiosks.forEach(k -> ids.add(k.get("kioskId").asText()));
        return ids;
    }

    List<String> audited() {
        return app.store().audit().latest(30).stream().map(e -> e.action() + " " + e.target()).toList();
    }

    @Test
    void aRemovedKiosksTokenIsRefusedAtOnceItLeavesEveryListAndItsHistoryIsKept() {
        group("xiaoshan-east");
        String token = kiosk("xs-east-01", "xiaoshan-east");
        kiosk("xs-east-02", "xiaoshan-east");
        assertEquals(204, api.send("PUT", "/api/v1/kiosks/xs-east-01/heartbeat", token, HeartbeatJson.healthy().json()).status());

        Api.Reply removed = api.send("DELETE", "/api/v1/admin/kiosks/xs-east-01", ADMIN, null);

        assertEquals(200, removed.status(), removed.body());
        assertEquals("[\"xiaoshan-east\"]", removed.json().get("groups").toString());
        assertProblem(api.get("/api/v1/kiosks/xs-east-01/config/desired", token), 401, "unauthenticated", "removed from the fleet");
        assertProblem(api.send("PUT", "/api/v1/kiosks/xs-east-01/heartbeat", token, HeartbeatJson.healthy().json()), 401,
                "unauthenticated", "removed from the fleet");
        assertProblem(api.get("/api/v1/kiosks/xs-east-01/services", token), 401, "unauthenticated", "removed from the fleet");
        assertEquals(List.of("demo-kiosk-01", "xs-east-02"), ids(api.get("/api/v1/admin/kiosks", ADMIN).json().get("kiosks")));
        assertEquals(List.of("demo-kiosk-01", "xs-east-02"), ids(api.get("/api/v1/admin/config/status", ADMIN).json().get("kiosks")));
        assertEquals("[\"xs-east-02\"]", api.get("/api/v1/admin/groups", ADMIN).json().get("groups").get(0).get("kiosks").toString());
        assertProblem(api.get("/api/v1/admin/config/status?kiosk=xs-east-01", ADMIN), 404, "not-found", "was removed from the fleet on");
        assertProblem(api.send("DELETE", "/api/v1/admin/kiosks/xs-east-01", ADMIN, null), 404, "not-found", "kiosk add xs-east-01");
        assertEquals(1, api.get("/api/v1/admin/kiosks/xs-east-01/history", ADMIN).json().get("heartbeats").size(),
                "its heartbeats are kept and readable");
        assertEquals(200, api.get("/api/v1/admin/config/history?kiosk=xs-east-01", ADMIN).status(), "so is its config history");
        assertTrue(audited().contains("kiosk.removed kiosk:xs-east-01"), audited().toString());
        assertTrue(audited().contains("kiosk.added kiosk:xs-east-01"), "its earlier audit rows are kept");
    }

    @Test
    void aRemovedKioskThatWasWaitingForItsConfigIsAnsweredWithNothingAndNotWithALayer() throws Exception {
        group("xiaoshan-east");
        push("group:xiaoshan-east", 1, 90, "");
        String token = kiosk("xs-east-01", "xiaoshan-east");
        CompletableFuture<HttpResponse<String>> poll = longPoll("xs-east-01", token, desired("xs-east-01", token).get("etag").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> app.configs().waiting() == 1);

        assertEquals(200, api.send("DELETE", "/api/v1/admin/kiosks/xs-east-01", ADMIN, null).status());

        HttpResponse<String> answer = poll.get();
        assertEquals(204, answer.statusCode(), "leaving its group changed its set, but a removed kiosk gets nothing: " + answer.body());
        assertProblem(api.get("/api/v1/kiosks/xs-east-01/config/desired", token), 401, "unauthenticated", "removed from the fleet");
    }

    @Test
    void aRemovedKioskNoLongerHoldsBackAStagedRolloutAndNoLongerCountsInIt() {
        group("pilot-halls");
        String first = kiosk("hall-01", "pilot-halls");
        String second = kiosk("hall-02", "pilot-halls");
        push("group:pilot-halls", 1, 90, "?stagePercent=50");
        String released = desired("hall-01", first).get("layers").isEmpty() ? "hall-02" : "hall-01";
        String waiting = released.equals("hall-01") ? "hall-02" : "hall-01";
        String waitingToken = released.equals("hall-01") ? second : first;
        assertEquals(0, desired(waiting, waitingToken).get("layers").size(), "wave 1 released one kiosk of two");

        assertEquals(200, api.send("DELETE", "/api/v1/admin/kiosks/" + released, ADMIN, null).status());

        JsonNode layers = desired(waiting, waitingToken).get("layers");
        assertEquals(1, layers.size(), "the released kiosk never reported, and is gone: the next wave goes out");
        assertEquals(1, layers.get(0).get("version").asLong());
        JsonNode rollout = api.get("/api/v1/admin/config/status", ADMIN).json().get("rollouts").get(0);
        assertEquals(1, rollout.get("released").asInt(), rollout.toString());
        assertEquals(1, rollout.get("members").asInt(), rollout.toString());
        report(waiting, waitingToken, "group:pilot-halls", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(
                api.get("/api/v1/admin/config/status", ADMIN).json().get("rollouts").get(0).get("state").asText()));
    }

    @Test
    void aRemovedKioskAddedAgainGetsANewTokenAndTheOldOneStaysRefused() {
        String old = kiosk("xs-east-01");
        assertEquals(200, api.send("DELETE", "/api/v1/admin/kiosks/xs-east-01", ADMIN, null).status());

        String fresh = kiosk("xs-east-01");

        assertNotEquals(old, fresh);
        assertEquals(200, api.get("/api/v1/kiosks/xs-east-01/config/desired", fresh).status());
        assertProblem(api.get("/api/v1/kiosks/xs-east-01/config/desired", old), 401, "unauthenticated", "no registered kiosk");
        assertTrue(ids(api.get("/api/v1/admin/kiosks", ADMIN).json().get("kiosks")).contains("xs-east-01"));
    }

    @Test
    void aMovedKiosksWaitingLongPollGetsTheNewGroupsLayerAtOnce() throws Exception {
        group("xiaoshan-east");
        group("xiaoshan-west");
        push("group:xiaoshan-east", 1, 90, "");
        push("group:xiaoshan-west", 1, 120, "");
        String token = kiosk("xs-01", "xiaoshan-east");
        JsonNode before = desired("xs-01", token);
        assertEquals("group:xiaoshan-east", before.get("layers").get(0).get("target").asText());
        CompletableFuture<HttpResponse<String>> poll = longPoll("xs-01", token, before.get("etag").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> app.configs().waiting() == 1);

        Api.Reply moved = api.send("POST", "/api/v1/admin/kiosks/xs-01/move", ADMIN, "{\"to\":\"xiaoshan-west\"}");

        assertEquals(200, moved.status(), moved.body());
        assertEquals("[\"xiaoshan-west\"]", moved.json().get("groups").toString());
        HttpResponse<String> answer = poll.get();
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = JSON.readTree(answer.body());
        assertEquals("[\"xiaoshan-west\"]", body.get("groups").toString());
        JsonNode layer = body.get("layers").get(0);
        assertEquals("group:xiaoshan-west", layer.get("target").asText());
        Verdict verdict = new ConfigVerifier(List.of(ConfigEnvelopes.ADMIN.publicKey()), "xs-01", Set.of("xiaoshan-west"))
                .verify(JSON.writeValueAsBytes(layer), 0);
        assertTrue(verdict.isAccepted(), verdict.toString());
        assertEquals(120, ((Verdict.Accepted) verdict).config().config().at("/session/timeouts/home").asInt());
        AuditEvent event = app.store().audit().latest(1).getFirst();
        assertEquals("config.kiosk-moved", event.action());
        assertEquals("from group xiaoshan-east to xiaoshan-west, now in xiaoshan-west, by admin demo-admin", event.detail());
    }

    @Test
    void aKioskInSeveralGroupsMovesOnlyWhenToldWhichItLeavesAndKeepsItsOrder() {
        group("county-wide");
        group("xiaoshan-east");
        group("xiaoshan-west");
        kiosk("xs-01", "county-wide", "xiaoshan-east");

        assertProblem(api.send("POST", "/api/v1/admin/kiosks/xs-01/move", ADMIN, "{\"to\":\"xiaoshan-west\"}"), 409, "conflict",
                "is in 2 groups (county-wide, xiaoshan-east); say which it leaves with --from GROUP");
        assertProblem(api.send("POST", "/api/v1/admin/kiosks/xs-01/move", ADMIN, "{\"from\":\"xiaoshan-west\",\"to\":\"county-wide\"}"),
                409, "conflict", "is not in group xiaoshan-west; it is in county-wide, xiaoshan-east");
        assertProblem(api.send("POST", "/api/v1/admin/kiosks/xs-01/move", ADMIN, "{\"from\":\"xiaoshan-east\",\"to\":\"county-wide\"}"),
                409, "conflict", "is in group county-wide already");
        assertProblem(api.send("POST", "/api/v1/admin/kiosks/xs-01/move", ADMIN, "{\"from\":\"xiaoshan-east\",\"to\":\"no-such-group\"}"),
                404, "not-found", "no group no-such-group exists");
        assertProblem(api.send("POST", "/api/v1/admin/kiosks/xs-01/move", ADMIN, "{\"from\":\"xiaoshan-east\"}"),
                400, "invalid-request", "the group the kiosk moves to");

        Api.Reply moved = api.send("POST", "/api/v1/admin/kiosks/xs-01/move", ADMIN, "{\"from\":\"xiaoshan-east\",\"to\":\"xiaoshan-west\"}");

        assertEquals(200, moved.status(), moved.body());
        assertEquals("[\"county-wide\",\"xiaoshan-west\"]", moved.json().get("groups").toString());
    }

    @Test
    void aGroupIsRemovedOnlyOnceNoKioskIsInItAndItsLayerIsWithdrawn() {
        group("xiaoshan-east");
        group("xiaoshan-west");
        kiosk("xs-01", "xiaoshan-east");
        kiosk("xs-02", "xiaoshan-east");
        push("group:xiaoshan-east", 1, 90, "");

        assertProblem(api.send("DELETE", "/api/v1/admin/groups/xiaoshan-east", ADMIN, null), 409, "conflict",
                "group xiaoshan-east still has 2 kiosks (xs-01, xs-02); move each out first: ./kiosk admin kiosk move xs-01 "
                        + "--from xiaoshan-east --to OTHER-GROUP");
        assertProblem(api.send("DELETE", "/api/v1/admin/config/targets/group:xiaoshan-east", ADMIN, null), 409, "conflict",
                "which keep running its layer");
        for (String k : new String[] {"xs-01", "xs-02"}) {
            assertEquals(200, api.send("POST", "/api/v1/admin/kiosks/" + k + "/move", ADMIN, "{\"to\":\"xiaoshan-west\"}").status());
        }
        assertProblem(api.send("DELETE", "/api/v1/admin/groups/xiaoshan-east", ADMIN, null), 409, "conflict",
                "still has a layer set (version 1), which a group added again under this name would hand to its kiosks; withdraw "
                        + "it first: ./kiosk admin config clear --target group:xiaoshan-east");
        assertProblem(api.send("DELETE", "/api/v1/admin/config/targets/fleet", ADMIN, null), 400, "invalid-request",
                "only a group's layer can be withdrawn");

        Api.Reply cleared = api.send("DELETE", "/api/v1/admin/config/targets/group:xiaoshan-east", ADMIN, null);
        assertEquals(200, cleared.status(), cleared.body());
        assertEquals(1, cleared.json().get("version").asLong());
        Api.Reply removed = api.send("DELETE", "/api/v1/admin/groups/xiaoshan-east", ADMIN, null);

        assertEquals(200, removed.status(), removed.body());
        assertEquals(List.of("xiaoshan-west"), api.get("/api/v1/admin/groups", ADMIN).json().get("groups").findValuesAsText("name"));
        assertEquals(1, api.get("/api/v1/admin/config/history?target=group:xiaoshan-east", ADMIN).json().get("pushes").size(),
                "its pushes' history stays");
        assertTrue(audited().containsAll(List.of("config.layer-cleared group:xiaoshan-east version 1",
                "config.group-removed group:xiaoshan-east")), audited().toString());

        group("xiaoshan-east");
        String token = kiosk("xs-03", "xiaoshan-east");
        assertEquals(0, desired("xs-03", token).get("layers").size(), "a group added again under the name starts with no layer");
        push("group:xiaoshan-east", 2, 100, "");
        assertEquals(2, desired("xs-03", token).get("layers").get(0).get("version").asLong(), "its versions go on from the last");
    }

    @Test
    void aRotatedTokenReplacesTheOldOneAtOnceAndAWaitingRequestWithTheOldOneEnds() throws Exception {
        String old = kiosk("xs-01");
        CompletableFuture<HttpResponse<String>> poll = longPoll("xs-01", old, desired("xs-01", old).get("etag").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> app.configs().waiting() == 1);

        Api.Reply rotated = api.send("POST", "/api/v1/admin/kiosks/xs-01/token", ADMIN, null);

        assertEquals(200, rotated.status(), rotated.body());
        String fresh = rotated.json().get("token").asText();
        assertEquals(204, poll.get().statusCode());
        assertProblem(api.get("/api/v1/kiosks/xs-01/config/desired", old), 401, "unauthenticated", "no registered kiosk");
        assertEquals(200, api.get("/api/v1/kiosks/xs-01/config/desired", fresh).status());
        AuditEvent event = app.store().audit().latest(1).getFirst();
        assertEquals("kiosk.token-rotated", event.action());
        assertFalse(event.detail().contains(fresh), "the token never reaches the audit trail");
        assertProblem(api.send("POST", "/api/v1/admin/kiosks/no-such-kiosk/token", ADMIN, null), 404, "not-found", "no kiosk no-such-kiosk");
    }

    @Test
    void aRemovedAdminKeySignsNoMorePushesAndTheAnswerNamesTheLayersWhoseLatestVersionItSigned() {
        group("xiaoshan-east");
        push("fleet", 1, 90, "");
        push("group:xiaoshan-east", 1, 75, "");
        Api.Reply other = api.send("POST", "/api/v1/admin/keys", ADMIN,
                "{\"publicKey\":" + ConfigEnvelopes.quoted(ConfigEnvelopes.OTHER.publicKeyPem()) + "}");
        assertEquals(201, other.status(), other.body());
        Api.Reply resigned = api.send("POST", "/api/v1/admin/config/pushes", ADMIN,
                utf8(signed("group:xiaoshan-east", 2, homeTimeout(75), ConfigEnvelopes.OTHER)));
        assertEquals(201, resigned.status(), resigned.body());
        String keyId = ConfigEnvelopes.ADMIN.keyId();

        Api.Reply removed = api.send("DELETE", "/api/v1/admin/keys/" + keyId, ADMIN, null);

        assertEquals(200, removed.status(), removed.body());
        assertEquals("fleet", removed.json().at("/latestSigned/0/target").asText(), removed.body());
        assertEquals(1, removed.json().get("latestSigned").size(), "the group's latest version is signed by the other key: " + removed.body());
        assertEquals(2, removed.json().get("keysLeft").asInt(), "the demo key and the other key");
        assertProblem(api.send("POST", "/api/v1/admin/config/pushes", ADMIN, utf8(signed("fleet", 2, homeTimeout(80)))), 422,
                "envelope-refused", "signed with key " + keyId + ", which is not registered here");
        assertTrue(audited().contains("config.key-removed key " + keyId), audited().toString());
        assertProblem(api.send("DELETE", "/api/v1/admin/keys/" + keyId, ADMIN, null), 404, "not-found", "no admin key " + keyId);
        assertProblem(api.send("DELETE", "/api/v1/admin/keys/not-a-key", ADMIN, null), 400, "invalid-request", "is 16 hex digits");
        String token = kiosk("xs-01", "xiaoshan-east");
        assertProblem(api.send("DELETE", "/api/v1/admin/keys/" + ConfigEnvelopes.OTHER.keyId(), token, null), 403, "wrong-token-kind",
                "this is a kiosk token");
        assertEquals(2, desired("xs-01", token).get("layers").size(), "kiosks keep the layers the removed key signed");
    }

    @Test
    void aKioskTokenCanNeitherRemoveMoveNorRotateKiosksNorRemoveGroupsNorWithdrawLayers() {
        group("xiaoshan-east");
        String token = kiosk("xs-01", "xiaoshan-east");
        List<Api.Reply> replies = List.of(
                api.send("DELETE", "/api/v1/admin/kiosks/xs-01", token, null),
                api.send("POST", "/api/v1/admin/kiosks/xs-01/token", token, null),
                api.send("POST", "/api/v1/admin/kiosks/xs-01/move", token, "{\"to\":\"xiaoshan-east\"}"),
                api.send("DELETE", "/api/v1/admin/groups/xiaoshan-east", token, null),
                api.send("DELETE", "/api/v1/admin/config/targets/group:xiaoshan-east", token, null));

        replies.forEach(r -> assertProblem(r, 403, "wrong-token-kind", "this is a kiosk token"));
        assertEquals(200, api.get("/api/v1/kiosks/xs-01/config/desired", token).status(), "its own token still works");
        assertTrue(ids(api.get("/api/v1/admin/kiosks", ADMIN).json().get("kiosks")).contains("xs-01"));
    }
}
