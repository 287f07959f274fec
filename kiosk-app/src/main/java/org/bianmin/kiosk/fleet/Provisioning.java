package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bianmin.config.ConfigException;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.ConfigProblem;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.SignedConfig;

/**
 * What a kiosk was given when it was set up, which no push can change: its configuration file, the admin public keys
 * it trusts and the groups it is in. A signed configuration is laid over that file (defaults &lt; file &lt; signed
 * tree), so a push need carry only what the admin manages, and the kiosk id always stays the provisioned one.
 */
public final class Provisioning {
    private final Path file;
    private final KioskConfig provisioned;
    private final ConfigVerifier verifier;

    private Provisioning(Path file, KioskConfig provisioned, ConfigVerifier verifier) {
        this.file = file;
        this.provisioned = provisioned;
        this.verifier = verifier;
    }

    /**
     * Reads the provisioned configuration file.
     *
     * @param file        the kiosk's own configuration, laid over the bundled defaults
     * @param trustedKeys the admin public keys whose signatures the kiosk accepts
     * @param groups      the groups the kiosk is in, for configurations pushed to a group
     * @throws ConfigException when the file is not a valid configuration (the kiosk cannot start)
     */
    public static Provisioning of(Path file, Collection<PublicKey> trustedKeys, Set<String> groups) {
        Path abs = file.toAbsolutePath().normalize();
        KioskConfig provisioned = KioskConfigLoader.load(abs);
        return new Provisioning(abs, provisioned, new ConfigVerifier(trustedKeys, provisioned.identity().kioskId(), groups));
    }

    /** The configuration the kiosk runs when no signed configuration is stored. */
    public KioskConfig provisioned() {
        return provisioned;
    }

    public String kioskId() {
        return provisioned.identity().kioskId();
    }

    /** The gate every pushed envelope passes first. */
    public ConfigVerifier verifier() {
        return verifier;
    }

    /**
     * The configuration a verified envelope gives: the provisioned file with the signed tree over it, the envelope's
     * version as {@code version}, checked as strictly as the file is at start-up.
     *
     * @throws ConfigException listing every problem, or when the tree would change the kiosk's id
     */
    public KioskConfig bind(SignedConfig envelope) {
        ObjectNode tree = envelope.config();
        tree.put("version", envelope.version());
        String source = "signed config version " + envelope.version() + " for " + envelope.target();
        Path baseDir = Objects.requireNonNullElse(file.getParent(), file);
        KioskConfig bound = KioskConfigLoader.overDefaults()
                .file(file)
                .layer(new ConfigLayer(source, baseDir, tree, Map.of(), List.of()))
                .load();
        String id = bound.identity().kioskId();
        if (!id.equals(kioskId())) {
            throw new ConfigException(List.of(new ConfigProblem("identity.kioskId", id, "would change this kiosk's id from "
                    + kioskId(), "remove identity.kioskId from the pushed config: a kiosk's id is set when it is provisioned",
                    source)));
        }
        return bound;
    }
}
