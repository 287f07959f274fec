package org.bianmin.kiosk.fleet;

import static org.bianmin.kiosk.fleet.FleetKiosk.envelope;
import static org.bianmin.kiosk.fleet.FleetKiosk.push;
import static org.bianmin.kiosk.fleet.FleetKiosk.signed;
import static org.bianmin.kiosk.fleet.FleetKiosk.state;
import static org.bianmin.kiosk.fleet.FleetKiosk.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.kiosk.fleet.ReportedConfig.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the kiosk starts with after whatever a kill, a power cut or a failing disk left in its config directory: the
 * old config or the new one, whole and signed, else the provisioned file; never a state it cannot start from.
 */
class ConfigStoreRecoveryTest {

    private static final String KIOSK = "kiosk:" + FleetKiosk.KIOSK_ID;

    @TempDir
    Path root;
    FleetKiosk kiosk;
    byte[] v1;

    @BeforeEach
    void kioskRunsVersionOne() {
        kiosk = FleetKiosk.provisionedIn(root);
        v1 = envelope(1, "business-licence");
        assertEquals(Status.APPLIED, push(kiosk.applier(kiosk.openStore()), v1).status());
    }

    @Test
    void withNothingStoredTheKioskStartsWithItsProvisionedConfig() {
        FleetKiosk fresh = FleetKiosk.provisionedIn(root.resolve("fresh"));
        StartupConfig s = fresh.openStore().startup();
        assertEquals(fresh.provisioning.provisioned(), s.config());
        assertEquals(0, s.runningVersion(KIOSK));
        assertTrue(s.layers().isEmpty());
        assertTrue(s.reports().isEmpty());
    }

    @Test
    void aLeftoverTemporaryFileIsRemovedAndTheCommittedConfigRuns() {
        kiosk.write(ConfigStore.CURRENT + ConfigStore.TEMPORARY_SUFFIX, Arrays.copyOf(state(envelope(2, "pesticide-licence")), 40));

        StartupConfig s = kiosk.openStore().startup();

        assertEquals(1, s.runningVersion(KIOSK));
        assertEquals(List.of(ConfigStore.CURRENT, ConfigStore.LAST_KNOWN_GOOD), files());
    }

    @Test
    void aTruncatedCurrentFallsBackToTheLastKnownGoodAndIsRepairedFromIt() {
        byte[] s1 = state(v1);
        kiosk.write(ConfigStore.CURRENT, Arrays.copyOf(s1, s1.length / 2));

        StartupConfig s = kiosk.openStore().startup();

        assertEquals(1, s.runningVersion(KIOSK));
        assertEquals(List.of("business-licence"), s.config().services());
        assertArrayEquals(s1, kiosk.file(ConfigStore.CURRENT).orElseThrow());
        assertEquals(s1.length / 2, kiosk.file(ConfigStore.CURRENT + ConfigStore.UNUSABLE_SUFFIX).orElseThrow().length,
                "the broken file is kept aside for the technician");
    }

    @Test
    void aCurrentWhoseSignatureNoLongerMatchesFallsBackToTheLastKnownGood() {
        String flipped = new String(state(v1), java.nio.charset.StandardCharsets.UTF_8).replace("business-licence", "business-licencf");
        kiosk.write(ConfigStore.CURRENT, utf8(flipped));

        assertEquals(List.of("business-licence"), kiosk.openStore().startup().config().services());
        assertArrayEquals(state(v1), kiosk.file(ConfigStore.CURRENT).orElseThrow());
    }

    @Test
    void whenCurrentAndLastKnownGoodAreBothBrokenTheKioskStartsWithItsProvisionedConfig() {
        kiosk.write(ConfigStore.CURRENT, utf8("{\"target\":"));
        kiosk.write(ConfigStore.LAST_KNOWN_GOOD, new byte[0]);

        StartupConfig s = kiosk.openStore().startup();

        assertEquals(kiosk.provisioning.provisioned(), s.config());
        assertEquals(0, s.runningVersion(KIOSK));
        assertTrue(kiosk.file(ConfigStore.CURRENT).isEmpty());
    }

    @Test
    void aPendingApplyThatNeverReachedItsCommitIsRolledBackAndReportedReverted() throws IOException {
        SignedConfig v2 = signed(2, FleetKiosk.home("pesticide-licence"));
        kiosk.openStore().stage(FleetKiosk.layers(v2.toJson()));

        StartupConfig s = kiosk.openStore().startup();

        assertEquals(1, s.runningVersion(KIOSK));
        assertEquals(List.of("business-licence"), s.config().services());
        ReportedConfig r = s.reports().getFirst();
        assertEquals(List.of(Status.REVERTED), s.reports().stream().map(ReportedConfig::status).toList());
        assertEquals(2, r.version());
        assertEquals(1, r.runningVersion());
        assertTrue(r.reason().startsWith("version 2 was interrupted: the kiosk stopped (power cut or crash) before its health "
                + "check passed; it started again with the layers it ran before (kiosk:township-hall-01 version 1)"), r.reason());
        assertEquals(KIOSK, r.target());
        assertEquals(List.of(ConfigStore.CURRENT, ConfigStore.LAST_KNOWN_GOOD, ConfigStore.REVERTED), files());
        assertTrue(kiosk.openStore().startup().reports().isEmpty(), "reported once");

        ConfigApplier applier = kiosk.applier(kiosk.openStore());
        assertEquals(Status.REVERTED, push(applier, v2.toJson()).status(), "the interrupted version is not tried again");
        assertEquals(Status.APPLIED, push(applier, envelope(3, "pesticide-licence")).status());
    }

    @Test
    void aPendingApplyKilledAfterItsCommitPointIsKeptAndFinished() throws IOException {
        SignedConfig v2 = signed(2, FleetKiosk.home("pesticide-licence"));
        kiosk.openStore().stage(FleetKiosk.layers(v2.toJson()));
        kiosk.write(ConfigStore.CURRENT, state(v2.toJson()));

        StartupConfig s = kiosk.openStore().startup();

        assertEquals(2, s.runningVersion(KIOSK));
        assertEquals(List.of("pesticide-licence"), s.config().services());
        assertTrue(s.reports().isEmpty());
        assertArrayEquals(state(v2.toJson()), kiosk.file(ConfigStore.LAST_KNOWN_GOOD).orElseThrow());
        assertEquals(List.of(ConfigStore.CURRENT, ConfigStore.LAST_KNOWN_GOOD), files());
    }

    @Test
    void anUnreadablePendingMarkerIsRolledBackWithoutBlockingAnyLaterVersion() {
        kiosk.write(ConfigStore.PENDING, utf8("{\"groups\":[],\"layers\":[{\"target\":\"kiosk:township-hall-01\",\"version\":9007199254740991"));

        StartupConfig s = kiosk.openStore().startup();

        assertEquals(1, s.runningVersion(KIOSK));
        assertEquals(List.of(), s.reports(), "a marker that does not verify names no version to report or to refuse later");
        assertFalse(files().contains(ConfigStore.PENDING));
        assertFalse(files().contains(ConfigStore.REVERTED));
        assertEquals(Status.APPLIED, push(kiosk.applier(kiosk.openStore()), envelope(2, "pesticide-licence")).status());
    }

    private List<String> files() {
        try (Stream<Path> s = Files.list(kiosk.configDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
