package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;

/**
 * The process the kill loop kills: recovers the kiosk's config store, then applies one new layer set after another
 * (a fleet layer and the kiosk's own, both at version N), alternating between two configurations, until it is killed.
 * Prints one line when it has recovered, one before each apply and one after each commit, flushed, so the killer knows
 * the old version that must survive and the new one that may.
 *
 * <p>Arguments: the provisioned config file, the config directory, the admin's private key file.
 */
final class ApplyLoopChild {
    static final String STARTED = "apply-loop started at version ";
    static final String APPLYING = "apply-loop applying version ";
    static final String COMMITTED = "apply-loop committed version ";
    static final String UNEXPECTED = "apply-loop unexpected ";

    private ApplyLoopChild() {
    }

    static final ConfigTarget KIOSK = new ConfigTarget.Kiosk(FleetKiosk.KIOSK_ID);

    /** The fleet layer of version {@code v}: odd and even versions differ in services and timeouts. */
    static ObjectNode fleetTree(long v) {
        boolean odd = v % 2 == 1;
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        var services = tree.putArray("services");
        (odd ? List.of("si-participation-certificate", "business-licence") : List.of("pesticide-licence")).forEach(services::add);
        tree.putObject("session").putObject("timeouts").put("home", odd ? 60 : 120);
        return tree;
    }

    /** The kiosk's own layer of version {@code v}: odd and even versions differ in notices and languages. */
    static ObjectNode kioskTree(long v) {
        boolean odd = v % 2 == 1;
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("notices").addObject().put("zh", odd ? "今天下午停电检修，自助机暂停服务" : "本机可打印农药经营许可证");
        tree.putObject("languages").put("default", odd ? "zh-CN" : "en");
        return tree;
    }

    /** The tree version {@code v} signs for {@code target}. */
    static ObjectNode tree(ConfigTarget target, long v) {
        return target.equals(ConfigTarget.FLEET) ? fleetTree(v) : kioskTree(v);
    }

    /** The two layers of version {@code v}, fleet first. */
    static List<SignedConfig> layers(long v, AdminKeyPair admin) {
        return List.of(SignedConfig.sign(fleetTree(v), ConfigTarget.FLEET, v, admin.privateKey()),
                SignedConfig.sign(kioskTree(v), KIOSK, v, admin.privateKey()));
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AdminKeyPair admin = AdminKeyPair.read(Path.of(args[2]));
        Provisioning provisioning = Provisioning.of(Path.of(args[0]));
        ConfigStore store = ConfigStore.open(Path.of(args[1]), provisioning, Clock.systemUTC());
        out.println(STARTED + store.runningVersion(KIOSK.toString()));
        ConfigApplier applier = new ConfigApplier(provisioning, store, config -> LiveConfig.Applied.nothing(),
                config -> HealthCheck.Health.ok(), report -> { }, Clock.systemUTC());
        long next = 1;
        for (ConfigTarget t : List.of(ConfigTarget.FLEET, KIOSK)) {
            next = Math.max(next, Math.max(store.runningVersion(t.toString()),
                    store.lastReverted(t.toString()).map(ReportedConfig::version).orElse(0L)) + 1);
        }
        while (true) {
            out.println(APPLYING + next);
            List<ReportedConfig> reports = applier.apply(new DesiredLayers("e" + next, List.of(FleetKiosk.GROUP),
                    layers(next, admin).stream().map(SignedConfig::toJson).toList()));
            if (reports.size() != 2 || reports.stream().anyMatch(r -> r.status() != ReportedConfig.Status.APPLIED)) {
                out.println(UNEXPECTED + reports);
                System.exit(3);
            }
            out.println(COMMITTED + next);
            next++;
        }
    }
}
