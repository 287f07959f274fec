package org.bianmin.kiosk.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.sim.SimulatedDevices;
import org.bianmin.kiosk.KioskApp;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.ui.KioskScreen;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.ProblemKind;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;

/**
 * The headless demo's visitors: each visit presses the screen's buttons by id as a finger would, places
 * the simulated card or shows a code to the simulated scanner, and waits for each screen to be drawn.
 * Screens go to {@code screens/<visit>/}, the visits' course to {@code visits.log}.
 */
final class ScriptedVisits {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LICENCE = "business-licence";

    enum Presented { ID_CARD, SOCIAL_SECURITY_QR, LICENCE_QR }

    record Visit(String name, String what, Language language, boolean elder, Presented presented, String service, Grade grade,
                 boolean paperOut) {}

    static final List<Visit> VISITS = List.of(
            new Visit("1-id-card-certificate-zh", "ID card → 社保参保证明, Chinese", Language.ZH_CN, false, Presented.ID_CARD,
                    ServiceRules.SI_CERTIFICATE, Grade.VERY_SATISFIED, false),
            new Visit("2-id-card-certificate-en-elder", "ID card → certificate, English, elder mode", Language.EN, true,
                    Presented.ID_CARD, ServiceRules.SI_CERTIFICATE, Grade.SATISFIED, false),
            new Visit("3-qr-business-licence-zh-elder", "e-licence QR → 营业执照, Chinese, elder mode, a bad grade with its reason",
                    Language.ZH_CN, true, Presented.LICENCE_QR, LICENCE, Grade.DISSATISFIED, false),
            new Visit("4-qr-business-licence-en", "e-licence QR → business licence, English", Language.EN, false,
                    Presented.LICENCE_QR, LICENCE, Grade.VERY_SATISFIED, false),
            new Visit("5-paper-out-then-printed-zh", "e-social-security QR → certificate; A4 paper runs out, staff refill, try again",
                    Language.ZH_CN, false, Presented.SOCIAL_SECURITY_QR, ServiceRules.SI_CERTIFICATE, Grade.BASICALLY_SATISFIED, true));

    private final KioskApp kiosk;
    private final KioskScreen screen;
    private final BackendProcess backend;
    private final Path out;
    private final PrintStream terminal;
    private final Path log;

    ScriptedVisits(KioskApp kiosk, KioskScreen screen, BackendProcess backend, Path out, PrintStream terminal) {
        this.kiosk = kiosk;
        this.screen = screen;
        this.backend = backend;
        this.out = out;
        this.terminal = terminal;
        this.log = out.resolve("visits.log");
        kiosk.machine().addViewListener(new StepLog());
    }

    /** Runs every visit; true when all completed. */
    boolean runAll() {
        int completed = 0;
        for (Visit v : VISITS) {
            Path shots = out.resolve("screens").resolve(v.name());
            screen.recordTo(shots);
            note("=== visit " + v.name() + ": " + v.what());
            long start = System.nanoTime();
            try {
                run(v);
                int held = screen.heldPreviewImages().get(5, TimeUnit.SECONDS);
                if (held != 0) {
                    throw new DemoFailure("the screen still holds " + held + " preview image(s) after the visit");
                }
                completed++;
                long ms = (System.nanoTime() - start) / 1_000_000;
                note("=== visit " + v.name() + " completed in " + ms + " ms; " + screen.recorded().size() + " screenshots");
                terminal.printf("  visit %-32s completed  %5.1f s  %2d screens%n", v.name(), ms / 1000.0, screen.recorded().size());
            } catch (DemoFailure | ExecutionException | TimeoutException e) {
                note("=== visit " + v.name() + " FAILED: " + e.getMessage());
                terminal.printf("  visit %-32s FAILED: %s%n", v.name(), e.getMessage());
                kiosk.machine().exit();
                waitFor(x -> x.step() == Step.IDLE, "idle after the failed visit", true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        screen.recordTo(null);
        summary(completed);
        return completed == VISITS.size();
    }

    private void run(Visit v) {
        SimulatedDevices sim = kiosk.devices().simulators().orElseThrow(() -> new DemoFailure("the demo needs simulated devices"));
        // the window draws its first view asynchronously: on a busy machine it may not be there yet
        waitFor(x -> x.step() == Step.IDLE, "the idle screen");
        press("idle");
        waitFor(x -> x.step() == Step.HOME && !x.services().isEmpty(), "home with the services");
        if (v.language() == Language.EN) {
            press("lang-en");
            waitFor(x -> x.language() == Language.EN, "English");
        }
        if (v.elder()) {
            press("elder");
            waitFor(VisitView::elderMode, "elder mode");
        }
        press("service-" + v.service());
        waitFor(x -> x.step() == Step.IDENTIFY, "identify");
        try {
            switch (v.presented()) {
                case ID_CARD -> sim.idCardSimulator().placeCard(CardFixtures.resident());
                case SOCIAL_SECURITY_QR -> sim.scannerSimulator().scan(backend.demoCode("e-social-security card"));
                case LICENCE_QR -> sim.scannerSimulator().scan(backend.demoCode("营业执照"));
            }
        } catch (LinkException e) {
            throw new DemoFailure("the simulated scanner: " + e.getMessage());
        }
        waitFor(x -> x.step() == Step.SERVICE_GUIDE && x.identity().map(i -> i.confirmed()).orElse(false), "the guide");
        press("confirm");
        VisitView preview = waitFor(x -> x.step() == Step.PREVIEW, "the preview");
        if (preview.pages().size() > 1) {
            press("next-page");
            waitFor(x -> x.step() == Step.PREVIEW && x.page() == 1, "page 2");
        }
        press("zoom-in");
        waitFor(x -> x.step() == Step.PREVIEW && x.zoom() > 1.0, "zoomed in");
        press("zoom-out");
        waitFor(x -> x.step() == Step.PREVIEW && x.zoom() == 1.0, "zoomed out");
        if (v.paperOut()) {
            var a4 = kiosk.devices().documentSimulator().orElseThrow(() -> new DemoFailure("the demo needs the A4 simulator"));
            a4.paperOut();
            press("print");
            waitFor(x -> x.step() == Step.PROBLEM && x.problem().map(p -> p.kind() == ProblemKind.PRINTER_OUT_OF_PAPER).orElse(false),
                    "the out-of-paper screen");
            note("staff refill the A4 printer");
            a4.paperIn();
            press("retry");
        } else {
            press("print");
        }
        VisitView done = waitFor(x -> x.step() == Step.DONE, "done");
        note("printed: case " + done.ticket().map(t -> t.caseNumber()).orElse("?") + ", verification code "
                + done.ticket().map(t -> t.verificationCode()).orElse("?") + (done.receiptMissing() ? ", receipt MISSING" : ", receipt printed"));
        if (v.presented() == Presented.ID_CARD) {
            sim.idCardSimulator().removeCard();
        } else {
            press("continue");
        }
        VisitView evaluate = waitFor(x -> x.step() == Step.EVALUATE, "the evaluation");
        press("grade-" + v.grade().name());
        if (!v.grade().good()) {
            IndicatorSet set = evaluate.indicators().orElseThrow(() -> new DemoFailure("no indicators on the evaluation screen"));
            waitFor(x -> x.evaluatePhase() == VisitView.EvaluatePhase.REASONS, "the reasons");
            press("indicator-" + set.forGrade(v.grade()).get(0).code());
            waitFor(x -> !x.chosenIndicators().isEmpty(), "a reason ticked");
            press("send-evaluation");
        }
        waitFor(x -> x.step() == Step.EVALUATE && x.evaluatePhase() == VisitView.EvaluatePhase.THANKS, "thanks");
        VisitView idle = waitFor(x -> x.step() == Step.IDLE, "idle");
        if (idle.identity().isPresent() || idle.ticket().isPresent() || !idle.pages().isEmpty()) {
            throw new DemoFailure("the idle screen still shows something of the visit");
        }
    }

    private void press(String id) {
        try {
            if (!screen.press(id).get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new DemoFailure("no button #" + id + " on " + screen.rendered());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new DemoFailure("pressing #" + id + ": " + e);
        }
    }

    private VisitView waitFor(Predicate<VisitView> p, String what) {
        return waitFor(p, what, false);
    }

    private VisitView waitFor(Predicate<VisitView> p, String what, boolean quiet) {
        try {
            return screen.whenRendered(p).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            if (quiet) {
                return screen.rendered();
            }
            throw new DemoFailure("waited " + WAIT.toSeconds() + " s for " + what + "; the screen shows " + screen.rendered());
        }
    }

    private void summary(int completed) {
        List<Path> pdfs = files(out.resolve("printed"), ".pdf");
        List<Path> receiptText = files(out.resolve("receipts"), ".txt");
        List<Path> receiptPng = files(out.resolve("receipts"), ".png");
        List<Path> shots = files(out.resolve("screens"), ".png");
        terminal.println();
        terminal.println("  documents printed (A4)   " + pdfs.size() + " PDF in " + out.resolve("printed"));
        terminal.println("  receipts                 " + receiptText.size() + " .txt + " + receiptPng.size() + " .png in " + out.resolve("receipts"));
        terminal.println("  screenshots              " + shots.size() + " PNG in " + out.resolve("screens"));
        terminal.println("  visit log                " + log);
        terminal.println(completed == VISITS.size() ? "demo finished: every visit completed"
                : "demo finished: " + (VISITS.size() - completed) + " of " + VISITS.size() + " visits FAILED (see " + log + ")");
        note("demo finished: " + completed + " of " + VISITS.size() + " visits completed; " + pdfs.size() + " documents, "
                + receiptText.size() + " receipts, " + shots.size() + " screenshots");
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void note(String line) {
        try {
            Files.writeString(log, LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            terminal.println("kiosk demo: visit log " + log + " not written (" + e.getMessage() + ")");
        }
    }

    /** One line per step or phase the machine enters; the view's own toString holds no personal data. */
    private final class StepLog implements java.util.function.Consumer<VisitView> {
        private String last = "";

        @Override
        public void accept(VisitView v) {
            String key = v.visit() + v.step().name() + v.identifyPhase() + v.evaluatePhase() + v.page() + v.zoom() + v.language()
                    + v.elderMode() + v.problem().map(p -> p.kind().name()).orElse("") + v.printProgress();
            if (!key.equals(last)) {
                last = key;
                note("    " + v + (v.step() == Step.PRINT ? " " + v.printProgress().values().stream()
                        .map(p -> p.part() + ":" + p.phase()).sorted().toList() : ""));
            }
        }
    }

    /** A visit that did not go as scripted; the message says where it stopped. */
    static final class DemoFailure extends RuntimeException {
        DemoFailure(String message) {
            super(message);
        }
    }
}
