package org.bianmin.kiosk;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bianmin.config.ConfigException;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskToken;
import org.bianmin.kiosk.fleet.Provisioning;
import org.bianmin.kiosk.ui.FxPlatform;
import org.bianmin.kiosk.ui.KioskScreen;
import org.bianmin.kiosk.ui.UiOptions;
import org.bianmin.kiosk.ui.UiStartException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk run --config FILE}: the kiosk itself, full screen, from its config file laid over the
 * defaults and the signed layers it last committed under the state directory; it follows what admins push.
 * The token comes from {@code KIOSK_TOKEN} or the config's {@code backend.tokenFile}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs the kiosk full screen from its configuration.")
public final class KioskMain implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "the kiosk's configuration (YAML), over the defaults")
    Path config;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = "state",
            description = "where ledgers, device statistics, undelivered reports and pushed config are kept (default: ${DEFAULT-VALUE})")
    Path state;

    @Option(names = "--windowed", description = "a plain window instead of full screen (development)")
    boolean windowed;

    private final PrintStream err;

    KioskMain(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new KioskMain(err));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("kiosk run: " + e.getMessage() + "; see ./kiosk run --help");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Provisioning provisioning;
        KioskToken token;
        try {
            provisioning = Provisioning.of(config);
            token = KioskToken.resolve(provisioning.provisioned().backend(), System.getenv());
        } catch (ConfigException e) {
            err.println("kiosk run: " + e.getMessage());
            return 2;
        }
        KioskApp kiosk;
        try {
            kiosk = KioskApp.start(provisioning, token, KioskApp.Options.in(state));
        } catch (KioskStartException e) {
            err.println("kiosk run: " + e.getMessage());
            return 1;
        }
        KioskConfig cfg = kiosk.config();
        try {
            UiOptions ui = UiOptions.defaults().withKioskName(cfg.identity().displayName().zh());
            KioskScreen.open(FxPlatform.Display.detect(), kiosk.machine(), Optional.of(kiosk.maintenance()), windowed ? ui.windowed() : ui);
        } catch (UiStartException e) {
            kiosk.close();
            err.println("kiosk run: " + e.getMessage());
            return 1;
        }
        // the kiosk runs until the system stops it; stopping ends any visit (its data dropped) and closes the devices
        Runtime.getRuntime().addShutdownHook(new Thread(kiosk::close, "kiosk-shutdown"));
        new CountDownLatch(1).await();
        return 0;
    }
}
