package org.bianmin.backend.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.bianmin.backend.TestClock;
import org.bianmin.backend.auth.TokenHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet's tables (migrations V4 and V6): heartbeats, admin tokens, technician codes, bundles, console sessions, and
 * the housekeeping of kiosks and groups; per engine.
 */
abstract class FleetStoreContract {
    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    final TestClock clock = new TestClock(T0);
    Store store;

    abstract String freshDatabaseUrl();

    @BeforeEach
    void open() {
        store = Store.open(freshDatabaseUrl(), clock);
        store.kiosks().add(new Kiosk("kiosk-a", "甲镇便民服务中心"), TokenHash.of("token-a-123"));
        store.kiosks().add(new Kiosk("kiosk-b", "乙镇便民服务中心"), TokenHash.of("token-b-123"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theLatestHeartbeatReplacesThePreviousAndEachJoinsTheHistoryNewestFirst() {
        store.heartbeats().record("kiosk-a", 10, "{\"n\":1}", "{\"s\":1}");
        clock.advance(Duration.ofSeconds(10));
        store.heartbeats().record("kiosk-a", 60, "{\"n\":2}", "{\"s\":2}");
        var latest = store.heartbeats().latest("kiosk-a").orElseThrow();
        assertEquals("{\"n\":2}", latest.heartbeatJson());
        assertEquals(60, latest.intervalSeconds());
        assertEquals(T0.plusSeconds(10), latest.receivedAt());
        assertEquals(List.of("{\"s\":2}", "{\"s\":1}"),
                store.heartbeats().history("kiosk-a", 10).stream().map(KioskHeartbeats.Entry::summaryJson).toList());
        assertTrue(store.heartbeats().latest("kiosk-b").isEmpty());
        assertEquals(1, store.heartbeats().latest().size());
    }

    @Test
    void theHistoryKeepsAtMostItsRowLimitPerKioskAndLeavesOtherKiosksAlone() {
        KioskHeartbeats small = new KioskHeartbeats(store.database().jdbi(), clock, 5, Duration.ofDays(7));
        small.record("kiosk-b", 10, "{}", "{\"b\":0}");
        IntStream.range(0, 8).forEach(i -> {
            clock.advance(Duration.ofSeconds(10));
            small.record("kiosk-a", 10, "{}", "{\"a\":" + i + "}");
        });
        assertEquals(List.of("{\"a\":7}", "{\"a\":6}", "{\"a\":5}", "{\"a\":4}", "{\"a\":3}"),
                small.history("kiosk-a", 100).stream().map(KioskHeartbeats.Entry::summaryJson).toList());
        assertEquals(1, small.history("kiosk-b", 100).size());
    }

    @Test
    void theHistoryForgetsHeartbeatsOlderThanSevenDays() {
        store.heartbeats().record("kiosk-a", 10, "{}", "{\"old\":true}");
        clock.advance(KioskHeartbeats.KEEP_FOR.plusMinutes(1));
        store.heartbeats().record("kiosk-a", 10, "{}", "{\"new\":true}");
        assertEquals(List.of("{\"new\":true}"),
                store.heartbeats().history("kiosk-a", 100).stream().map(KioskHeartbeats.Entry::summaryJson).toList());
    }

    @Test
    void anAdminIsFoundByTheHashOfTheirTokenAndANameIsTakenOnce() {
        store.admins().add("ops-li", TokenHash.of("admin-token-1"));
        assertEquals("ops-li", store.admins().byTokenHash(TokenHash.of("admin-token-1")).orElseThrow().name());
        assertThrows(ConflictException.class, () -> store.admins().add("ops-li", TokenHash.of("admin-token-2")));
        assertThrows(InvalidInputException.class, () -> store.admins().add("ops li", TokenHash.of("admin-token-3")));
        assertTrue(store.admins().remove("ops-li"));
        assertTrue(store.admins().byTokenHash(TokenHash.of("admin-token-1")).isEmpty());
    }

    @Test
    void aTechnicianCodeIsKeptByItsHashWithItsUsesAndIssueAndUseAreAudited() {
        var code = new TechnicianCodes.TechnicianCode(TokenHash.of("BMTECH1:code"), "kiosk-a", "王师傅", "ops-li", T0,
                T0.plus(Duration.ofMinutes(30)), 0);
        store.technicianCodes().issue(code);
        store.technicianCodes().recordUse(code, T0.plusSeconds(5));
        var found = store.technicianCodes().find(TokenHash.of("BMTECH1:code")).orElseThrow();
        assertEquals(1, found.uses());
        assertEquals(T0.plus(Duration.ofMinutes(30)), found.expiresAt());
        assertEquals(List.of("technician-code.accepted", "technician-code.issued"),
                store.audit().latest(2).stream().map(AuditEvent::action).toList());
        assertFalse(store.audit().latest(2).stream().anyMatch(e -> String.valueOf(e.detail()).contains("BMTECH1")));
    }

    @Test
    void aKioskKeepsItsTenNewestDiagnosticBundlesByteForByte() {
        for (int i = 0; i < DiagnosticBundles.KEEP_PER_KIOSK + 2; i++) {
            clock.advance(Duration.ofMinutes(1));
            store.diagnostics().save("kiosk-a", new byte[] {'P', 'K', 3, 4, (byte) i}, "sha-" + i);
        }
        List<DiagnosticBundles.Bundle> kept = store.diagnostics().list("kiosk-a");
        assertEquals(DiagnosticBundles.KEEP_PER_KIOSK, kept.size());
        assertEquals("sha-11", kept.get(0).sha256());
        assertEquals("sha-2", kept.get(kept.size() - 1).sha256());
        assertArrayEquals(new byte[] {'P', 'K', 3, 4, 11}, store.diagnostics().download(kept.get(0).id(), "ops-li").orElseThrow());
        assertEquals("diagnostics.downloaded", store.audit().latest(1).get(0).action());
    }

    @Test
    void aConsoleSessionEndsWhenIdleAndAtItsMaximumAgeAndWithItsAdmin() {
        store.admins().add("ops-li", TokenHash.of("admin-token-1"));
        Duration idle = Duration.ofMinutes(30);
        Duration maxAge = Duration.ofHours(2);
        store.consoleSessions().create("s1", "ops-li", clock.instant(), idle);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertEquals("ops-li", store.consoleSessions().use("s1", clock.instant(), idle, maxAge).orElseThrow(), "use " + i);
        }
        clock.advance(Duration.ofMinutes(5));
        assertTrue(store.consoleSessions().use("s1", clock.instant(), idle, maxAge).isEmpty(), "past the maximum age");

        store.consoleSessions().create("s2", "ops-li", clock.instant(), idle);
        clock.advance(Duration.ofMinutes(31));
        assertTrue(store.consoleSessions().use("s2", clock.instant(), idle, maxAge).isEmpty(), "idle too long");

        store.consoleSessions().create("s3", "ops-li", clock.instant(), idle);
        store.admins().remove("ops-li");
        assertTrue(store.consoleSessions().use("s3", clock.instant(), idle, maxAge).isEmpty(), "admin removed");
    }

    private void push(String target, long version, Integer stagePercent) {
        store.configs().push(new DesiredConfigs.Push(target, version, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "0123456789abcdef", "0".repeat(64), "ops-li", null, stagePercent, 1));
    }

    @Test
    void aRemovedKioskLeavesItsGroupsAndListsKeepsItsHistoryAndNoLongerHoldsBackARollout() {
        store.groups().add("pilot-halls", "ops-li");
        store.groups().set("kiosk-a", List.of("pilot-halls"), "ops-li");
        store.groups().set("kiosk-b", List.of("pilot-halls"), "ops-li");
        push("group:pilot-halls", 1, 50);
        DesiredConfigs.OpenRollout wave1 = store.configs().snapshot().rollouts().getFirst();
        String released = wave1.released().iterator().next();
        store.heartbeats().record(released, 10, "{}", "{}");

        DesiredConfigs.RemovedKiosk removed = store.configs().removeKiosk(released, "ops-li");

        assertEquals(List.of("pilot-halls"), removed.groups());
        String other = released.equals("kiosk-a") ? "kiosk-b" : "kiosk-a";
        assertEquals(List.of(other), store.kiosks().all().stream().map(Kiosk::id).toList());
        assertTrue(store.kiosks().find(released).isEmpty());
        assertEquals(T0, store.kiosks().removedAt(released).orElseThrow());
        assertEquals(T0, store.kiosks().byTokenHash(TokenHash.of(released.equals("kiosk-a") ? "token-a-123" : "token-b-123"))
                .orElseThrow().removedAt(), "the token is still recognised, to be refused with the reason");
        DesiredConfigs.Snapshot snapshot = store.configs().snapshot();
        assertEquals(java.util.Set.of(released), snapshot.removed());
        assertFalse(snapshot.groupsByKiosk().containsKey(released));
        assertEquals(java.util.Set.of(other), snapshot.rollouts().getFirst().released(), "wave 2 went out, without the removed kiosk");
        assertEquals(1, store.heartbeats().history(released, 10).size());
        assertThrows(NotFoundException.class, () -> store.configs().removeKiosk(released, "ops-li"));
        assertEquals("kiosk.removed", store.audit().latest(1).getFirst().action());
    }

    @Test
    void aKioskMovesInThePlaceOfTheGroupItLeavesAndAGroupGoesOnlyOnceEmptyAndItsLayerWithdrawn() {
        for (String g : new String[] {"county-wide", "xiaoshan-east", "xiaoshan-west"}) {
            store.groups().add(g, "ops-li");
        }
        store.groups().set("kiosk-a", List.of("xiaoshan-east", "county-wide"), "ops-li");
        push("group:xiaoshan-east", 1, null);

        assertThrows(ConflictException.class, () -> store.groups().move("kiosk-a", null, "xiaoshan-west", "ops-li"));
        assertThrows(ConflictException.class, () -> store.groups().remove("xiaoshan-east", "ops-li"));
        assertThrows(ConflictException.class, () -> store.configs().clearLayer("group:xiaoshan-east", "ops-li"));
        assertEquals(List.of("xiaoshan-west", "county-wide"),
                store.groups().move("kiosk-a", "xiaoshan-east", "xiaoshan-west", "ops-li").groups());
        ConflictException layerSet = assertThrows(ConflictException.class, () -> store.groups().remove("xiaoshan-east", "ops-li"));
        assertTrue(layerSet.getMessage().contains("config clear --target group:xiaoshan-east"), layerSet.getMessage());

        assertEquals(1, store.configs().clearLayer("group:xiaoshan-east", "ops-li").version());
        assertFalse(store.configs().snapshot().versions().containsKey("group:xiaoshan-east"));
        assertThrows(NotFoundException.class, () -> store.configs().clearLayer("group:xiaoshan-east", "ops-li"));
        store.groups().remove("xiaoshan-east", "ops-li");

        assertFalse(store.groups().exists("xiaoshan-east"));
        assertEquals(1, store.configs().latest("group:xiaoshan-east"), "the history stays, so versions go on from it");
        store.groups().add("xiaoshan-east", "ops-li");
        push("group:xiaoshan-east", 2, null);
        assertEquals(2L, store.configs().snapshot().versions().get("group:xiaoshan-east"), "a push sets a withdrawn layer again");
    }
}
