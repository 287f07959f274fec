package org.bianmin.config.signing;

import static org.bianmin.config.signing.Envelopes.ADMIN;
import static org.bianmin.config.signing.Envelopes.ISSUED;
import static org.bianmin.config.signing.Envelopes.edited;
import static org.bianmin.config.signing.Envelopes.signed;
import static org.bianmin.config.signing.Envelopes.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A signed envelope carries target, version, time, key id and the tree, reads back whole, and a malformed one is refused in one line. */
class SignedConfigTest {
    private static final String PUSH_AGAIN = "; push the file the admin tool signed, unchanged";

    @Test
    void aSignedEnvelopeReadsBackWithEveryField() {
        SignedConfig signed = signed(new ConfigTarget.Kiosk("xiaoshan-hall-03"), 7);

        SignedConfig read = SignedConfig.parse(signed.toJson());

        assertEquals(signed, read);
        assertEquals(new ConfigTarget.Kiosk("xiaoshan-hall-03"), read.target());
        assertEquals(7, read.version());
        assertEquals(ISSUED, read.issuedAt());
        assertEquals(ADMIN.keyId(), read.keyId());
        assertEquals(Envelopes.config(), read.config());
        assertTrue(read.isSigned());
    }

    @Test
    void theEnvelopeIsCanonicalJsonWithTheSignatureOverEverythingElse() throws Exception {
        SignedConfig signed = signed(ConfigTarget.FLEET, 3);
        ObjectNode tree = Envelopes.tree(signed.toJson());
        byte[] signature = Base64.getDecoder().decode(tree.remove("signature").textValue());

        assertEquals("{\"config\":{\"identity\":{\"displayName\":{\"zh\":\"萧山区便民服务中心\"}},"
                + "\"languages\":{\"available\":[\"zh-CN\",\"en\"]},"
                + "\"session\":{\"timeouts\":{\"home\":90}}},\"issuedAt\":\"2025-03-01T08:30:00Z\",\"keyId\":\"" + ADMIN.keyId()
                + "\",\"target\":\"fleet\",\"version\":3}", new String(signed.signedBytes(), StandardCharsets.UTF_8));
        assertArrayEquals(CanonicalJson.bytes(tree), signed.signedBytes());
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(ADMIN.publicKey());
        ed25519.update(signed.signedBytes());
        assertTrue(ed25519.verify(signature));
    }

    @Test
    void anEnvelopeReformattedOnTheWayReadsAsTheSameEnvelope() {
        SignedConfig signed = signed(new ConfigTarget.Group("xiaoshan-east"), 12);
        String pretty = Envelopes.tree(signed.toJson()).toPrettyString();

        assertEquals(signed, SignedConfig.parse(utf8(pretty)));
    }

    @Test
    void anEnvelopeWithoutSignatureReadsAsUnsigned() {
        SignedConfig read = SignedConfig.parse(edited(signed(ConfigTarget.FLEET, 2), e -> {
            e.remove("signature");
            e.remove("keyId");
        }));

        assertFalse(read.isSigned());
        assertEquals("", read.keyId());
    }

    @Test
    void aVersionBelowOneIsNotSigned() {
        SigningException e = assertThrows(SigningException.class,
                () -> SignedConfig.sign(Envelopes.config(), ConfigTarget.FLEET, 0, ADMIN.privateKey()));

        assertEquals("version 0 cannot be signed; a config version is a whole number from 1 to 9007199254740991, higher than "
                + "the version the kiosks run now", e.getMessage());
    }

    @Test
    void aTreeWithANumberTooLargeToSignExactlyIsNotSigned() {
        ObjectNode tree = Envelopes.config();
        tree.putObject("backend").put("retries", new BigInteger("99999999999999999999"));

        SigningException e = assertThrows(SigningException.class,
                () -> SignedConfig.sign(tree, ConfigTarget.FLEET, 1, ADMIN.privateKey()));

        assertTrue(e.getMessage().contains("config.backend.retries: 99999999999999999999 is too large to sign exactly"), e.getMessage());
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertNotJson(utf8("version: 7\n"), "line 1, column 1: Unrecognized token 'version'");
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 'x', '"', '}'};
        assertNotJson(badUtf8, "line 1, column 9: Invalid UTF-8 middle byte 0x78");
        assertMalformed(new byte[0], "The signed config is empty" + PUSH_AGAIN);
    }

    @Test
    void jsonThatIsNotAnEnvelopeIsRefused() {
        assertMalformed(utf8("[1, 2]"), "The signed config is JSON but not an envelope (it is a list, not an object with target, "
                + "version and config)" + PUSH_AGAIN);
        assertNotJson(utf8("{} {}"), "line 1, column 4: Trailing token");
    }

    @Test
    void aFieldTwiceIsRefusedSoNoReaderCanPickTheOtherOne() {
        String json = new String(signed(ConfigTarget.FLEET, 7).toJson(), StandardCharsets.UTF_8).replace("\"version\":7",
                "\"version\":7,\"version\":8");

        // Jackson counts columns in bytes; the Chinese before the field takes three each
        int column = json.substring(0, json.indexOf("\"version\":8")).getBytes(StandardCharsets.UTF_8).length + 10;

        assertMalformed(utf8(json), "The signed config is not JSON (line 1, column " + column + ": Duplicate field 'version')"
                + PUSH_AGAIN);
    }

    @Test
    void aFieldSignedConfigsDoNotHaveIsRefusedSoNothingTravelsUnsigned() {
        assertMalformed(edited(signed(ConfigTarget.FLEET, 7), e -> e.put("expiresAt", "2099-01-01T00:00:00Z")),
                "The signed config has a field 'expiresAt' that signed configs do not have (they have target, version, issuedAt, "
                        + "keyId, config, signature)" + PUSH_AGAIN);
    }

    @Test
    void eachMissingOrMistypedFieldIsNamed() {
        SignedConfig s = signed(ConfigTarget.FLEET, 7);
        assertMalformed(edited(s, e -> e.remove("target")), "The signed config has no target" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.put("target", 5)),
                "The signed config has a target that is a number, not text such as kiosk:ID, group:NAME or fleet" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.put("target", "everyone")), "The signed config's target 'everyone' is not a config "
                + "target; write kiosk:ID, group:NAME or fleet, e.g. kiosk:township-hall-01");
        assertMalformed(edited(s, e -> e.put("target", "kiosk:Hall 3")), "The signed config's target 'kiosk:Hall 3' is not a "
                + "config target: a kiosk id is 3 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, "
                + "e.g. kiosk:township-hall-01");
        assertMalformed(edited(s, e -> e.remove("version")), "The signed config has no version" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.put("version", "7")),
                "The signed config has version \"7\", not a whole number from 1 to 9007199254740991" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.put("version", 7.5)),
                "The signed config has version 7.5, not a whole number from 1 to 9007199254740991" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.put("version", 0)),
                "The signed config has version 0, not a whole number from 1 to 9007199254740991" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.put("issuedAt", "yesterday")),
                "The signed config has issuedAt \"yesterday\", not an instant such as 2025-03-01T08:30:00Z" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.put("keyId", 12)), "The signed config has a keyId that is a number, not text" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.remove("config")), "The signed config has no config" + PUSH_AGAIN);
        assertMalformed(edited(s, e -> e.putArray("config")),
                "The signed config has a config that is a list, not a mapping of keys; sign a kiosk.yaml-style file");
        assertMalformed(edited(s, e -> e.put("signature", "not base64!")),
                "The signed config has a signature that is not base64" + PUSH_AGAIN);
    }

    @Test
    void aSignatureWrittenWithStrayBitsIsRefusedSoEachSignatureHasOneText() {
        SignedConfig s = signed(ConfigTarget.FLEET, 7);
        String base64 = Envelopes.tree(s.toJson()).get("signature").textValue();
        // 64 bytes end in "==": the character before carries 4 bits that a lax decoder ignores
        char last = base64.charAt(base64.length() - 3);
        String stray = base64.substring(0, base64.length() - 3) + (char) (last + 1) + "==";

        assertMalformed(edited(s, e -> e.put("signature", stray)), "The signed config has a signature that is not base64" + PUSH_AGAIN);
    }

    @Test
    void anEnvelopeLargerThanAMebibyteIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[SignedConfig.MAX_BYTES + 1];

        assertMalformed(huge, "The signed config is 1048577 bytes, more than the 1048576 a signed config may have; split the "
                + "services' guides into smaller files or shorten them");
    }

    private static void assertNotJson(byte[] json, String start) {
        SigningException e = assertThrows(SigningException.class, () -> SignedConfig.parse(json));
        assertTrue(e.getMessage().startsWith("The signed config is not JSON (" + start), e.getMessage());
        assertTrue(e.getMessage().endsWith(")" + PUSH_AGAIN), e.getMessage());
    }

    private static void assertMalformed(byte[] json, String message) {
        SigningException e = assertThrows(SigningException.class, () -> SignedConfig.parse(json));
        assertEquals(message, e.getMessage());
    }
}
