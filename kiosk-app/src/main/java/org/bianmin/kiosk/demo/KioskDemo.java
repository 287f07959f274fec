package org.bianmin.kiosk.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.bianmin.config.ConfigException;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;
import org.bianmin.device.sim.SimulatedDevices;
import org.bianmin.kiosk.KioskApp;
import org.bianmin.kiosk.KioskStartException;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.fleet.Provisioning;
import org.bianmin.kiosk.ui.FxPlatform;
import org.bianmin.kiosk.ui.KioskScreen;
import org.bianmin.kiosk.ui.UiOptions;
import org.bianmin.kiosk.ui.UiStartException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk demo}: the reference backend (its own process, embedded database, demo records; on port
 * 8080 when it is free), the kiosk built from {@code config/kiosk-demo.yaml} with simulated devices, and the
 * kiosk's screen. On a display the screen is a window; with no display (or {@code --headless}) scripted
 * visits run first and everything they produce is written under {@code out/demo}. Then the kiosk stays up,
 * idle and sending heartbeats, until Ctrl-C or {@code quit} (or at once with {@code --exit}); the terminal
 * places cards, scans codes and puts the simulated printers into the states a technician meets.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the backend, simulated devices and the kiosk; headless: scripted visits into out/demo first.")
public final class KioskDemo implements Callable<Integer> {
    /** The port the admin command line expects the backend on. */
    static final int USUAL_PORT = 8080;
    /** The admin token a --demo backend seeds: a sample credential, valid only against a demo backend. */
    static final String DEMO_ADMIN_TOKEN = "demo-admin-token";

    @Option(names = "--headless", description = "run the scripted visits with no window (the default when there is no display)")
    boolean headless;

    @Option(names = "--exit", description = "end once the scripted visits are done instead of staying up for the terminal's commands")
    boolean exit;

    @Option(names = "--out", paramLabel = "DIR", description = "where the demo writes (default: out/demo under the project)")
    Path out;

    private final PrintStream terminal;
    private volatile boolean a4PaperOut;
    private volatile boolean receiptPaperLow;

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
        try (BackendProcess backend = startBackend(dir.resolve("backend"));
             DemoAdminDefaults adminDefaults = adminDefaults(dir, backend)) {
            terminal.println("  backend      " + backend.baseUri() + " (embedded database under " + dir.resolve("backend") + ")");
            terminal.println("  fleet        ./kiosk admin kiosks" + (adminDefaults.written() ? "" : " --token " + DEMO_ADMIN_TOKEN
                    + (backend.port() == USUAL_PORT ? "" : " --backend " + backend.baseUri())));
            Path demoFile = projectFile("config/kiosk-demo.yaml");
            Provisioning provisioning = Provisioning.of(KioskConfigLoader.overDefaults()
                    .file(demoFile)
                    .set("backend.url", backend.baseUri().toString())
                    .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed").toAbsolutePath())
                    .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toAbsolutePath().toString())),
                    demoFile.getParent());
            KioskConfig config = provisioning.provisioned();
            KioskToken token = KioskToken.resolve(config.backend(), Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
            try (KioskApp kiosk = KioskApp.start(provisioning, token, KioskApp.Options.in(dir.resolve("state")).withReceiptsIn(dir.resolve("receipts")))) {
                KioskScreen screen = KioskScreen.open(display, kiosk.machine(), Optional.of(kiosk.maintenance()),
                        UiOptions.defaults().withKioskName(config.identity().displayName().zh()).windowed());
                terminal.println("  kiosk        " + config.identity().kioskId() + ", screen " + (display == FxPlatform.Display.HEADLESS
                        ? "headless (1920x1080)" : "in a window") + ", a heartbeat every "
                        + config.backend().heartbeatInterval().toSeconds() + " s");
                terminal.println("  config       follows pushes signed with config/demo-admin-key.pem, e.g. ./kiosk admin push --to kiosk:"
                        + config.identity().kioskId() + " FILE" + (adminDefaults.written() ? "" : " --key config/demo-admin-key.pem --token "
                        + DEMO_ADMIN_TOKEN + (backend.port() == USUAL_PORT ? "" : " --backend " + backend.baseUri())));
                if (adminDefaults.written()) {
                    terminal.println("               (while the demo runs, ./kiosk admin takes its token and sample key by itself)");
                }
                Thread cleanUp = new Thread(() -> {
                    // Ctrl-C: the kiosk ends any visit and lets go of its devices; the backend stops with its database closed
                    adminDefaults.close();
                    kiosk.close();
                    backend.close();
                }, "demo-shutdown");
                Runtime.getRuntime().addShutdownHook(cleanUp);
                try {
                    boolean visitsCompleted = true;
                    if (display == FxPlatform.Display.HEADLESS) {
                        visitsCompleted = new ScriptedVisits(kiosk, screen, backend, dir, terminal).runAll();
                        if (exit) {
                            return visitsCompleted ? 0 : 1;
                        }
                    }
                    if (display == FxPlatform.Display.HEADLESS) {
                        // no window to look at: every screen from here on is a PNG, e.g. Home after a push
                        Path shots = dir.resolve("screens").resolve("console");
                        screen.recordTo(shots);
                        terminal.println("  screens      each new screen from now on: " + shots + "/NN-step.png");
                    }
                    kiosk.supervisor().addListener(h -> terminal.println("  device       " + h));
                    kiosk.fleet().ifPresent(f -> f.onReport(r -> terminal.println("  config       " + r.target() + " version " + r.version()
                            + " " + r.status().name().toLowerCase(Locale.ROOT) + (r.reason().isEmpty() ? "" : ": " + r.reason()))));
                    return console(kiosk, backend) && visitsCompleted ? 0 : 1;
                } finally {
                    removeHook(cleanUp);
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

    /**
     * The terminal is the demo visitor's and the technician's hand, until {@code quit} or Ctrl-C; when the input
     * ends (no terminal) the kiosk stays up until Ctrl-C. False when the commands could not be carried out.
     */
    private boolean console(KioskApp kiosk, BackendProcess backend) {
        terminal.println("The kiosk is up; it stays up until Ctrl-C. Type a command and Enter:");
        terminal.println("  card       place the demo ID card (测试用户甲)      lift       take the card away");
        terminal.println("  essc       show an e-social-security card QR   licence    show an e-business-licence QR");
        terminal.println("  paper      A4 printer out of paper / paper back in");
        terminal.println("  paper-low  receipt paper near its end / a fresh roll");
        terminal.println("  stall      the receipt printer hangs until its power is cycled (the kiosk does that through its relay)");
        terminal.println("  unstall    the receipt printer comes back by itself     quit       end the demo");
        CountDownLatch quit = new CountDownLatch(1);
        AtomicBoolean ok = new AtomicBoolean(true);
        Thread.ofPlatform().daemon().name("demo-console").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!command(line.strip(), kiosk, backend)) {
                        quit.countDown();
                        return;
                    }
                }
            } catch (IOException | LinkException | RuntimeException e) {
                terminal.println("kiosk demo: " + e.getMessage());
                ok.set(false);
                quit.countDown();
            }
        });
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ok.get();
    }

    /** Carries out one terminal command; false for quit. */
    private boolean command(String command, KioskApp kiosk, BackendProcess backend) throws LinkException {
        SimulatedDevices sim = kiosk.devices().simulators().orElseThrow();
        ReceiptPrinterSimulator receipts = sim.printerSimulator();
        switch (command) {
            case "card" -> sim.idCardSimulator().placeCard(CardFixtures.resident());
            case "lift" -> sim.idCardSimulator().removeCard();
            case "essc" -> sim.scannerSimulator().scan(backend.demoCode("e-social-security card"));
            case "licence" -> sim.scannerSimulator().scan(backend.demoCode("营业执照"));
            case "paper" -> {
                a4PaperOut = !a4PaperOut;
                var a4 = kiosk.devices().documentSimulator().orElseThrow();
                if (a4PaperOut) {
                    a4.paperOut();
                } else {
                    a4.paperIn();
                }
                terminal.println(a4PaperOut ? "A4 printer: out of paper" : "A4 printer: paper back in");
            }
            case "paper-low" -> {
                receiptPaperLow = !receiptPaperLow;
                if (receiptPaperLow) {
                    receipts.paperNearEnd();
                } else {
                    receipts.loadPaper();
                }
                terminal.println(receiptPaperLow ? "receipt printer: paper near its end" : "receipt printer: a fresh roll");
            }
            case "stall" -> {
                receipts.stall();
                terminal.println("receipt printer: hung; the kiosk notices within a few checks and power-cycles it");
            }
            case "unstall" -> {
                receipts.unstall();
                terminal.println("receipt printer: answering again");
            }
            case "quit", "exit" -> {
                return false;
            }
            case "" -> { }
            default -> terminal.println("unknown command '" + command
                    + "'; card, lift, essc, licence, paper, paper-low, stall, unstall or quit");
        }
        return true;
    }

    /** The shortcut for {@code ./kiosk admin} when the backend is where the admin commands look; else nothing to remove. */
    private DemoAdminDefaults adminDefaults(Path dir, BackendProcess backend) {
        if (backend.port() != USUAL_PORT) {
            return DemoAdminDefaults.none();
        }
        try {
            return DemoAdminDefaults.write(dir, DEMO_ADMIN_TOKEN, projectFile("config/demo-admin-key.pem"));
        } catch (IOException e) {
            terminal.println("  (cannot write " + dir.resolve(DemoAdminDefaults.FILE_NAME) + ": " + e.getMessage()
                    + "; the admin commands need --token and --key)");
            return DemoAdminDefaults.none();
        }
    }

    /** The backend on port 8080, where the admin command line looks first, or on a free port when 8080 is taken. */
    private BackendProcess startBackend(Path dataDir) {
        if (portFree(USUAL_PORT)) {
            try {
                return BackendProcess.start(dataDir, USUAL_PORT);
            } catch (IllegalStateException e) {
                terminal.println("  (port " + USUAL_PORT + " was taken meanwhile; the backend takes a free port)");
            }
        }
        return BackendProcess.start(dataDir);
    }

    private static boolean portFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
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
