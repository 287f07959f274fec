package org.bianmin.kiosk.fleet;

import static org.bianmin.kiosk.fleet.FleetKiosk.envelope;
import static org.bianmin.kiosk.fleet.FleetKiosk.push;
import static org.bianmin.kiosk.fleet.FleetKiosk.home;
import static org.bianmin.kiosk.fleet.FleetKiosk.signed;
import static org.bianmin.kiosk.fleet.FleetKiosk.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.kiosk.fleet.ReportedConfig.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of a pushed configuration reaches the fleet as one rejected report with the verifier's or the
 * binder's reason, and leaves the kiosk exactly as it was: nothing applied, nothing stored, no pending report.
 */
class ConfigRejectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String KIOSK = "kiosk:" + FleetKiosk.KIOSK_ID;

    @TempDir
    Path root;
    FleetKiosk kiosk;
    ConfigStore store;
    ConfigApplier applier;
    byte[] runningBytes;

    @BeforeEach
    void kioskRunsVersionTwo() {
        kiosk = FleetKiosk.provisionedIn(root);
        store = kiosk.openStore();
        applier = kiosk.applier(store);
        runningBytes = envelope(2, "si-participation-certificate", "business-licence");
        assertEquals(Status.APPLIED, push(applier, runningBytes).status());
        kiosk.reports.clear();
        kiosk.applied.clear();
    }

    @Test
    void textThatIsNotAnEnvelopeNamesNoLayerSoNothingIsReportedAndTheRunningLayerStays() {
        List<ReportedConfig> reports = applier.apply(FleetKiosk.desired(utf8("services: [business-licence]")));

        assertEquals(List.of(), reports);
        assertEquals(List.of(), kiosk.reports);
        assertTrue(kiosk.applied.isEmpty(), "nothing applied live");
        assertEquals(2, store.runningVersion(KIOSK));
        assertArrayEquals(FleetKiosk.state(runningBytes), kiosk.file(ConfigStore.CURRENT).orElseThrow());
    }

    @Test
    void anEnvelopeWithAFieldSignedConfigsDoNotHaveIsRejectedAsMalformedUnderTheLayerItNames() {
        ObjectNode extra = tree(envelope(3, "business-licence"));
        extra.put("comment", "travels unsigned");
        ReportedConfig r = refused(bytes(extra));
        assertEquals(KIOSK, r.target());
        assertEquals(3, r.version());
    }

    @Test
    void anUnsignedEnvelopeIsRejectedAndSaysToSignIt() {
        ObjectNode unsigned = tree(envelope(3, "business-licence"));
        unsigned.remove("signature");
        ReportedConfig r = refused(bytes(unsigned));
        assertEquals(3, r.version());
        assertTrue(r.reason().contains("is not signed"), r.reason());
    }

    @Test
    void anEnvelopeSignedByAKeyTheKioskDoesNotTrustIsRejectedNamingTheKey() {
        SignedConfig foreign = SignedConfig.sign(home("business-licence"), new ConfigTarget.Kiosk(FleetKiosk.KIOSK_ID), 3,
                FleetKiosk.ISSUED, FleetKiosk.STRANGER.privateKey());
        ReportedConfig r = refused(foreign.toJson());
        assertTrue(r.reason().contains("is signed with key " + FleetKiosk.STRANGER.keyId() + ", which this kiosk does not trust"),
                r.reason());
    }

    @Test
    void anEnvelopeChangedAfterSigningIsRejectedForItsSignature() {
        ObjectNode edited = tree(envelope(3, "business-licence"));
        ((ObjectNode) edited.get("config")).putArray("services").add("pesticide-licence");
        ReportedConfig r = refused(bytes(edited));
        assertTrue(r.reason().contains("does not match its signature"), r.reason());
    }

    @Test
    void anEnvelopeForAnotherKioskIsRejectedAndSaysWhomToPushItTo() {
        SignedConfig other = SignedConfig.sign(home("business-licence"), new ConfigTarget.Kiosk("township-hall-02"), 3,
                FleetKiosk.ISSUED, FleetKiosk.ADMIN.privateKey());
        ReportedConfig r = refused(other.toJson());
        assertTrue(r.reason().contains("is not for this kiosk (township-hall-01, in xiaoshan-east)"), r.reason());
    }

    @Test
    void anOlderVersionIsRejectedAsStale() {
        ReportedConfig r = refused(envelope(1, "business-licence"));
        assertEquals(1, r.version());
        assertTrue(r.reason().contains("is older than version 2, which this kiosk runs"), r.reason());
    }

    @Test
    void anotherConfigUnderTheRunningVersionIsRejectedAsReplayed() {
        ReportedConfig r = refused(envelope(2, "pesticide-licence"));
        assertTrue(r.reason().contains("is the version this kiosk already runs"), r.reason());
    }

    @Test
    void aConfigTheSchemaRefusesIsRejectedWithTheBindersMessageNamingTheKey() {
        ObjectNode tree = home("business-licence");
        tree.putObject("session").putObject("timeouts").put("home", "ninety");
        ReportedConfig r = refused(signed(3, tree).toJson());
        assertTrue(r.reason().contains("is not a valid config for this kiosk: session.timeouts.home: ninety"), r.reason());
        assertFalse(r.reason().contains("\n"), "one line: " + r.reason());
    }

    @Test
    void aConfigThatWouldChangeTheKiosksIdIsRejected() {
        ObjectNode tree = home("business-licence");
        tree.putObject("identity").put("kioskId", "township-hall-99");
        ReportedConfig r = refused(signed(3, tree).toJson());
        assertTrue(r.reason().contains("identity.kioskId: township-hall-99 — would change this kiosk's id from township-hall-01"),
                r.reason());
    }

    @Test
    void theRunningEnvelopeSentAgainChangesNothingAndReportsItApplied() {
        ReportedConfig r = push(applier, runningBytes);
        assertEquals(Status.APPLIED, r.status());
        assertEquals(2, r.version());
        assertEquals("", r.reason(), "it runs: nothing to explain");
        assertEquals(List.of(r), kiosk.reports);
        assertTrue(kiosk.applied.isEmpty(), "nothing applied again");
        assertArrayEquals(FleetKiosk.state(runningBytes), kiosk.file(ConfigStore.CURRENT).orElseThrow());
    }

    /** Applies {@code bytes}, expects one rejected report and no change to the kiosk, and returns the report. */
    private ReportedConfig refused(byte[] bytes) {
        ReportedConfig r = push(applier, bytes);
        assertEquals(Status.REJECTED, r.status(), r.toString());
        assertEquals(r.target().equals(KIOSK) ? 2 : 0, r.runningVersion(), "the version of the layer the report is about");
        assertEquals(FleetKiosk.CLOCK.instant(), r.at());
        assertEquals(List.of(r), kiosk.reports, "one report, and no pending one before it");
        assertTrue(kiosk.applied.isEmpty(), "nothing applied live");
        assertEquals(2, store.runningVersion(KIOSK));
        assertArrayEquals(FleetKiosk.state(runningBytes), kiosk.file(ConfigStore.CURRENT).orElseThrow());
        assertArrayEquals(FleetKiosk.state(runningBytes), kiosk.file(ConfigStore.LAST_KNOWN_GOOD).orElseThrow());
        assertTrue(kiosk.file(ConfigStore.PENDING).isEmpty());
        assertFalse(r.reason().isBlank());
        return r;
    }

    private static ObjectNode tree(byte[] json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(ObjectNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
