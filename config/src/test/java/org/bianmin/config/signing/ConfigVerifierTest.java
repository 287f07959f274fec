package org.bianmin.config.signing;

import static org.bianmin.config.signing.Envelopes.ADMIN;
import static org.bianmin.config.signing.Envelopes.ISSUED;
import static org.bianmin.config.signing.Envelopes.OTHER_ADMIN;
import static org.bianmin.config.signing.Envelopes.edited;
import static org.bianmin.config.signing.Envelopes.signed;
import static org.bianmin.config.signing.Envelopes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A kiosk applies a desired config only when it is signed by a trusted admin, unchanged, for this kiosk, and newer. */
class ConfigVerifierTest {
    private static final String KIOSK = "xiaoshan-hall-03";
    private final ConfigVerifier verifier = new ConfigVerifier(List.of(ADMIN.publicKey()), KIOSK, Set.of("xiaoshan-east"));

    @Test
    void aNewerConfigSignedByATrustedAdminForThisKioskIsAccepted() {
        SignedConfig signed = signed(new ConfigTarget.Kiosk(KIOSK), 8);

        Verdict verdict = verifier.verify(signed.toJson(), 7);

        assertEquals(new Verdict.Accepted(signed), verdict);
        assertEquals(Envelopes.config(), ((Verdict.Accepted) verdict).config().config());
    }

    @Test
    void aConfigForThisKiosksGroupOrTheFleetIsAccepted() {
        assertAccepted(verifier.verify(signed(new ConfigTarget.Group("xiaoshan-east"), 2).toJson(), 1));
        assertAccepted(verifier.verify(signed(ConfigTarget.FLEET, 2).toJson(), 1));
    }

    @Test
    void anyOfSeveralTrustedKeysIsAccepted() {
        ConfigVerifier twoAdmins = new ConfigVerifier(List.of(OTHER_ADMIN.publicKey(), ADMIN.publicKey()), KIOSK, Set.of());

        assertAccepted(twoAdmins.verify(signed(ConfigTarget.FLEET, 2).toJson(), 1));
    }

    @Test
    void aConfigWithoutSignatureIsRejectedAsUnsigned() {
        byte[] noSignature = edited(signed(ConfigTarget.FLEET, 8), e -> e.remove("signature"));
        byte[] emptySignature = edited(signed(ConfigTarget.FLEET, 8), e -> e.put("signature", ""));

        String message = "The config for fleet, version 8, is not signed; sign it with an admin key (the admin tool signs what "
                + "it pushes) and push it again";
        assertRejected(Rejection.UNSIGNED, message, verifier.verify(noSignature, 7));
        assertRejected(Rejection.UNSIGNED, message, verifier.verify(emptySignature, 7));
    }

    @Test
    void aConfigSignedWithAnotherAdminsKeyIsRejectedAsUnknownKey() {
        SignedConfig signed = SignedConfig.sign(Envelopes.config(), ConfigTarget.FLEET, 8, ISSUED, OTHER_ADMIN.privateKey());

        assertRejected(Rejection.UNKNOWN_KEY, "The config for fleet, version 8, is signed with key " + OTHER_ADMIN.keyId()
                        + ", which this kiosk does not trust (it trusts " + ADMIN.keyId() + "); sign it with a trusted admin key, "
                        + "or provision the kiosk with this key's public key",
                verifier.verify(signed.toJson(), 7));
    }

    @Test
    void aKioskProvisionedWithNoKeyRejectsEveryConfigAndSaysSo() {
        ConfigVerifier unprovisioned = new ConfigVerifier(List.of(), KIOSK, Set.of());
        byte[] noKeyId = edited(signed(ConfigTarget.FLEET, 8), e -> e.remove("keyId"));

        assertRejected(Rejection.UNKNOWN_KEY, "The config for fleet, version 8, does not name the key that signed it (this kiosk "
                        + "trusts no admin key yet); sign it with a trusted admin key, or provision the kiosk with this key's public key",
                unprovisioned.verify(noKeyId, 7));
    }

    @Test
    void aConfigChangedAfterSigningIsRejectedAsBadSignature() {
        byte[] changed = edited(signed(ConfigTarget.FLEET, 8),
                e -> e.with("config").with("session").with("timeouts").put("home", 900));

        assertRejected(Rejection.BAD_SIGNATURE, "The config for fleet, version 8, does not match its signature: it was changed "
                + "after signing, or signed with another key than it names; push the file as the admin tool signed it",
                verifier.verify(changed, 7));
    }

    @Test
    void retargetingOrRenumberingASignedConfigBreaksItsSignature() {
        SignedConfig signed = signed(new ConfigTarget.Kiosk("other-kiosk"), 8);

        assertEquals(Rejection.BAD_SIGNATURE, reason(verifier.verify(edited(signed, e -> e.put("target", "kiosk:" + KIOSK)), 7)));
        assertEquals(Rejection.BAD_SIGNATURE, reason(verifier.verify(edited(signed, e -> e.put("version", 9)), 8)));
        assertEquals(Rejection.BAD_SIGNATURE, reason(verifier.verify(edited(signed, e -> e.put("issuedAt", "2030-01-01T00:00:00Z")), 7)));
    }

    @Test
    void aSignatureByOneTrustedKeyClaimingAnotherTrustedKeyIsRejectedAsBadSignature() {
        ConfigVerifier twoAdmins = new ConfigVerifier(List.of(ADMIN.publicKey(), OTHER_ADMIN.publicKey()), KIOSK, Set.of());
        SignedConfig signed = signed(ConfigTarget.FLEET, 8);

        assertEquals(Rejection.BAD_SIGNATURE, reason(twoAdmins.verify(edited(signed, e -> e.put("keyId", OTHER_ADMIN.keyId())), 7)));
    }

    @Test
    void aConfigForAnotherKioskOrGroupIsRejectedAsWrongTarget() {
        assertRejected(Rejection.WRONG_TARGET, "The config for kiosk:other-kiosk, version 8, is not for this kiosk ("
                        + KIOSK + ", in xiaoshan-east); push it to kiosk:" + KIOSK + ", group:xiaoshan-east or fleet",
                verifier.verify(signed(new ConfigTarget.Kiosk("other-kiosk"), 8).toJson(), 7));
        assertEquals(Rejection.WRONG_TARGET, reason(verifier.verify(signed(new ConfigTarget.Group("xiaoshan-west"), 8).toJson(), 7)));
    }

    @Test
    void theVersionTheKioskRunsSentAgainIsRejectedAsReplayed() {
        assertRejected(Rejection.REPLAYED, "The config for fleet, version 7, is the version this kiosk already runs, sent again; "
                + "to change the config, push it as version 8 or higher", verifier.verify(signed(ConfigTarget.FLEET, 7).toJson(), 7));
    }

    @Test
    void anOlderVersionIsRejectedAsStale() {
        assertRejected(Rejection.STALE, "The config for fleet, version 5, is older than version 7, which this kiosk runs; push it "
                + "as version 8 or higher", verifier.verify(signed(ConfigTarget.FLEET, 5).toJson(), 7));
    }

    @Test
    void eachTargetIsComparedWithTheVersionTheKioskRunsForThatTarget() {
        Map<ConfigTarget, Long> running = Map.of(ConfigTarget.FLEET, 40L, new ConfigTarget.Kiosk(KIOSK), 3L);

        assertAccepted(verifier.verify(signed(new ConfigTarget.Kiosk(KIOSK), 4).toJson(), running::get));
        assertEquals(Rejection.STALE, reason(verifier.verify(signed(ConfigTarget.FLEET, 4).toJson(), running::get)));
    }

    @Test
    void aForgedEnvelopeIsRefusedForItsSignatureBeforeItsTargetOrVersionIsBelieved() {
        byte[] forged = edited(signed(new ConfigTarget.Kiosk("other-kiosk"), 2),
                e -> e.with("config").with("session").with("timeouts").put("home", 1));

        assertEquals(Rejection.BAD_SIGNATURE, reason(verifier.verify(forged, 7)));
    }

    @Test
    void aMalformedEnvelopeIsRejectedWithTheReadersMessage() {
        assertRejected(Rejection.MALFORMED, "The signed config has no version; push the file the admin tool signed, unchanged",
                verifier.verify(utf8("{\"target\":\"fleet\",\"issuedAt\":\"2025-03-01T08:30:00Z\",\"config\":{}}"), 7));
    }

    @Test
    void aTrustedKeyThatIsNotEd25519IsRefusedWhenTheVerifierIsMade() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");

        SigningException e = assertThrows(SigningException.class,
                () -> new ConfigVerifier(List.of(ec.generateKeyPair().getPublic()), KIOSK, Set.of()));

        assertEquals("the admin public key is an EC key, not Ed25519; make an admin key pair with ./kiosk admin keygen", e.getMessage());
    }

    private static void assertAccepted(Verdict verdict) {
        assertInstanceOf(Verdict.Accepted.class, verdict, verdict::toString);
    }

    private static void assertRejected(Rejection reason, String message, Verdict verdict) {
        assertEquals(new Verdict.Rejected(reason, message), verdict);
        assertFalse(message.contains("\n"));
    }

    private static Rejection reason(Verdict verdict) {
        return assertInstanceOf(Verdict.Rejected.class, verdict, verdict::toString).reason();
    }
}
