package org.bianmin.config.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A desired configuration as an admin signs it and a kiosk receives it: one JSON object with the fields
 * {@code target} ({@code kiosk:ID}, {@code group:NAME} or {@code fleet}), {@code version} (a whole number from 1),
 * {@code issuedAt} (an ISO-8601 instant), {@code keyId} (of the admin key that signed), {@code config} (the
 * configuration tree) and {@code signature}.
 *
 * <p>The signature is Ed25519, base64, over the RFC 8785 canonical bytes ({@link CanonicalJson}) of the object
 * without its {@code signature} field: target, version and key id are signed with the configuration, so none of them
 * can be changed or moved to another kiosk. Any other field makes the envelope malformed, so no field can travel
 * unsigned. Reading an envelope checks its shape only; {@link ConfigVerifier} decides whether a kiosk may apply it.
 */
public final class SignedConfig {
    /** An envelope larger than this is refused before it is parsed; a configuration with all its guides is far smaller. */
    public static final int MAX_BYTES = 1 << 20;
    private static final List<String> FIELDS = List.of("target", "version", "issuedAt", "keyId", "config", "signature");
    private static final long LARGEST_VERSION = (1L << 53) - 1;
    private static final String PUSH_AGAIN = "push the file the admin tool signed, unchanged";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final ConfigTarget target;
    private final long version;
    private final Instant issuedAt;
    private final String keyId;
    private final ObjectNode config;
    private final byte[] signature;
    private final byte[] signedBytes;

    private SignedConfig(ConfigTarget target, long version, Instant issuedAt, String keyId, ObjectNode config, byte[] signature,
                         byte[] signedBytes) {
        this.target = target;
        this.version = version;
        this.issuedAt = issuedAt;
        this.keyId = keyId;
        this.config = config;
        this.signature = signature;
        this.signedBytes = signedBytes;
    }

    /** Signs {@code tree} for {@code target} as {@code version}, issued now. */
    public static SignedConfig sign(ObjectNode tree, ConfigTarget target, long version, PrivateKey privateKey) {
        return sign(tree, target, version, Instant.now().truncatedTo(ChronoUnit.SECONDS), privateKey);
    }

    /**
     * Signs {@code tree} for {@code target} as {@code version}.
     *
     * @throws SigningException when the version is out of range or the tree holds a value that cannot be signed exactly
     */
    public static SignedConfig sign(ObjectNode tree, ConfigTarget target, long version, Instant issuedAt, PrivateKey privateKey) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (version < 1 || version > LARGEST_VERSION) {
            throw new SigningException("version " + version + " cannot be signed; a config version is a whole number from 1 to "
                    + LARGEST_VERSION + ", higher than the version the kiosks run now");
        }
        AdminKeyPair key = AdminKeyPair.of(privateKey);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("target", target.toString());
        envelope.put("version", version);
        envelope.put("issuedAt", issuedAt.toString());
        envelope.put("keyId", key.keyId());
        envelope.set("config", tree.deepCopy());
        byte[] signed = CanonicalJson.bytes(envelope);
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key.privateKey());
            ed25519.update(signed);
            envelope.put("signature", Base64.getEncoder().encodeToString(ed25519.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot sign with an Ed25519 key it accepted", e);
        }
        return parse(CanonicalJson.bytes(envelope));
    }

    /**
     * Reads an envelope's JSON, of any formatting.
     *
     * @throws SigningException with one line saying what is wrong with it
     */
    public static SignedConfig parse(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw malformed("is " + json.length + " bytes, more than the " + MAX_BYTES + " a signed config may have",
                    "split the services' guides into smaller files or shorten them");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("is not JSON (" + where(e) + firstLine(e.getOriginalMessage()) + ")", PUSH_AGAIN);
        } catch (CharConversionException e) {
            throw malformed("is not UTF-8 text", PUSH_AGAIN);
        } catch (IOException e) {
            throw malformed("cannot be read (" + e.getClass().getSimpleName() + ")", PUSH_AGAIN);
        }
        if (root == null || root.isMissingNode()) {
            throw malformed("is empty", PUSH_AGAIN);
        }
        if (!(root instanceof ObjectNode envelope)) {
            throw malformed("is JSON but not an envelope (it is " + kind(root) + ", not an object with target, version and config)",
                    PUSH_AGAIN);
        }
        for (Iterator<String> names = envelope.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw malformed("has a field '" + Messages.shown(name) + "' that signed configs do not have (they have "
                        + String.join(", ", FIELDS) + ")", PUSH_AGAIN);
            }
        }
        ConfigTarget target = target(envelope.get("target"));
        long version = version(envelope.get("version"));
        Instant issuedAt = issuedAt(envelope.get("issuedAt"));
        String keyId = optionalText(envelope.get("keyId"), "keyId");
        JsonNode config = envelope.get("config");
        if (config == null || config.isNull()) {
            throw malformed("has no config", PUSH_AGAIN);
        }
        if (!config.isObject()) {
            throw malformed("has a config that is " + kind(config) + ", not a mapping of keys", "sign a kiosk.yaml-style file");
        }
        byte[] signature = signature(optionalText(envelope.get("signature"), "signature"));
        ObjectNode unsigned = envelope.deepCopy();
        unsigned.remove("signature");
        byte[] signedBytes;
        ObjectNode canonicalConfig;
        try {
            signedBytes = CanonicalJson.bytes(unsigned);
            canonicalConfig = (ObjectNode) JSON.readTree(CanonicalJson.bytes(config));
        } catch (SigningException e) {
            throw malformed("cannot be checked: " + e.getMessage(), "");
        } catch (IOException e) {
            throw new IllegalStateException("canonical JSON that Jackson cannot read back", e);
        }
        return new SignedConfig(target, version, issuedAt, keyId, canonicalConfig, signature, signedBytes);
    }

    /** True when the Ed25519 signature is by {@code publicKey} over this envelope's signed bytes. */
    boolean isSignedBy(PublicKey publicKey) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(signedBytes);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            // a signature of the wrong length or form is as bad as a wrong one
            return false;
        }
    }

    public ConfigTarget target() {
        return target;
    }

    public long version() {
        return version;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /** The id of the key that signed, or empty when the envelope does not name one. */
    public String keyId() {
        return keyId;
    }

    /** The configuration tree exactly as signed: read back from its canonical bytes. */
    public ObjectNode config() {
        return config.deepCopy();
    }

    public boolean isSigned() {
        return signature.length > 0;
    }

    /** The canonical bytes the signature covers: the envelope without its signature field. */
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    /** The envelope as canonical JSON, ready to store or send. */
    public byte[] toJson() {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(signedBytes);
            if (isSigned()) {
                envelope.put("signature", Base64.getEncoder().encodeToString(signature));
            }
            return CanonicalJson.bytes(envelope);
        } catch (IOException e) {
            throw new IllegalStateException("canonical JSON that Jackson cannot read back", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedConfig s && Arrays.equals(signedBytes, s.signedBytes) && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(signedBytes) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedConfig[" + target + " version " + version + ", key " + (keyId.isEmpty() ? "(none)" : keyId) + ", issued "
                + issuedAt + (isSigned() ? "" : ", unsigned") + "]";
    }

    private static ConfigTarget target(JsonNode node) {
        if (node == null || node.isNull()) {
            throw malformed("has no target", PUSH_AGAIN);
        }
        if (!node.isTextual()) {
            throw malformed("has a target that is " + kind(node) + ", not text such as kiosk:ID, group:NAME or fleet", PUSH_AGAIN);
        }
        try {
            return ConfigTarget.parse(node.textValue());
        } catch (SigningException e) {
            throw new SigningException("The signed config's target " + e.getMessage());
        }
    }

    private static long version(JsonNode node) {
        if (node == null || node.isNull()) {
            throw malformed("has no version", PUSH_AGAIN);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1 || node.longValue() > LARGEST_VERSION) {
            throw malformed("has version " + Messages.shown(node.toString()) + ", not a whole number from 1 to " + LARGEST_VERSION,
                    PUSH_AGAIN);
        }
        return node.longValue();
    }

    private static Instant issuedAt(JsonNode node) {
        if (node == null || node.isNull()) {
            throw malformed("has no issuedAt", PUSH_AGAIN);
        }
        try {
            if (node.isTextual()) {
                return Instant.parse(node.textValue());
            }
        } catch (DateTimeParseException e) {
            // reported below, as for a value that is not text
        }
        throw malformed("has issuedAt " + Messages.shown(node.toString()) + ", not an instant such as 2025-03-01T08:30:00Z", PUSH_AGAIN);
    }

    private static String optionalText(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw malformed("has a " + field + " that is " + kind(node) + ", not text", PUSH_AGAIN);
        }
        return node.textValue();
    }

    private static byte[] signature(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            // one text per signature: a decoder that ignores stray bits would let the same signature be written two ways
            if (Base64.getEncoder().encodeToString(bytes).equals(base64)) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw malformed("has a signature that is not base64", PUSH_AGAIN);
    }

    private static SigningException malformed(String problem, String fix) {
        return new SigningException("The signed config " + problem + (fix.isEmpty() ? "" : "; " + fix));
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return Messages.shown(line);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> "something else";
        };
    }
}
