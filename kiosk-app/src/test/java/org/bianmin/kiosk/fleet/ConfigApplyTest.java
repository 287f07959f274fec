package org.bianmin.kiosk.fleet;

import static org.bianmin.kiosk.fleet.FleetKiosk.envelope;
import static org.bianmin.kiosk.fleet.FleetKiosk.push;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bianmin.config.KioskConfig;
import org.bianmin.kiosk.fleet.ReportedConfig.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pushed configuration is applied live and committed when its health check passes; when applying or the health
 * check fails, the last known good configuration is applied again, stays on disk, and the reason reaches the fleet.
 */
class ConfigApplyTest {

    private static final String KIOSK = "kiosk:" + FleetKiosk.KIOSK_ID;

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
    void aHealthyConfigIsAppliedLiveCommittedAndReportedPendingThenApplied() {
        byte[] v1 = envelope(1, "business-licence", "pesticide-licence");
        ReportedConfig r = push(applier, v1);

        assertEquals(new ReportedConfig(KIOSK, 1, Status.APPLIED, "", 1, FleetKiosk.CLOCK.instant()), r);
        assertEquals(List.of(Status.PENDING, Status.APPLIED), kiosk.reports.stream().map(ReportedConfig::status).toList());
        assertEquals(0, kiosk.reports.getFirst().runningVersion(), "while pending, the provisioned config still runs");
        assertEquals(List.of("business-licence", "pesticide-licence"), kiosk.applied.getFirst().services());
        assertArrayEquals(FleetKiosk.state(v1), kiosk.file(ConfigStore.CURRENT).orElseThrow());
        assertArrayEquals(FleetKiosk.state(v1), kiosk.file(ConfigStore.LAST_KNOWN_GOOD).orElseThrow());
        assertTrue(kiosk.file(ConfigStore.PENDING).isEmpty());

        StartupConfig restarted = kiosk.openStore().startup();
        assertEquals(1, restarted.runningVersion(KIOSK));
        assertEquals(1, restarted.config().version());
        assertEquals(List.of("business-licence", "pesticide-licence"), restarted.config().services());
        assertEquals(FleetKiosk.KIOSK_ID, restarted.config().identity().kioskId(), "the provisioned file lies under the push");
        assertTrue(restarted.reports().isEmpty());
    }

    @Test
    void aFailingHealthCheckRevertsToTheLastKnownGoodConfigAndSaysWhy() {
        byte[] v1 = envelope(1, "business-licence");
        push(applier, v1);
        KioskConfig good = kiosk.applied.getLast();
        kiosk.reports.clear();
        kiosk.unhealthy = "the required ID card reader on /dev/ttyUSB0 does not answer";

        ReportedConfig r = push(applier, envelope(2, "business-licence", "pesticide-licence"));

        assertEquals(Status.REVERTED, r.status());
        assertEquals(2, r.version());
        assertEquals(1, r.runningVersion());
        assertEquals("version 2 failed its health check after it was applied: the required ID card reader on /dev/ttyUSB0 does "
                + "not answer; the kiosk went back to kiosk:township-hall-01 version 1, its last known good config; fix the config "
                + "and push it as "
                + "version 3 or higher", r.reason());
        assertEquals(List.of(Status.PENDING, Status.REVERTED), kiosk.reports.stream().map(ReportedConfig::status).toList());
        assertEquals(good, kiosk.applied.getLast(), "the last known good config is live again");
        assertEquals(1, store.runningVersion(KIOSK));
        assertArrayEquals(FleetKiosk.state(v1), kiosk.file(ConfigStore.CURRENT).orElseThrow());
        assertArrayEquals(FleetKiosk.state(v1), kiosk.file(ConfigStore.LAST_KNOWN_GOOD).orElseThrow());
        assertTrue(kiosk.file(ConfigStore.PENDING).isEmpty());
        assertEquals(1, kiosk.openStore().startup().runningVersion(KIOSK), "a restart keeps the last known good config");
    }

    @Test
    void aRevertedVersionSentAgainIsNotAppliedAgainButTheNextVersionIs() {
        push(applier, envelope(1, "business-licence"));
        kiosk.unhealthy = "the A4 printer's queue KioskPDF is paused";
        push(applier, envelope(2, "pesticide-licence"));
        kiosk.unhealthy = null;
        int appliedSoFar = kiosk.applied.size();

        ReportedConfig again = push(kiosk.applier(kiosk.openStore()), envelope(2, "pesticide-licence"));
        assertEquals(Status.REVERTED, again.status());
        assertTrue(again.reason().startsWith("version 2 was reverted at 2025-03-01T09:00:00Z and is not applied again: version 2 "
                + "failed its health check after it was applied: the A4 printer's queue KioskPDF is paused"), again.reason());
        assertEquals(appliedSoFar, kiosk.applied.size(), "nothing applied");

        assertEquals(Status.APPLIED, push(applier, envelope(3, "pesticide-licence")).status());
        assertEquals(List.of("pesticide-licence"), kiosk.applied.getLast().services());
    }

    @Test
    void aConfigTheRunningKioskCannotTakeIsRevertedWithTheDevicesReason() {
        push(applier, envelope(1, "business-licence"));
        kiosk.refuseServices = 3;

        ReportedConfig r = push(applier, envelope(2, "a-service", "b-service", "c-service"));

        assertEquals(Status.REVERTED, r.status());
        assertTrue(r.reason().startsWith("version 2 could not be applied: the receipt printer on /dev/ttyUSB1 did not reopen; the "
                + "kiosk went back to kiosk:township-hall-01 version 1"), r.reason());
        assertEquals(List.of("business-licence"), kiosk.applied.getLast().services());
    }

    @Test
    void whenTheLastKnownGoodConfigCannotBeAppliedAgainEitherTheReportSaysFailedAndToRestart() {
        push(applier, envelope(1, "a-service"));
        kiosk.refuseServices = 1;
        kiosk.unhealthy = "the backend at http://localhost:8080 does not answer";

        ReportedConfig r = push(applier, envelope(2, "business-licence", "pesticide-licence"));

        assertEquals(Status.FAILED, r.status());
        assertTrue(r.reason().contains("re-applying kiosk:township-hall-01 version 1 failed too (the receipt printer on /dev/ttyUSB1 did not reopen): the "
                + "kiosk runs it again from its next start; restart the kiosk"), r.reason());
        assertEquals(1, kiosk.openStore().startup().runningVersion(KIOSK));
    }

    @Test
    void aFirstPushThatFailsRevertsToTheProvisionedConfig() {
        kiosk.unhealthy = "the QR scanner on /dev/ttyACM0 does not answer";

        ReportedConfig r = push(applier, envelope(1, "business-licence"));

        assertEquals(Status.REVERTED, r.status());
        assertEquals(0, r.runningVersion());
        assertTrue(r.reason().contains("the kiosk went back to its provisioned config"), r.reason());
        assertEquals(kiosk.provisioning.provisioned(), kiosk.applied.getLast());
        assertTrue(kiosk.file(ConfigStore.CURRENT).isEmpty());
        assertEquals(kiosk.provisioning.provisioned(), kiosk.openStore().startup().config());
        assertEquals(0, kiosk.openStore().startup().runningVersion(KIOSK));
    }
}
