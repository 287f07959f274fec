package org.bianmin.kiosk.fleet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;

/**
 * The process the kill loop kills: recovers the kiosk's config store, then applies one new version after another,
 * alternating between two configurations, until it is killed. Prints one line when it has recovered, one before each
 * apply and one after each commit, flushed, so the killer knows the old version that must survive and the new one
 * that may.
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

    /** Version {@code v}'s configuration: odd and even versions differ in services, notices, timeouts and languages. */
    static ObjectNode tree(long v) {
        boolean odd = v % 2 == 1;
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        var services = tree.putArray("services");
        (odd ? List.of("si-participation-certificate", "business-licence") : List.of("pesticide-licence")).forEach(services::add);
        tree.putArray("notices").addObject().put("zh", odd ? "今天下午停电检修，自助机暂停服务" : "本机可打印农药经营许可证");
        tree.putObject("session").putObject("timeouts").put("home", odd ? 60 : 120);
        tree.putObject("languages").put("default", odd ? "zh-CN" : "en");
        return tree;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AdminKeyPair admin = AdminKeyPair.read(Path.of(args[2]));
        Provisioning provisioning = Provisioning.of(Path.of(args[0]), List.of(admin.publicKey()), Set.of(FleetKiosk.GROUP));
        ConfigStore store = ConfigStore.open(Path.of(args[1]), provisioning, Clock.systemUTC());
        out.println(STARTED + store.runningVersion());
        ConfigApplier applier = new ConfigApplier(provisioning, store, config -> LiveConfig.Applied.nothing(),
                config -> HealthCheck.Health.ok(), report -> { }, Clock.systemUTC());
        ConfigTarget target = new ConfigTarget.Kiosk(provisioning.kioskId());
        long next = Math.max(store.runningVersion(), store.lastReverted().map(ReportedConfig::version).orElse(0L)) + 1;
        while (true) {
            out.println(APPLYING + next);
            ReportedConfig r = applier.apply(SignedConfig.sign(tree(next), target, next, admin.privateKey()).toJson());
            if (r.status() != ReportedConfig.Status.APPLIED) {
                out.println(UNEXPECTED + r);
                System.exit(3);
            }
            out.println(COMMITTED + next);
            next++;
        }
    }
}
