package org.bianmin.kiosk.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bianmin.config.ConfigException;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.link.LinkException;
import org.bianmin.kiosk.KioskApp;
import org.bianmin.kiosk.KioskStartException;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.ui.FxPlatform;
import org.bianmin.kiosk.ui.KioskScreen;
import org.bianmin.kiosk.ui.UiOptions;
import org.bianmin.kiosk.ui.UiStartException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk demo}: the reference backend (its own process, embedded database, demo records), the
 * kiosk built from {@code config/kiosk-demo.yaml} with simulated devices, and the kiosk's screen. On a
 * display the screen is a window and the terminal places cards and scans codes; with no display (or
 * {@code --headless}) scripted visits run and everything they produce is written under {@code out/demo}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the backend, simulated devices and the kiosk; headless: scripted visits into out/demo.")
public final class KioskDemo implements Callable<Integer> {

    @Option(names = "--headless", description = "run the scripted visits with no window (the default when there is no display)")
    boolean headless;

    @Option(names = "--out", paramLabel = "DIR", description = "where the demo writes (default: out/demo under the project)")
    Path out;

    private final PrintStream terminal;

    KioskDemo(PrintStream terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new KioskDemo(stdout));
        cli.setOut(new PrintWriter(stdout, true));
        cli.setParameterExceptionHandler((e, a) -> {
            stdout.println("kiosk demo: " + e.getMessage() + "; see ./kiosk demo --help");
            return 2;
        });
        int code = cli.execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() {
        Path dir = out != null ? out : Path.of(System.getProperty("kiosk.home", "."), "out", "demo");
        FxPlatform.Display display = headless ? FxPlatform.Display.HEADLESS : FxPlatform.Display.detect();
        try {
            clear(dir);
        } catch (IOException e) {
            terminal.println("kiosk demo: cannot clear " + dir + " (" + e.getMessage() + "); choose another with --out");
            return 1;
        }
        terminal.println("Bianmin Kiosk demo: backend, simulated devices and the kiosk screen (synthetic people only)");
        try (BackendProcess backend = BackendProcess.start(dir.resolve("backend"))) {
            terminal.println("  backend      " + backend.baseUri() + " (embedded database under " + dir.resolve("backend") + ")");
            KioskConfig config = KioskConfigLoader.overDefaults()
                    .file(projectFile("config/kiosk-demo.yaml"))
                    .set("backend.url", backend.baseUri().toString())
                    .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed").toAbsolutePath())
                    .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toAbsolutePath().toString()))
                    .load();
            KioskToken token = KioskToken.resolve(config.backend(), Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
            try (KioskApp kiosk = KioskApp.start(config, token, KioskApp.Options.in(dir.resolve("state")).withReceiptsIn(dir.resolve("receipts")))) {
                KioskScreen screen = KioskScreen.open(display, kiosk.machine(), Optional.of(kiosk.maintenance()),
                        UiOptions.defaults().withKioskName(config.identity().displayName().zh()).windowed());
                terminal.println("  kiosk        " + config.identity().kioskId() + ", screen " + (display == FxPlatform.Display.HEADLESS
                        ? "headless (1920x1080)" : "in a window"));
                try {
                    if (display == FxPlatform.Display.HEADLESS) {
                        return new ScriptedVisits(kiosk, screen, backend, dir, terminal).runAll() ? 0 : 1;
                    }
                    return console(kiosk, backend);
                } finally {
                    screen.close();
                }
            }
        } catch (ConfigException e) {
            terminal.println("kiosk demo: " + e.getMessage());
        } catch (KioskStartException | UiStartException e) {
            terminal.println("kiosk demo: " + e.getMessage());
        } catch (IllegalStateException e) {
            terminal.println("kiosk demo: " + e.getMessage());
        }
        return 1;
    }

    /** With a window: the terminal is the demo visitor's hand. */
    private int console(KioskApp kiosk, BackendProcess backend) {
        terminal.println("The kiosk is on screen. Type a command and Enter:");
        terminal.println("  card     place the demo ID card (测试用户甲)      lift     take the card away");
        terminal.println("  essc     show an e-social-security card QR   licence  show an e-business-licence QR");
        terminal.println("  paper    A4 printer out of paper / paper back in       quit     end the demo");
        var sim = kiosk.devices().simulators().orElseThrow();
        boolean paperOut = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                switch (line.strip()) {
                    case "card" -> sim.idCardSimulator().placeCard(CardFixtures.resident());
                    case "lift" -> sim.idCardSimulator().removeCard();
                    case "essc" -> sim.scannerSimulator().scan(backend.demoCode("e-social-security card"));
                    case "licence" -> sim.scannerSimulator().scan(backend.demoCode("营业执照"));
                    case "paper" -> {
                        paperOut = !paperOut;
                        var a4 = kiosk.devices().documentSimulator().orElseThrow();
                        if (paperOut) {
                            a4.paperOut();
                        } else {
                            a4.paperIn();
                        }
                        terminal.println(paperOut ? "A4 printer: out of paper" : "A4 printer: paper back in");
                    }
                    case "quit", "exit" -> {
                        return 0;
                    }
                    case "" -> { }
                    default -> terminal.println("unknown command '" + line.strip() + "'; card, lift, essc, licence, paper or quit");
                }
            }
        } catch (IOException | LinkException e) {
            terminal.println("kiosk demo: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    static Path projectFile(String relative) {
        for (Path d = Path.of(System.getProperty("kiosk.home", ".")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found; run the demo from the project (./kiosk demo)");
    }
}
