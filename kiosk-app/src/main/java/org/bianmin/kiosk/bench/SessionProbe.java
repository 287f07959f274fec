package org.bianmin.kiosk.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bianmin.config.ConfigException;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.sim.SimulatedDevices;
import org.bianmin.kiosk.KioskApp;
import org.bianmin.kiosk.KioskStartException;
import org.bianmin.kiosk.ui.HeadlessKiosk;
import org.bianmin.kiosk.ui.UiOptions;
import org.bianmin.kiosk.ui.UiStartException;
import org.bianmin.kiosk.visit.Step;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * One measurement of {@link SessionBenchmark} in a JVM of its own, so that each starts cold and owns the
 * JavaFX platform: the kiosk built from its config, the real window on the headless screen, the devices
 * simulated. Prints its results as lines starting with {@value #PREFIX} on stdout; a failure as one
 * {@code bench error} line and exit code 1. The kiosk token and the demo licence code come in the
 * environment ({@code KIOSK_TOKEN}, {@value #LICENCE_CODE_VARIABLE}), never on the command line.
 */
@Command(name = "session-probe", description = "One measurement of the session benchmark; run by it, not by hand.")
public final class SessionProbe implements Callable<Integer> {
    static final String PREFIX = "bench ";
    static final String LICENCE_CODE_VARIABLE = "KIOSK_BENCH_LICENCE_CODE";
    /** Serial devices as fast as a standard rate allows, for the runs that measure the software alone. */
    static final int INSTANT_BAUD = 921_600;
    /** The first heap reading: after this many visits the kiosk has loaded and cached what it keeps. */
    static final int CHECKPOINT = 10;
    /**
     * Every this many heap visits one is by ID card: a card visit spends about 1.5 s waiting on the reader's
     * polls (placing and lifting the card), time the heap reading does not need.
     */
    static final int CARD_EVERY = 25;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** What to measure. */
    enum Mode {
        /** Start the kiosk and report when the Idle screen was rendered, in ms since this JVM started. */
        COLD_START,
        /** Timed card visits after warm-up ones. */
        VISITS,
        /** Used heap after garbage collection at checkpoints of many visits. */
        HEAP
    }

    /** How the simulated devices answer. */
    enum Devices {
        /** The demo config's rates (card reader 115200 with realistic RF delays, receipt printer at its baud). */
        REAL,
        /** 921600 baud and 1–3 ms RF delays: what is left is the kiosk's own time. */
        INSTANT
    }

    @Parameters(index = "0", description = "COLD_START, VISITS or HEAP")
    Mode mode;

    @Option(names = "--config", required = true, description = "the kiosk's config file (the demo's)")
    Path config;

    @Option(names = "--backend", required = true, description = "the backend's base URL")
    String backendUrl;

    @Option(names = "--trust-anchor", required = true, description = "the backend's signing certificate (PEM)")
    Path trustAnchor;

    @Option(names = "--work", required = true, description = "a directory for the kiosk's state and spooled documents")
    Path work;

    @Option(names = "--devices", defaultValue = "REAL", description = "REAL or INSTANT")
    Devices devices;

    @Option(names = "--visits", defaultValue = "20", description = "timed visits (VISITS) or visits in all (HEAP)")
    int visits;

    @Option(names = "--warm-up", defaultValue = "2", description = "untimed visits before the timed ones (VISITS)")
    int warmUp;

    @Option(names = "--card-every", defaultValue = "" + CARD_EVERY, description = "every Nth heap visit is by ID card, the others by QR code")
    int cardEvery;

    private final PrintStream out;

    SessionProbe(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new SessionProbe(out)).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            out.println(PREFIX + "error " + e.getMessage());
            return 2;
        });
        int code = cli.execute(args);
        // the FX thread and the kiosk's device threads are not all daemons: end here
        System.exit(code);
    }

    @Override
    public Integer call() {
        try {
            KioskConfig kioskConfig = kioskConfig();
            KioskToken token = KioskToken.resolve(kioskConfig.backend(), System.getenv());
            KioskApp.Options options = KioskApp.Options.in(work.resolve("state")).withSimulatedCardTiming(
                    devices == Devices.INSTANT ? IdCardSimulator.Timing.FAST : IdCardSimulator.Timing.REALISTIC);
            try (KioskApp kiosk = KioskApp.start(kioskConfig, token, options)) {
                HeadlessKiosk screen = HeadlessKiosk.open(kiosk.machine(),
                        UiOptions.defaults().withKioskName(kioskConfig.identity().displayName().zh()));
                try {
                    switch (mode) {
                        case COLD_START -> coldStart(screen);
                        case VISITS -> visits(driver(kiosk, screen));
                        case HEAP -> heap(driver(kiosk, screen));
                    }
                } finally {
                    screen.close();
                }
            }
            return 0;
        } catch (ConfigException e) {
            return fail(e.getMessage().replace('\n', ' '));
        } catch (KioskStartException | UiStartException | VisitDriver.VisitFailed e) {
            return fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private int fail(String message) {
        out.println(PREFIX + "error " + message);
        return 1;
    }

    private KioskConfig kioskConfig() {
        KioskConfigLoader loader = KioskConfigLoader.overDefaults()
                .file(config)
                .set("backend.url", backendUrl)
                .set("trustAnchors", List.of(trustAnchor.toAbsolutePath().toString()))
                .set("devices.documentPrinter.queue", "spool:" + work.resolve("printed").toAbsolutePath());
        if (devices == Devices.INSTANT) {
            loader = loader.set("devices.idCard.baud", INSTANT_BAUD)
                    .set("devices.qrScanner.baud", INSTANT_BAUD)
                    .set("devices.receiptPrinter.baud", INSTANT_BAUD);
        }
        return loader.load();
    }

    private VisitDriver driver(KioskApp kiosk, HeadlessKiosk screen) throws VisitDriver.VisitFailed {
        SimulatedDevices simulators = kiosk.devices().simulators().orElseThrow(() -> new VisitDriver.VisitFailed(
                "the config does not simulate the serial devices; use the demo config (devices.*.simulated: true)"));
        String code = System.getenv(LICENCE_CODE_VARIABLE);
        if (code == null || code.isBlank()) {
            throw new VisitDriver.VisitFailed(LICENCE_CODE_VARIABLE + " is not set; the benchmark passes the backend's demo licence code in it");
        }
        return new VisitDriver(screen, simulators, kiosk.devices().reader().orElseThrow(), code);
    }

    private void coldStart(HeadlessKiosk screen) throws VisitDriver.VisitFailed, InterruptedException {
        HeadlessKiosk.Rendered idle = awaitStart(screen, false, "the Idle screen");
        HeadlessKiosk.Rendered ready = awaitStart(screen, true, "the Idle screen with the backend online");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long wallNow = System.currentTimeMillis();
        long nanoNow = System.nanoTime();
        out.println(PREFIX + "idle " + (wallNow - (nanoNow - idle.nanoTime()) / 1_000_000 - jvmStart));
        out.println(PREFIX + "ready " + (wallNow - (nanoNow - ready.nanoTime()) / 1_000_000 - jvmStart));
    }

    private static HeadlessKiosk.Rendered awaitStart(HeadlessKiosk screen, boolean online, String what)
            throws VisitDriver.VisitFailed, InterruptedException {
        try {
            return screen.whenRendered(v -> v.step() == Step.IDLE && (!online || v.backendOnline()))
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new VisitDriver.VisitFailed("no " + what + " within " + START_TIMEOUT.toSeconds() + " s; the screen shows "
                    + screen.rendered());
        }
    }

    private void visits(VisitDriver driver) throws VisitDriver.VisitFailed {
        driver.awaitIdle();
        for (int i = 0; i < warmUp; i++) {
            driver.cardVisit();
        }
        for (int i = 0; i < visits; i++) {
            VisitDriver.CardVisit v = driver.cardVisit();
            out.println(PREFIX + "visit " + v.placedToShown() + " " + v.readToShown() + " " + v.confirmToPreview() + " " + v.printToDone());
        }
    }

    private void heap(VisitDriver driver) throws VisitDriver.VisitFailed, InterruptedException {
        driver.awaitIdle();
        long visiting = 0;
        for (int done = 1; done <= visits; done++) {
            long t0 = System.nanoTime();
            if (done % cardEvery == 0) {
                driver.cardVisit();
            } else {
                driver.qrVisit();
            }
            visiting += System.nanoTime() - t0;
            if (done == CHECKPOINT || done == visits) {
                out.println(PREFIX + "heap " + done + " " + usedHeapAfterGc() + " " + visiting);
            }
        }
    }

    /** Used heap once collection has settled: several full collections with a pause for cleaners and reference queues. */
    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            memory.gc();
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
