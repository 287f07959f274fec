package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;

/**
 * A provisioned kiosk in a temporary directory for fleet tests: its configuration file, the admin key it trusts, a
 * live configuration that records what it was given (and can be made to fail), a health check that can be made to
 * fail, and a reporter that records every report.
 */
final class FleetKiosk {
    static final String KIOSK_ID = "township-hall-01";
    static final String GROUP = "xiaoshan-east";
    static final AdminKeyPair ADMIN = AdminKeyPair.generate();
    static final AdminKeyPair STRANGER = AdminKeyPair.generate();
    static final Instant ISSUED = Instant.parse("2025-03-01T08:30:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final String PROVISIONED_YAML = """
            identity:
              kioskId: township-hall-01
              displayName:
                zh: 示范镇便民服务中心 1号自助机
            services: [si-participation-certificate]
            devices:
              idCard: {simulated: true}
              qrScanner: {simulated: true}
              receiptPrinter: {simulated: true}
              documentPrinter: {simulated: true, queue: "spool:printed"}
            fleet:
              adminKeys: [admin.pub]
            """;

    final Path provisionedFile;
    final Path configDir;
    final Provisioning provisioning;
    final List<ReportedConfig> reports = new CopyOnWriteArrayList<>();
    final List<KioskConfig> applied = new CopyOnWriteArrayList<>();
    /** The problem the next health checks report; null for healthy. */
    volatile String unhealthy;
    /** Applying a configuration with this many services fails; -1 for never. */
    volatile int refuseServices = -1;

    private FleetKiosk(Path root) {
        try {
            Files.createDirectories(root);
            provisionedFile = root.resolve("kiosk.yaml");
            Files.writeString(provisionedFile, PROVISIONED_YAML);
            Files.writeString(root.resolve("admin.pub"), ADMIN.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configDir = root.resolve("state").resolve("config");
        provisioning = Provisioning.of(provisionedFile);
    }

    static FleetKiosk provisionedIn(Path root) {
        return new FleetKiosk(root);
    }

    ConfigStore openStore() {
        try {
            return ConfigStore.open(configDir, provisioning, CLOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConfigApplier applier(ConfigStore store) {
        LiveConfig live = config -> {
            if (config.services().size() == refuseServices) {
                throw new LiveConfigException("the receipt printer on /dev/ttyUSB1 did not reopen");
            }
            applied.add(config);
            return LiveConfig.Applied.nothing();
        };
        HealthCheck health = config -> unhealthy == null ? HealthCheck.Health.ok() : HealthCheck.Health.failing(unhealthy);
        return new ConfigApplier(provisioning, store, live, health, reports::add, CLOCK);
    }

    /** The configuration tree an admin pushes: the Home screen's services and one notice. */
    static ObjectNode home(String... services) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ArrayNode codes = tree.putArray("services");
        for (String s : services) {
            codes.add(s);
        }
        tree.putArray("notices").addObject().put("zh", "本机提供 " + services.length + " 项服务");
        return tree;
    }

    static SignedConfig signed(long version, ObjectNode tree) {
        return signed(new ConfigTarget.Kiosk(KIOSK_ID), version, tree);
    }

    static SignedConfig signed(ConfigTarget target, long version, ObjectNode tree) {
        return SignedConfig.sign(tree, target, version, ISSUED, ADMIN.privateKey());
    }

    static byte[] envelope(long version, String... services) {
        return signed(version, home(services)).toJson();
    }

    /** The fleet service's answer for this kiosk, in group {@value #GROUP}, with these layers. */
    static DesiredLayers desired(byte[]... layers) {
        return new DesiredLayers("etag", List.of(GROUP), List.of(layers));
    }

    /** Applies a desired answer holding only this kiosk's own layer and returns the one report about it. */
    static ReportedConfig push(ConfigApplier applier, byte[] kioskLayer) {
        List<ReportedConfig> reports = applier.apply(desired(kioskLayer));
        if (reports.size() != 1) {
            throw new AssertionError("one report expected, got " + reports);
        }
        return reports.getFirst();
    }

    /** A state file's bytes: these layers, lowest first, for a kiosk in group {@value #GROUP}. */
    static byte[] state(byte[]... layers) {
        return layers(layers).toJson();
    }

    static SignedLayers layers(byte[]... layers) {
        return new SignedLayers(List.of(GROUP), Arrays.stream(layers).map(SignedConfig::parse).toList());
    }

    /** The bytes of a file in the config directory, or empty when it is not there. */
    Optional<byte[]> file(String name) {
        try {
            return Optional.of(Files.readAllBytes(configDir.resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String name, byte[] bytes) {
        try {
            Files.write(configDir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
