package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.theOneProblemIn;
import static org.bianmin.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bianmin.config.signing.AdminKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet keys a kiosk is provisioned with: the admin public keys it trusts and how long its long-poll waits. */
class FleetKeysTest {

    @TempDir
    Path dir;

    @Test
    void anAdminPublicKeyFileIsTakenRelativeToTheFileThatNamesIt() {
        AdminKeyPair admin = AdminKeyPair.generate();
        admin.write(dir.resolve("keys/admin-key.pem"), dir.resolve("keys/admin-key.pub"));
        Path file = write(dir, "kiosk.yaml", "fleet:\n  adminKeys: [keys/admin-key.pub]\n  pollWait: 20\n");

        FleetSettings fleet = KioskConfigLoader.load(file).fleet();

        assertEquals(List.of(dir.resolve("keys/admin-key.pub")), fleet.adminKeys());
        assertEquals(Duration.ofSeconds(20), fleet.pollWait());
    }

    @Test
    void aMissingKeyFileIsRefusedNamingTheFileAndHowToGetOne() {
        ConfigProblem p = theOneProblemIn("fleet:\n  adminKeys: [" + dir.resolve("nowhere.pub") + "]\n");

        assertEquals("fleet.adminKeys[0]", p.path());
        assertTrue(p.problem().contains("is not an admin public key the kiosk can trust (" + dir.resolve("nowhere.pub")
                + ": does not exist"), p::toString);
        assertTrue(p.fix().contains("admin-key.pub file written by ./kiosk admin keygen"), p::toString);
        assertFalse(p.toString().contains("\n"), p::toString);
    }

    @Test
    void thePrivateKeyInPlaceOfThePublicOneIsRefusedWithAdviceToKeepItOffTheKiosk() {
        AdminKeyPair admin = AdminKeyPair.generate();
        admin.write(dir.resolve("admin-key.pem"), dir.resolve("admin-key.pub"));

        ConfigProblem p = theOneProblemIn("fleet:\n  adminKeys: [" + dir.resolve("admin-key.pem") + "]\n");

        assertTrue(p.problem().contains("a private key where a public key is needed"), p::toString);
        assertTrue(p.problem().contains("keep the private key off the kiosk"), p::toString);
    }

    @Test
    void aCertificateInPlaceOfAnAdminKeyIsRefused() {
        Path cert = ConfigFixtures.testAnchor(dir, "platform.pem");

        ConfigProblem p = theOneProblemIn("fleet:\n  adminKeys: [" + cert + "]\n");

        assertTrue(p.problem().contains("a certificate, not an admin public key"), p::toString);
    }

    @Test
    void aPollWaitBeyondAMinuteIsRefused() {
        ConfigProblem p = theOneProblemIn("fleet:\n  pollWait: 90\n");

        assertEquals("fleet.pollWait", p.path());
        assertTrue(p.problem().contains("is outside 5–60 seconds"), p::toString);
    }

    @Test
    void aMisspeltFleetKeyIsRefused() {
        ConfigProblem p = theOneProblemIn("fleet:\n  adminKey: [a.pub]\n");

        assertTrue(p.path().startsWith("fleet.adminKey"), p::toString);
    }
}
