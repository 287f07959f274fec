package org.bianmin.config.signing;

import static org.bianmin.config.signing.Envelopes.ADMIN;
import static org.bianmin.config.signing.Envelopes.ISSUED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** One bit flipped anywhere in a signed envelope, on the wire or in the signed bytes, never gets a changed config applied. */
class SignedConfigTamperProperties {
    private static final String KIOSK = "xiaoshan-hall-03";
    private static final ConfigVerifier VERIFIER = new ConfigVerifier(List.of(ADMIN.publicKey()), KIOSK, Set.of());

    @Provide
    Arbitrary<ObjectNode> configs() {
        return Trees.configs();
    }

    /** Every bit of a real envelope, one at a time: each flip is refused. */
    @Example
    void everySingleBitFlipOfARealEnvelopeIsRejected() {
        byte[] envelope = Envelopes.signed(new ConfigTarget.Kiosk(KIOSK), 8).toJson();
        for (int bit = 0; bit < envelope.length * 8; bit++) {
            Verdict verdict = VERIFIER.verify(flipped(envelope, bit), 7);
            int at = bit;
            assertFalse(verdict.isAccepted(), () -> "flipping bit " + at + " was accepted: "
                    + new String(flipped(envelope, at), StandardCharsets.UTF_8));
        }
    }

    /**
     * A flip on the wire is refused, or leaves the signed bytes as they were: inside text, {@code \u001f} and
     * {@code \u001F} differ by one bit and are the same character, so that flip changes nothing signed.
     */
    @Property(tries = 200)
    void aBitFlippedAnywhereInAnyEnvelopeIsRejectedOrChangesNothingSigned(@ForAll("configs") ObjectNode config,
                                                                         @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        SignedConfig signed = SignedConfig.sign(config, new ConfigTarget.Kiosk(KIOSK), 8, ISSUED, ADMIN.privateKey());
        byte[] envelope = signed.toJson();

        Verdict verdict = VERIFIER.verify(flipped(envelope, seed % (envelope.length * 8)), 7);

        if (verdict instanceof Verdict.Accepted accepted) {
            assertArrayEquals(signed.signedBytes(), accepted.config().signedBytes());
        }
    }

    /** The signature itself never matches signed bytes with one bit flipped. */
    @Property(tries = 100)
    void aBitFlippedInTheSignedBytesOfAnyConfigBreaksTheSignature(@ForAll("configs") ObjectNode config,
                                                                  @ForAll @IntRange(min = 0, max = 1_000_000) int seed) throws Exception {
        SignedConfig signed = SignedConfig.sign(config, new ConfigTarget.Kiosk(KIOSK), 8, ISSUED, ADMIN.privateKey());
        byte[] bytes = signed.signedBytes();
        byte[] signature = Base64.getDecoder().decode(Envelopes.tree(signed.toJson()).get("signature").textValue());

        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(ADMIN.publicKey());
        ed25519.update(flipped(bytes, seed % (bytes.length * 8)));

        assertFalse(ed25519.verify(signature));
    }

    private static byte[] flipped(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
