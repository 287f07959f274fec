package org.bianmin.kiosk.fleet;

import static org.bianmin.kiosk.fleet.FleetKiosk.desired;
import static org.bianmin.kiosk.fleet.FleetKiosk.home;
import static org.bianmin.kiosk.fleet.FleetKiosk.signed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.kiosk.fleet.ReportedConfig.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet's, the groups' and the kiosk's own layers: merged in that order over the provisioned file, each verified
 * against the version of its own target the kiosk runs, each reported on its own, and stored, applied and reverted
 * together.
 */
class ConfigLayersTest {
    private static final String KIOSK = "kiosk:" + FleetKiosk.KIOSK_ID;
    private static final String GROUP = "group:" + FleetKiosk.GROUP;
    private static final ConfigTarget GROUP_TARGET = new ConfigTarget.Group(FleetKiosk.GROUP);

    @TempDir
    Path root;
    FleetKiosk kiosk;
    ConfigStore store;
    ConfigApplier applier;

    @BeforeEach
    void provision() {
        kiosk = FleetKiosk.provisionedIn(root);
        store = kiosk.openStore();
        applier = kiosk.applier(store);
    }

    @Test
    void theKiosksLayerLiesOverItsGroupsWhichLiesOverTheFleetsAndEachIsReportedApplied() {
        byte[] fleet = signed(ConfigTarget.FLEET, 4, timeouts(45, 90)).toJson();
        byte[] group = signed(GROUP_TARGET, 2, home("business-licence", "pesticide-licence")).toJson();
        byte[] own = signed(1, timeouts(70, null)).toJson();

        List<ReportedConfig> reports = applier.apply(desired(own, group, fleet));

        assertEquals(List.of("fleet 4 APPLIED", GROUP + " 2 APPLIED", KIOSK + " 1 APPLIED"), summary(reports),
                "one report per layer, in the order the layers lie");
        assertEquals(List.of(Status.PENDING, Status.PENDING, Status.PENDING), kiosk.reports.subList(0, 3).stream()
                .map(ReportedConfig::status).toList());
        var config = kiosk.applied.getLast();
        assertEquals(Duration.ofSeconds(70), config.session().timeouts().home(), "the kiosk's own layer wins");
        assertEquals(Duration.ofSeconds(90), config.session().timeouts().identify(), "the fleet's value where nobody else sets one");
        assertEquals(List.of("business-licence", "pesticide-licence"), config.services(), "the group's services");
        assertEquals(4, config.version(), "the highest layer version");

        StartupConfig restarted = kiosk.openStore().startup();
        assertEquals(config, restarted.config());
        assertEquals(List.of("fleet", GROUP, KIOSK), restarted.layers().layers().stream().map(l -> l.target().toString()).toList());
    }

    @Test
    void aNewFleetVersionMovesAloneAndTheUnchangedLayersAreReportedAsRunning() {
        byte[] own = signed(1, home("business-licence")).toJson();
        applier.apply(desired(signed(ConfigTarget.FLEET, 1, timeouts(45, 90)).toJson(), own));
        kiosk.reports.clear();

        List<ReportedConfig> reports = applier.apply(desired(signed(ConfigTarget.FLEET, 2, timeouts(50, 90)).toJson(), own));

        assertEquals(List.of("fleet 2 APPLIED", KIOSK + " 1 APPLIED"), summary(reports));
        assertEquals(List.of("fleet 2 PENDING", "fleet 2 APPLIED", KIOSK + " 1 APPLIED"), summary(kiosk.reports),
                "only the new layer went through pending");
        assertEquals(Duration.ofSeconds(50), kiosk.applied.getLast().session().timeouts().home());
        assertEquals(List.of("business-licence"), kiosk.applied.getLast().services());
    }

    @Test
    void aLayerSignedByAKeyTheKioskDoesNotTrustIsRejectedWhileTheOthersApplyAndItsTargetKeepsItsRunningVersion() {
        applier.apply(desired(signed(1, home("business-licence")).toJson()));
        byte[] foreignOwn = SignedConfig.sign(home("pesticide-licence"), new ConfigTarget.Kiosk(FleetKiosk.KIOSK_ID), 2,
                FleetKiosk.ISSUED, FleetKiosk.STRANGER.privateKey()).toJson();
        byte[] fleet = signed(ConfigTarget.FLEET, 1, timeouts(45, 90)).toJson();

        List<ReportedConfig> reports = applier.apply(desired(fleet, foreignOwn));

        assertEquals(List.of("fleet 1 APPLIED", KIOSK + " 2 REJECTED"), summary(reports));
        ReportedConfig rejected = reports.get(1);
        assertEquals(1, rejected.runningVersion(), "the kiosk still runs version 1 of its own layer");
        assertTrue(rejected.reason().contains("is signed with key " + FleetKiosk.STRANGER.keyId() + ", which this kiosk does not "
                + "trust"), rejected.reason());
        assertEquals(List.of("business-licence"), kiosk.applied.getLast().services(), "the running kiosk layer stays");
        assertEquals(Duration.ofSeconds(45), kiosk.applied.getLast().session().timeouts().home(), "the fleet layer applied");
        assertEquals(1, store.runningVersion(KIOSK));
        assertEquals(1, store.runningVersion("fleet"));
    }

    @Test
    void anOlderLayerIsRejectedAsStaleAndAGroupLayerForAGroupTheKioskIsNotInAsNotForIt() {
        applier.apply(desired(signed(3, home("business-licence")).toJson()));
        byte[] stale = signed(2, home("pesticide-licence")).toJson();
        byte[] otherGroup = signed(new ConfigTarget.Group("xiaoshan-west"), 1, home("pesticide-licence")).toJson();

        List<ReportedConfig> reports = applier.apply(desired(otherGroup, stale));

        assertEquals(List.of(KIOSK + " 2 REJECTED", "group:xiaoshan-west 1 REJECTED"), summary(reports));
        assertTrue(reports.get(0).reason().contains("is older than version 3, which this kiosk runs"), reports.get(0).reason());
        assertTrue(reports.get(1).reason().contains("is not for this kiosk (township-hall-01, in xiaoshan-east)"),
                reports.get(1).reason());
        assertEquals(3, store.runningVersion(KIOSK));
    }

    @Test
    void whenTheKioskLeavesAGroupItsLayerIsDroppedFromTheMergedConfig() {
        byte[] group = signed(GROUP_TARGET, 1, home("pesticide-licence")).toJson();
        applier.apply(desired(group));
        assertEquals(List.of("pesticide-licence"), kiosk.applied.getLast().services());

        List<ReportedConfig> reports = applier.apply(new DesiredLayers("e2", List.of(), List.of()));

        assertEquals(List.of(), reports);
        assertEquals(kiosk.provisioning.provisioned().services(), kiosk.applied.getLast().services());
        assertEquals(0, store.runningVersion(GROUP));
        assertArrayEquals(new SignedLayers(List.of(), List.of()).toJson(), kiosk.file(ConfigStore.CURRENT).orElseThrow());
    }

    @Test
    void aFailingHealthCheckRevertsEveryNewLayerTogetherAndNoneIsAppliedAgainWhenReDelivered() {
        byte[] fleet1 = signed(ConfigTarget.FLEET, 1, timeouts(45, 90)).toJson();
        byte[] own1 = signed(1, home("business-licence")).toJson();
        applier.apply(desired(fleet1, own1));
        byte[] stored = kiosk.file(ConfigStore.CURRENT).orElseThrow();
        kiosk.unhealthy = "the required A4 printer is not usable: document-printer down";
        byte[] fleet2 = signed(ConfigTarget.FLEET, 2, timeouts(50, 90)).toJson();
        byte[] own2 = signed(2, home("pesticide-licence")).toJson();

        List<ReportedConfig> reports = applier.apply(desired(fleet2, own2));

        assertEquals(List.of("fleet 2 REVERTED", KIOSK + " 2 REVERTED"), summary(reports));
        assertTrue(reports.get(0).reason().startsWith("version 2 (applied with " + KIOSK + " version 2) failed its health check "
                + "after it was applied: the required A4 printer is not usable: document-printer down; the kiosk went back to "
                + "fleet version 1, " + KIOSK + " version 1, its last known good config"), reports.get(0).reason());
        assertEquals(List.of("business-licence"), kiosk.applied.getLast().services(), "the last known good config is live again");
        assertArrayEquals(stored, kiosk.file(ConfigStore.CURRENT).orElseThrow());

        kiosk.unhealthy = null;
        int appliedSoFar = kiosk.applied.size();
        List<ReportedConfig> again = kiosk.applier(kiosk.openStore()).apply(desired(fleet2, own2));
        assertEquals(List.of("fleet 2 REVERTED", KIOSK + " 2 REVERTED"), summary(again));
        assertEquals(appliedSoFar, kiosk.applied.size(), "nothing applied");
    }

    @Test
    void aPushedLayerCannotChangeTheAdminKeysTheKioskTrusts() {
        ObjectNode tree = home("business-licence");
        tree.putObject("fleet").putArray("adminKeys").add("/tmp/attacker.pub");

        List<ReportedConfig> reports = applier.apply(desired(signed(ConfigTarget.FLEET, 1, tree).toJson()));

        assertEquals(List.of("fleet 1 REJECTED"), summary(reports));
        assertTrue(reports.getFirst().reason().contains("fleet.adminKeys: [\"/tmp/attacker.pub\"] — cannot be pushed: the admin keys a "
                + "kiosk trusts are set when it is provisioned"), reports.getFirst().reason());
        assertTrue(kiosk.applied.isEmpty());
    }

    private static ObjectNode timeouts(int home, Integer identify) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ObjectNode t = tree.putObject("session").putObject("timeouts").put("home", home);
        if (identify != null) {
            t.put("identify", identify);
        }
        return tree;
    }

    private static List<String> summary(List<ReportedConfig> reports) {
        return reports.stream().map(r -> r.target() + " " + r.version() + " " + r.status()).toList();
    }
}
