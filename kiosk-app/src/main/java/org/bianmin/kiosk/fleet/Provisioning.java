package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
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
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.SigningException;

/**
 * What a kiosk was given when it was set up, which no push can change: its configuration (the file, and in the demo
 * the values set over it) and the admin public keys it trusts ({@code fleet.adminKeys}). Signed layers are laid over
 * that configuration (defaults &lt; provisioned file &lt; fleet &lt; groups &lt; kiosk), so a push need carry only what the
 * admin manages, and the kiosk id and the trusted keys always stay the provisioned ones.
 */
public final class Provisioning {
    private final KioskConfigLoader loader;
    private final Path baseDir;
    private final KioskConfig provisioned;
    private final List<PublicKey> trustedKeys;

    private Provisioning(KioskConfigLoader loader, Path baseDir, KioskConfig provisioned, List<PublicKey> trustedKeys) {
        this.loader = loader;
        this.baseDir = baseDir;
        this.provisioned = provisioned;
        this.trustedKeys = List.copyOf(trustedKeys);
    }

    /**
     * Reads the provisioned configuration file over the bundled defaults.
     *
     * @throws ConfigException when the file is not a valid configuration (the kiosk cannot start)
     */
    public static Provisioning of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return of(KioskConfigLoader.overDefaults().file(abs), Objects.requireNonNullElse(abs.getParent(), abs));
    }

    /**
     * Reads a provisioned configuration made of several layers, e.g. the demo's file with the backend's address set
     * over it.
     *
     * @param baseDir the directory relative paths in pushed layers resolve against: the provisioned file's
     * @throws ConfigException when it is not a valid configuration, or a trusted key cannot be read
     */
    public static Provisioning of(KioskConfigLoader provisioned, Path baseDir) {
        KioskConfig config = provisioned.load();
        List<PublicKey> keys = new ArrayList<>();
        for (int i = 0; i < config.fleet().adminKeys().size(); i++) {
            Path key = config.fleet().adminKeys().get(i);
            try {
                keys.add(AdminKeyPair.readPublicKey(key));
            } catch (SigningException e) {
                throw new ConfigException(List.of(new ConfigProblem("fleet.adminKeys[" + i + "]", key.toString(), e.getMessage(),
                        "give the admin-key.pub file written by ./kiosk admin keygen", "")));
            }
        }
        return new Provisioning(provisioned, baseDir.toAbsolutePath().normalize(), config, keys);
    }

    /** The configuration the kiosk runs when no signed layer is stored. */
    public KioskConfig provisioned() {
        return provisioned;
    }

    public String kioskId() {
        return provisioned.identity().kioskId();
    }

    /** How many admin keys the kiosk trusts; with none, every push is rejected. */
    public int trustedKeys() {
        return trustedKeys.size();
    }

    /** The gate every pushed envelope passes first, for a kiosk in {@code groups}. */
    public ConfigVerifier verifier(Collection<String> groups) {
        return new ConfigVerifier(trustedKeys, kioskId(), Set.copyOf(groups));
    }

    /**
     * The configuration verified layers give: the provisioned configuration with each signed tree over it in the order
     * given, the highest layer version as {@code version}, checked as strictly as the file is at start-up.
     *
     * @throws ConfigException listing every problem, or when a layer would change the kiosk's id or trusted keys
     */
    public KioskConfig bind(List<SignedConfig> layers) {
        if (layers.isEmpty()) {
            return provisioned;
        }
        KioskConfigLoader l = loader;
        List<ConfigProblem> refused = new ArrayList<>();
        for (SignedConfig layer : layers) {
            ObjectNode tree = layer.config();
            String source = source(layer);
            JsonNode keys = tree.path("fleet").path("adminKeys");
            if (!keys.isMissingNode()) {
                refused.add(new ConfigProblem("fleet.adminKeys", keys.toString(), "cannot be pushed: the admin keys a kiosk "
                        + "trusts are set when it is provisioned", "remove fleet.adminKeys from the pushed config; to trust a new "
                        + "key, provision the kiosks with it", source));
            }
            l = l.layer(new ConfigLayer(source, baseDir, tree, Map.of(), List.of()));
        }
        if (!refused.isEmpty()) {
            throw new ConfigException(refused);
        }
        long highest = layers.stream().mapToLong(SignedConfig::version).max().orElseThrow();
        KioskConfig bound = l.layer(ConfigLayer.ofValues("the highest signed layer version", baseDir, Map.of("version", highest)))
                .load();
        String id = bound.identity().kioskId();
        if (!id.equals(kioskId())) {
            throw new ConfigException(List.of(new ConfigProblem("identity.kioskId", id, "would change this kiosk's id from "
                    + kioskId(), "remove identity.kioskId from the pushed config: a kiosk's id is set when it is provisioned",
                    layers.stream().map(Provisioning::source).toList().toString())));
        }
        return bound;
    }

    /** How messages name a layer, e.g. {@code signed config version 3 for group:xiaoshan-east}. */
    static String source(SignedConfig layer) {
        return "signed config version " + layer.version() + " for " + layer.target();
    }
}
