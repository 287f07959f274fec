package org.bianmin.config.signing;

import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The kiosk's gate for desired configurations: accepts an envelope only when it is signed, by an admin key the kiosk
 * trusts, over exactly the bytes it carries, for this kiosk (or its group, or the fleet), with a version above the one
 * the kiosk runs. Checks run in that order, so a forged envelope is refused for its signature before anything it
 * claims (target, version) is believed. Schema validation is not done here: the configuration binder does it.
 */
public final class ConfigVerifier {
    private final Map<String, PublicKey> trusted = new LinkedHashMap<>();
    private final String kioskId;
    private final Set<String> groups;

    /**
     * @param trustedKeys the admin public keys this kiosk was provisioned with
     * @param kioskId     this kiosk's identity.kioskId
     * @param groups      the groups this kiosk is in
     */
    public ConfigVerifier(Collection<PublicKey> trustedKeys, String kioskId, Set<String> groups) {
        for (PublicKey key : trustedKeys) {
            AdminKeyPair.requireEd25519(key, "public");
            trusted.put(AdminKeyPair.keyId(key), key);
        }
        this.kioskId = Objects.requireNonNull(kioskId, "kioskId");
        this.groups = Set.copyOf(groups);
    }

    /** Verifies an envelope's bytes against the one version the kiosk runs now. */
    public Verdict verify(byte[] envelope, long runningVersion) {
        return verify(envelope, target -> runningVersion);
    }

    /**
     * Verifies an envelope's bytes where the kiosk keeps one running version per target (fleet, group and kiosk
     * layers each have their own).
     */
    public Verdict verify(byte[] envelope, ToLongFunction<ConfigTarget> runningVersion) {
        SignedConfig config;
        try {
            config = SignedConfig.parse(envelope);
        } catch (SigningException e) {
            return new Verdict.Rejected(Rejection.MALFORMED, e.getMessage());
        }
        return verify(config, runningVersion);
    }

    /** Verifies an envelope already read. */
    public Verdict verify(SignedConfig config, ToLongFunction<ConfigTarget> runningVersion) {
        String what = "The config for " + config.target() + ", version " + config.version() + ",";
        if (!config.isSigned()) {
            return reject(Rejection.UNSIGNED, what + " is not signed; sign it with an admin key (the admin tool signs what it "
                    + "pushes) and push it again");
        }
        PublicKey key = trusted.get(config.keyId());
        if (key == null) {
            String signedWith = config.keyId().isEmpty() ? " does not name the key that signed it"
                    : " is signed with key " + Messages.shown(config.keyId()) + ", which this kiosk does not trust";
            String trusts = trusted.isEmpty() ? "this kiosk trusts no admin key yet"
                    : "it trusts " + String.join(", ", new TreeSet<>(trusted.keySet()));
            return reject(Rejection.UNKNOWN_KEY, what + signedWith + " (" + trusts + "); sign it with a trusted admin key, or "
                    + "provision the kiosk with this key's public key");
        }
        if (!config.isSignedBy(key)) {
            return reject(Rejection.BAD_SIGNATURE, what + " does not match its signature: it was changed after signing, or "
                    + "signed with another key than it names; push the file as the admin tool signed it");
        }
        if (!config.target().covers(kioskId, groups)) {
            String in = groups.isEmpty() ? "in no group" : "in " + String.join(", ", new TreeSet<>(groups));
            return reject(Rejection.WRONG_TARGET, what + " is not for this kiosk (" + kioskId + ", " + in + "); push it to "
                    + "kiosk:" + kioskId + (groups.isEmpty() ? "" : ", group:" + new TreeSet<>(groups).first()) + " or fleet");
        }
        long running = runningVersion.applyAsLong(config.target());
        if (config.version() == running) {
            return reject(Rejection.REPLAYED, what + " is the version this kiosk already runs, sent again; to change the config, "
                    + "push it as version " + (running + 1) + " or higher");
        }
        if (config.version() < running) {
            return reject(Rejection.STALE, what + " is older than version " + running + ", which this kiosk runs; push it as "
                    + "version " + (running + 1) + " or higher");
        }
        return new Verdict.Accepted(config);
    }

    private static Verdict reject(Rejection reason, String message) {
        return new Verdict.Rejected(reason, message);
    }
}
