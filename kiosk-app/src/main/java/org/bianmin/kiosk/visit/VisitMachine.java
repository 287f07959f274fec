package org.bianmin.kiosk.visit;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bianmin.device.DeviceError;
import org.bianmin.device.PersonalData;
import org.bianmin.device.idcard.Identity;
import org.bianmin.config.GuideOverride;
import org.bianmin.config.LocalizedText;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Evaluation;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.backend.Identification;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.backend.KioskBackend;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.document.DocumentVerifier;
import org.bianmin.kiosk.document.PreviewRenderer;
import org.bianmin.kiosk.document.UntrustedDocumentException;
import org.bianmin.kiosk.document.VerifiedDocument;
import org.bianmin.kiosk.print.PrintOrder;
import org.bianmin.kiosk.print.PrintOutcome;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;
import org.bianmin.kiosk.print.Printing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs citizens' visits: Idle → Home → Identify → Service guide → Fetch → Preview → Print → Done →
 * Evaluate → Idle, with a problem screen reachable from any step. Inputs may come from any thread;
 * they run one at a time on the machine's executor, as do the answers of the backend and the
 * printers. After every change it publishes a {@link VisitView}. Answers that arrive after the step
 * they were for has been left are dropped (and any document in them wiped). Between visits a technician
 * may hold the kiosk ({@link Step#MAINTENANCE}): no visit starts until maintenance ends. Work that must not
 * happen under a citizen waits for the end of the visit ({@link #betweenVisits}).
 */
public final class VisitMachine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VisitMachine.class);
    private static final int THANKS_SECONDS = 5;
    private static final double MIN_ZOOM = 1.0;
    private static final double MAX_ZOOM = 3.0;

    /** What the machine drives: the backend, the document check and preview, the printers, and fresh order keys. */
    public record Ports(KioskBackend backend, DocumentVerifier verifier, PreviewRenderer renderer, Printing printing,
                        Supplier<String> orderKeys) {}

    /**
     * @param enabledServices service codes to offer, in home-screen order; empty offers all the backend lists
     * @param previewDpi the resolution pages are rendered at for the preview
     * @param notices the short notices on the Home screen
     * @param guides by service code, the config's changes to the guide the backend gives
     */
    public record Settings(Timeouts timeouts, Language defaultLanguage, List<String> enabledServices, float previewDpi,
                           List<LocalizedText> notices, Map<String, GuideOverride> guides) {
        public Settings {
            enabledServices = List.copyOf(enabledServices);
            notices = List.copyOf(notices);
            guides = Map.copyOf(guides);
        }

        /** Without notices on the Home screen, and every guide as the backend gives it. */
        public Settings(Timeouts timeouts, Language defaultLanguage, List<String> enabledServices, float previewDpi) {
            this(timeouts, defaultLanguage, enabledServices, previewDpi, List.of(), Map.of());
        }

        public static Settings defaults() {
            return new Settings(Timeouts.defaults(), Language.ZH_CN, List.of(), 110f);
        }
    }

    /** Told when a visit ends, after its data is dropped. */
    public interface EndListener {
        void visitEnded(long visit, EndReason reason, Duration length);
    }

    private final Ports ports;
    private final Executor thread;
    private final Executor worker;
    private final VisitTimer timer;
    private final List<Consumer<VisitView>> viewListeners = new CopyOnWriteArrayList<>();
    private final List<EndListener> endListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> technicianCodeListeners = new CopyOnWriteArrayList<>();
    /** The settings of the visit under way (or of the next one, while idle). */
    private volatile Settings settings;
    private volatile VisitView lastView;

    // confined to the machine's thread
    private final VisitData data = new VisitData();
    private Settings nextSettings;
    private VisitTimer.Cancellable ticking;
    private Step step = Step.IDLE;
    private long visits;
    private long visit;
    private long epoch;
    private Instant visitStart;
    private Language language;
    private boolean elder;
    private int secondsLeft;
    private int secondsTotal;
    private boolean backendOnline;
    private Availability devices = Availability.all();
    /** Written on the machine's thread at each publish, read by the heartbeat. */
    private volatile List<String> servicesOut = List.of();
    private List<ServiceInfo> catalogue = List.of();
    private IndicatorSet indicators;
    private ServiceInfo service;
    private VisitView.IdentifyPhase identifyPhase = VisitView.IdentifyPhase.WAITING;
    private Hint hint;
    private final Map<PrintPart, PrintProgress> progress = new EnumMap<>(PrintPart.class);
    private int page;
    private double zoom = 1.0;
    private boolean receiptMissing;
    private boolean cardOnReader;
    private VisitView.EvaluatePhase evaluatePhase = VisitView.EvaluatePhase.GRADE;
    private Grade grade;
    private final Set<String> chosenIndicators = new LinkedHashSet<>();
    private Problem problem;
    /** The print order of this or an earlier visit, until it ends: work between visits waits for it. */
    private CompletableFuture<?> printing = CompletableFuture.completedFuture(null);
    private final List<IdleWork<?>> idleWork = new ArrayList<>();

    /** Work to run between visits, and its outcome. */
    private record IdleWork<T>(Callable<T> work, CompletableFuture<T> done) {
        void run() {
            if (done.isDone()) {
                // cancelled while it waited
                return;
            }
            try {
                done.complete(work.call());
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }
    }

    /**
     * @param thread runs inputs one at a time, in order (a single thread in production)
     * @param worker runs the CPU work of checking and rendering documents off the machine's thread
     */
    public VisitMachine(Ports ports, Settings settings, Executor thread, Executor worker, VisitTimer timer) {
        this.ports = ports;
        this.settings = settings;
        this.thread = thread;
        this.worker = worker;
        this.timer = timer;
        this.language = settings.defaultLanguage();
        this.backendOnline = ports.backend().online();
    }

    /** Starts the countdown tick, listens for the backend's connectivity, loads the service list. */
    public void start() {
        ports.backend().onConnectivity(online -> post(() -> onBackendOnline(online)));
        post(() -> {
            ticking = timer.everySecond(() -> post(this::tick));
            refreshCatalogue();
            publish();
        });
    }

    /**
     * Adds a listener on the machine's thread and gives it the current view there, so that it never
     * gets an older view after a newer one.
     */
    public void addViewListener(Consumer<VisitView> listener) {
        post(() -> {
            viewListeners.add(listener);
            if (lastView != null) {
                tell(listener, lastView);
            }
        });
    }

    public void addEndListener(EndListener listener) {
        endListeners.add(listener);
    }

    /** The last view published (null before {@link #start()}). */
    public VisitView view() {
        return lastView;
    }

    /** New settings take effect from the next visit (timeouts, services, guides, notices, default language). */
    public void applySettings(Settings s) {
        post(() -> {
            nextSettings = s;
            if (step == Step.IDLE) {
                adoptNextSettings();
                publish();
            }
        });
    }

    private void adoptNextSettings() {
        if (nextSettings != null) {
            settings = nextSettings;
            nextSettings = null;
        }
        language = settings.defaultLanguage();
    }

    // ---- inputs from the citizen -------------------------------------------------------------

    /** The presence sensor saw someone, or the attract screen was touched. */
    public void wake() {
        post(() -> {
            if (step == Step.IDLE) {
                startVisit();
            }
        });
    }

    /** Any touch: wakes the kiosk or gives the current screen its full time again. */
    public void touch() {
        post(() -> {
            if (step == Step.IDLE) {
                startVisit();
            } else if (step.inVisit() && !step.busy()) {
                restartCountdown();
                publish();
            }
        });
    }

    /** More time on this screen (the countdown's button). */
    public void moreTime() {
        touch();
    }

    public void chooseLanguage(Language l) {
        post(() -> {
            if (step == Step.MAINTENANCE) {
                return;
            }
            if (step == Step.IDLE) {
                startVisit();
            }
            language = l;
            if (!step.busy()) {
                restartCountdown();
            }
            publish();
        });
    }

    /** Elder mode (适老化): larger type, longer timeouts, for the rest of this visit. */
    public void chooseElderMode(boolean on) {
        post(() -> {
            if (step == Step.MAINTENANCE) {
                return;
            }
            if (step == Step.IDLE) {
                startVisit();
            }
            elder = on;
            if (!step.busy()) {
                restartCountdown();
            }
            publish();
        });
    }

    public void chooseService(String code) {
        post(() -> {
            if (step != Step.HOME) {
                return;
            }
            Optional<ServiceTile> tile = tiles().stream().filter(t -> t.code().equals(code)).findFirst();
            if (tile.isEmpty() || !tile.get().available()) {
                log.info("visit {}: service {} is not available now", visit, code);
                return;
            }
            service = tile.get().service();
            if (data.identification != null) {
                if (data.identification.services().contains(code)) {
                    goTo(Step.SERVICE_GUIDE);
                    return;
                }
                data.identification = null;
                data.shown = null;
                data.method = null;
            }
            enterIdentify();
        });
    }

    /** Confirms the guide (get the document), or leaves the Done screen for the evaluation. */
    public void confirm() {
        post(() -> {
            switch (step) {
                case SERVICE_GUIDE -> fetch();
                case DONE -> afterDone();
                default -> { }
            }
        });
    }

    public void back() {
        post(() -> {
            switch (step) {
                case IDENTIFY -> {
                    // a card or code still being checked is abandoned: its answer will be dropped
                    data.method = null;
                    data.shown = null;
                    identifyPhase = VisitView.IdentifyPhase.WAITING;
                    service = null;
                    goTo(Step.HOME);
                }
                case SERVICE_GUIDE -> {
                    service = null;
                    goTo(Step.HOME);
                }
                case PREVIEW -> {
                    data.dropDocument();
                    data.ticket = null;
                    data.orderKey = null;
                    goTo(Step.SERVICE_GUIDE);
                }
                case EVALUATE -> {
                    if (evaluatePhase == VisitView.EvaluatePhase.REASONS) {
                        evaluatePhase = VisitView.EvaluatePhase.GRADE;
                        grade = null;
                        chosenIndicators.clear();
                        restartCountdown();
                        publish();
                    }
                }
                default -> { }
            }
        });
    }

    public void nextPage() {
        onPreview(() -> page = Math.min(page + 1, data.pages.size() - 1));
    }

    public void previousPage() {
        onPreview(() -> page = Math.max(page - 1, 0));
    }

    public void zoomIn() {
        onPreview(() -> zoom = Math.min(MAX_ZOOM, zoom + 0.5));
    }

    public void zoomOut() {
        onPreview(() -> zoom = Math.max(MIN_ZOOM, zoom - 0.5));
    }

    /** Prints the document shown in the preview. */
    public void print() {
        post(() -> {
            if (step == Step.PREVIEW) {
                startPrint();
            }
        });
    }

    /** "Try again" on the problem screen. */
    public void retry() {
        post(() -> {
            if (step != Step.PROBLEM || problem == null || problem.retryStep().isEmpty()) {
                return;
            }
            Step to = problem.retryStep().get();
            problem = null;
            switch (to) {
                case FETCH -> fetch();
                case PRINT -> startPrint();
                case IDENTIFY -> {
                    // a card read but not identified is still on the reader (lifting it drops it): check it again
                    data.identification = null;
                    data.shown = null;
                    data.method = null;
                    enterIdentify();
                }
                default -> {
                    if (to == Step.HOME) {
                        service = null;
                    }
                    goTo(to);
                }
            }
        });
    }

    /** Exit: ends the visit from any screen but those where the kiosk is fetching or printing. */
    public void exit() {
        post(() -> {
            if (step.inVisit() && !step.busy()) {
                endVisit(EndReason.EXIT);
            }
        });
    }

    public void grade(Grade g) {
        post(() -> {
            if (step != Step.EVALUATE || evaluatePhase != VisitView.EvaluatePhase.GRADE) {
                return;
            }
            grade = g;
            chosenIndicators.clear();
            if (g.good()) {
                submitEvaluation();
            } else {
                evaluatePhase = VisitView.EvaluatePhase.REASONS;
                restartCountdown();
                publish();
            }
        });
    }

    /** Ticks or unticks one of the bad grade's reasons. */
    public void toggleIndicator(String code) {
        post(() -> {
            if (step != Step.EVALUATE || evaluatePhase != VisitView.EvaluatePhase.REASONS || grade == null) {
                return;
            }
            boolean known = indicators.forGrade(grade).stream().anyMatch(i -> i.code().equals(code));
            if (known && !chosenIndicators.remove(code)) {
                chosenIndicators.add(code);
            }
            restartCountdown();
            publish();
        });
    }

    /** Sends a bad grade with its reasons (at least one). */
    public void sendEvaluation() {
        post(() -> {
            if (step == Step.EVALUATE && evaluatePhase == VisitView.EvaluatePhase.REASONS && !chosenIndicators.isEmpty()) {
                submitEvaluation();
            }
        });
    }

    public void skipEvaluation() {
        post(() -> {
            if (step == Step.EVALUATE) {
                endVisit(EndReason.COMPLETED);
            }
        });
    }

    // ---- inputs from devices and the backend ---------------------------------------------------

    /** An ID card was placed and read completely. Only its number and name are kept, until identified. */
    public void cardPlaced(Identity identity) {
        String number = identity.number();
        String name = identity.name();
        post(() -> onCardPlaced(number, name));
    }

    public void cardRemoved() {
        post(this::onCardRemoved);
    }

    /** A card was seen but could not be read or is refused. */
    public void cardFailed(DeviceError error) {
        post(() -> onCardFailed(error));
    }

    public void codeScanned(String code) {
        post(() -> onCodeScanned(code));
    }

    /**
     * The codes of the services out of service now because a device they need is down (a backend outage is not
     * counted: it is the backend's to know). Any thread.
     */
    public List<String> servicesOut() {
        return servicesOut;
    }

    /** Which devices can serve now; greys out the services that need one that cannot. */
    public void devicesChanged(Availability now) {
        post(() -> {
            devices = now;
            publish();
        });
    }

    // ---- the technician ------------------------------------------------------------------------

    /**
     * Holds the kiosk for a technician: from IDLE only, never during a citizen's visit. Completes, on the machine's
     * thread, with whether the kiosk is held now (true also when it was held already).
     */
    public CompletableFuture<Boolean> enterMaintenance() {
        CompletableFuture<Boolean> held = new CompletableFuture<>();
        post(() -> held.complete(holdForTechnician()));
        return held;
    }

    /** Ends maintenance: the kiosk is idle and serves citizens again. */
    public void leaveMaintenance() {
        post(() -> {
            if (step == Step.MAINTENANCE) {
                adoptNextSettings();
                log.info("maintenance ended: the kiosk serves citizens again");
                goTo(Step.IDLE);
            }
        });
    }

    /**
     * Told, on the machine's thread, of a technician code ({@link ServiceRules#isTechnicianCode}) scanned while the
     * kiosk is idle or held for a technician; the kiosk is held by then. A technician code during a visit is ignored.
     */
    public void addTechnicianCodeListener(Consumer<String> listener) {
        technicianCodeListeners.add(listener);
    }

    /**
     * Runs {@code work} on the machine's thread between visits: at once if the kiosk is idle, else once the visit under
     * way has ended (or the technician has left maintenance mode) and the print order of the last visit, if it is still
     * printing, has finished. No visit starts while it runs: a card placed or a touch meanwhile is taken after it. For
     * what must never change under a citizen, e.g. devices reopened with new settings.
     *
     * @return the work's outcome, or what it threw; cancelling it before the work starts leaves the work undone, and
     *         closing the machine fails work that has not run
     */
    public <T> CompletableFuture<T> betweenVisits(Callable<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        post(() -> {
            idleWork.add(new IdleWork<>(work, done));
            runIdleWork();
        });
        return done;
    }

    private void runIdleWork() {
        if (step != Step.IDLE || idleWork.isEmpty()) {
            return;
        }
        if (!printing.isDone()) {
            printing.whenComplete((outcome, failure) -> post(this::runIdleWork));
            return;
        }
        List<IdleWork<?>> now = List.copyOf(idleWork);
        idleWork.clear();
        now.forEach(IdleWork::run);
    }

    /** Ends any visit (kiosk shutting down or leaving service) and stops the countdown. */
    @Override
    public void close() {
        post(() -> {
            idleWork.forEach(w -> w.done().completeExceptionally(new IllegalStateException("the kiosk is shutting down")));
            idleWork.clear();
            if (step == Step.MAINTENANCE) {
                goTo(Step.IDLE);
            } else if (step != Step.IDLE) {
                endVisit(EndReason.SHUTDOWN);
            }
            if (ticking != null) {
                ticking.cancel();
            }
        });
    }

    // ---- the machine -------------------------------------------------------------------------

    private void post(Runnable r) {
        thread.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("visit {}: internal error in step {}; the visit ends", visit, step, e);
                if (step.inVisit()) {
                    endVisit(EndReason.SHUTDOWN);
                }
            }
        });
    }

    private void startVisit() {
        visit = ++visits;
        visitStart = timer.now();
        language = settings.defaultLanguage();
        elder = false;
        log.info("visit {} started", visit);
        refreshCatalogue();
        goTo(Step.HOME);
    }

    private void goTo(Step s) {
        epoch++;
        if (s != step) {
            log.info("visit {}: {} -> {}", visit, step, s);
        }
        step = s;
        hint = null;
        restartCountdown();
        publish();
        if (s == Step.IDLE && !idleWork.isEmpty()) {
            // after the input that ended the visit has finished, end listeners included
            post(this::runIdleWork);
        }
    }

    private void restartCountdown() {
        if (!step.inVisit()) {
            secondsTotal = 0;
        } else if (thanking()) {
            secondsTotal = THANKS_SECONDS;
        } else {
            secondsTotal = (int) Math.max(1, timeouts().of(step, elder).toSeconds());
        }
        secondsLeft = secondsTotal;
    }

    /** The thanks after an evaluation: a short fixed time, and nothing to ask more time for. */
    private boolean thanking() {
        return step == Step.EVALUATE && evaluatePhase == VisitView.EvaluatePhase.THANKS;
    }

    private Timeouts timeouts() {
        return settings.timeouts();
    }

    private void tick() {
        if (!step.inVisit()) {
            return;
        }
        secondsLeft--;
        if (secondsLeft <= 0) {
            onTimeout();
        } else {
            publish();
        }
    }

    private void onTimeout() {
        log.info("visit {}: {} timed out", visit, step);
        switch (step) {
            case FETCH -> showProblem(Problem.retrying(ProblemKind.BACKEND_UNREACHABLE, Step.FETCH));
            case PRINT -> showProblem(Problem.retrying(ProblemKind.PRINT_FAILED, Step.PRINT).withDeviceError(DeviceError.TIMEOUT));
            case DONE -> afterDone();
            case EVALUATE -> endVisit(evaluatePhase == VisitView.EvaluatePhase.THANKS ? EndReason.COMPLETED : EndReason.TIMEOUT);
            default -> endVisit(EndReason.TIMEOUT);
        }
    }

    private void endVisit(EndReason reason) {
        long ended = visit;
        Duration length = visitStart == null ? Duration.ZERO : Duration.between(visitStart, timer.now());
        data.wipe();
        service = null;
        problem = null;
        progress.clear();
        page = 0;
        zoom = 1.0;
        receiptMissing = false;
        grade = null;
        chosenIndicators.clear();
        evaluatePhase = VisitView.EvaluatePhase.GRADE;
        identifyPhase = VisitView.IdentifyPhase.WAITING;
        adoptNextSettings();
        elder = false;
        visit = 0;
        visitStart = null;
        log.info("visit {} ended: {} after {} s", ended, reason, length.toSeconds());
        goTo(Step.IDLE);
        for (EndListener l : endListeners) {
            try {
                l.visitEnded(ended, reason, length);
            } catch (RuntimeException e) {
                log.warn("a visit-end listener failed", e);
            }
        }
    }

    private void showProblem(Problem p) {
        problem = p;
        log.info("visit {}: problem {}{}", visit, p.kind(), p.deviceError().map(e -> " (" + e.code() + ")").orElse(""));
        goTo(Step.PROBLEM);
    }

    // identify

    private void enterIdentify() {
        identifyPhase = VisitView.IdentifyPhase.WAITING;
        goTo(Step.IDENTIFY);
        if (data.cardNumber != null && methods().contains(IdentifyMethod.ID_CARD)) {
            identifyByCard();
        }
    }

    private Set<IdentifyMethod> methods() {
        return service == null ? EnumSet.noneOf(IdentifyMethod.class) : ServiceRules.usableMethods(service.code(), devices);
    }

    private void onCardPlaced(String number, String name) {
        cardOnReader = true;
        switch (step) {
            case IDLE -> {
                startVisit();
                holdCard(number, name);
            }
            case HOME -> {
                holdCard(number, name);
                publish();
            }
            case IDENTIFY -> {
                if (identifyPhase != VisitView.IdentifyPhase.WAITING) {
                    return;
                }
                if (!methods().contains(IdentifyMethod.ID_CARD)) {
                    hint = Hint.of(Hint.Kind.CARD_NOT_FOR_SERVICE);
                    publish();
                    return;
                }
                holdCard(number, name);
                identifyByCard();
            }
            default -> publish();
        }
    }

    private void holdCard(String number, String name) {
        data.cardNumber = number;
        data.cardName = name;
    }

    private void identifyByCard() {
        data.method = IdentifyMethod.ID_CARD;
        data.shown = new ShownIdentity(IdentifyMethod.ID_CARD, PersonalData.maskName(data.cardName),
                Optional.of(PersonalData.maskIdNumber(data.cardNumber)), false);
        identifyPhase = VisitView.IdentifyPhase.CHECKING;
        hint = null;
        publish();
        answer(ports.backend().identifyByCard(data.cardNumber, data.cardName), epoch, this::onIdentified, this::onIdentifyFailed);
    }

    private boolean holdForTechnician() {
        if (step == Step.MAINTENANCE) {
            return true;
        }
        if (step != Step.IDLE) {
            return false;
        }
        log.info("held for a technician: no visit starts until maintenance ends");
        goTo(Step.MAINTENANCE);
        return true;
    }

    private void onTechnicianCode(String code) {
        if (!holdForTechnician()) {
            log.info("visit {}: a technician code was scanned during a visit; ignored", visit);
            return;
        }
        for (Consumer<String> l : technicianCodeListeners) {
            try {
                l.accept(code);
            } catch (RuntimeException e) {
                log.warn("a technician-code listener failed", e);
            }
        }
    }

    private void onCodeScanned(String code) {
        if (ServiceRules.isTechnicianCode(code)) {
            onTechnicianCode(code);
            return;
        }
        switch (step) {
            case IDLE -> startVisit();
            case IDENTIFY -> {
                if (identifyPhase != VisitView.IdentifyPhase.WAITING) {
                    return;
                }
                if (!methods().contains(IdentifyMethod.QR_CODE) || !ServiceRules.acceptsCode(service.code(), code)) {
                    hint = Hint.of(Hint.Kind.WRONG_CODE);
                    restartCountdown();
                    publish();
                    return;
                }
                data.method = IdentifyMethod.QR_CODE;
                data.shown = new ShownIdentity(IdentifyMethod.QR_CODE, "", Optional.empty(), false);
                identifyPhase = VisitView.IdentifyPhase.CHECKING;
                hint = null;
                publish();
                answer(ports.backend().identifyByCode(code), epoch, this::onIdentified, this::onIdentifyFailed);
            }
            default -> { }
        }
    }

    private void onIdentified(Identification id) {
        if (data.method == IdentifyMethod.ID_CARD) {
            data.dropCard();
        }
        data.identification = id;
        Optional<String> number = id.kind() == Identification.SubjectKind.CITIZEN ? id.maskedIdNumber() : id.licenceNumber();
        data.shown = new ShownIdentity(data.method, id.displayName(), number, true);
        identifyPhase = VisitView.IdentifyPhase.WAITING;
        if (!id.services().contains(service.code())) {
            log.info("visit {}: identified, but {} is not available for this subject", visit, service.code());
            showProblem(Problem.retrying(ProblemKind.NO_RECORD, Step.HOME));
            return;
        }
        goTo(Step.SERVICE_GUIDE);
    }

    private void onIdentifyFailed(BackendException e) {
        identifyPhase = VisitView.IdentifyPhase.WAITING;
        data.shown = null;
        data.method = null;
        log.info("visit {}: identification failed: {} {}", visit, e.kind(), e.getMessage());
        showProblem(switch (e.kind()) {
            case NOT_FOUND, REJECTED -> Problem.retrying(ProblemKind.NO_RECORD, Step.IDENTIFY);
            case RATE_LIMITED -> Problem.retrying(ProblemKind.BUSY, Step.IDENTIFY);
            case KIOSK_NOT_AUTHORISED -> Problem.of(ProblemKind.DEVICE_OUT_OF_SERVICE);
            default -> Problem.retrying(ProblemKind.BACKEND_UNREACHABLE, Step.IDENTIFY);
        });
    }

    private void onCardRemoved() {
        cardOnReader = false;
        data.dropCard();
        boolean identifiedByCard = data.method == IdentifyMethod.ID_CARD;
        switch (step) {
            case HOME, IDENTIFY, SERVICE_GUIDE, FETCH, PREVIEW, PROBLEM -> {
                if (identifiedByCard) {
                    endVisit(EndReason.CARD_LIFTED);
                } else {
                    publish();
                }
            }
            case DONE -> {
                if (identifiedByCard) {
                    afterDone();
                } else {
                    publish();
                }
            }
            default -> publish();
        }
    }

    private void onCardFailed(DeviceError error) {
        boolean refused = error == DeviceError.INVALID_ID_NUMBER || error == DeviceError.UNKNOWN_CARD_TYPE;
        switch (step) {
            case IDLE -> {
                startVisit();
                hint = Hint.device(error);
                publish();
            }
            case HOME -> {
                hint = Hint.device(error);
                publish();
            }
            case IDENTIFY -> {
                if (identifyPhase != VisitView.IdentifyPhase.WAITING) {
                    return;
                }
                if (refused) {
                    showProblem(Problem.retrying(ProblemKind.CARD_NOT_ACCEPTED, Step.IDENTIFY).withDeviceError(error));
                } else {
                    hint = Hint.device(error);
                    restartCountdown();
                    publish();
                }
            }
            default -> { }
        }
    }

    // fetch and preview

    private void fetch() {
        goTo(Step.FETCH);
        long e = epoch;
        String code = service.code();
        CompletableFuture<Fetched> f = ports.backend().requestDocument(code, data.identification.subjectToken())
                .thenCompose(ticket -> ports.backend().documentPdf(ticket.documentId()).thenApply(pdf -> new Fetched(ticket, pdf)))
                .thenApplyAsync(this::checkAndRender, worker);
        f.whenComplete((fetched, failure) -> post(() -> {
            if (e != epoch) {
                if (fetched != null) {
                    fetched.discard();
                }
                return;
            }
            if (failure != null) {
                onFetchFailed(unwrap(failure));
            } else {
                onFetched(fetched);
            }
        }));
    }

    private record Fetched(DocumentTicket ticket, byte[] pdf, VerifiedDocument document, List<BufferedImage> pages) {
        Fetched(DocumentTicket ticket, byte[] pdf) {
            this(ticket, pdf, null, List.of());
        }

        void discard() {
            if (document != null) {
                document.wipe();
            }
            java.util.Arrays.fill(pdf, (byte) 0);
            VisitData.clear(pages);
        }
    }

    private Fetched checkAndRender(Fetched f) {
        try {
            VerifiedDocument doc = ports.verifier().verify(f.pdf(), f.ticket().sha256());
            java.util.Arrays.fill(f.pdf(), (byte) 0);
            try {
                List<BufferedImage> pages = ports.renderer().render(doc, settings.previewDpi());
                return new Fetched(f.ticket(), f.pdf(), doc, pages);
            } catch (UntrustedDocumentException ex) {
                doc.wipe();
                throw ex;
            }
        } catch (UntrustedDocumentException ex) {
            java.util.Arrays.fill(f.pdf(), (byte) 0);
            throw new CompletionException(ex);
        }
    }

    private void onFetched(Fetched f) {
        data.ticket = f.ticket();
        data.document = f.document();
        data.pages = List.copyOf(f.pages());
        data.orderKey = ports.orderKeys().get();
        page = 0;
        zoom = 1.0;
        log.info("visit {}: document {} checked ({} pages)", visit, f.ticket().documentId(), f.pages().size());
        goTo(Step.PREVIEW);
    }

    private void onFetchFailed(Throwable t) {
        if (t instanceof UntrustedDocumentException u) {
            log.warn("visit {}: document refused: {} {}", visit, u.reason(), u.getMessage());
            showProblem(Problem.of(ProblemKind.DOCUMENT_REFUSED));
        } else if (t instanceof BackendException b) {
            log.info("visit {}: document not fetched: {} {}", visit, b.kind(), b.getMessage());
            showProblem(switch (b.kind()) {
                case NOT_FOUND, CONFLICT, REJECTED -> Problem.retrying(ProblemKind.DOCUMENT_UNAVAILABLE, Step.HOME);
                case IDENTIFICATION_EXPIRED -> Problem.retrying(ProblemKind.IDENTIFICATION_EXPIRED, Step.IDENTIFY);
                case KIOSK_NOT_AUTHORISED -> Problem.of(ProblemKind.DEVICE_OUT_OF_SERVICE);
                case RATE_LIMITED -> Problem.retrying(ProblemKind.BUSY, Step.FETCH);
                default -> Problem.retrying(ProblemKind.BACKEND_UNREACHABLE, Step.FETCH);
            });
        } else {
            log.error("visit {}: fetching the document failed unexpectedly", visit, t);
            showProblem(Problem.retrying(ProblemKind.DOCUMENT_UNAVAILABLE, Step.HOME));
        }
    }

    private void onPreview(Runnable change) {
        post(() -> {
            if (step == Step.PREVIEW && !data.pages.isEmpty()) {
                change.run();
                restartCountdown();
                publish();
            }
        });
    }

    // print

    private void startPrint() {
        if (data.document == null || data.ticket == null) {
            showProblem(Problem.retrying(ProblemKind.DOCUMENT_UNAVAILABLE, Step.HOME));
            return;
        }
        progress.clear();
        progress.put(PrintPart.DOCUMENT, PrintProgress.of(PrintPart.DOCUMENT, PrintProgress.Phase.WAITING));
        progress.put(PrintPart.RECEIPT, PrintProgress.of(PrintPart.RECEIPT, PrintProgress.Phase.WAITING));
        goTo(Step.PRINT);
        long e = epoch;
        PrintOrder order = new PrintOrder(data.orderKey, data.ticket, data.document, service.name(), language.locale());
        CompletableFuture<PrintOutcome> f;
        try {
            f = ports.printing().print(order, p -> post(() -> {
                if (e == epoch) {
                    progress.put(p.part(), p);
                    publish();
                }
            }));
        } catch (RuntimeException ex) {
            f = CompletableFuture.failedFuture(ex);
        }
        printing = f;
        f.whenComplete((outcome, failure) -> post(() -> {
            if (e != epoch) {
                return;
            }
            if (failure != null) {
                log.error("visit {}: printing failed unexpectedly", visit, failure);
                showProblem(Problem.retrying(ProblemKind.PRINT_FAILED, Step.PRINT).withDeviceError(DeviceError.INTERNAL));
            } else {
                onPrinted(outcome);
            }
        }));
    }

    private void onPrinted(PrintOutcome outcome) {
        progress.put(PrintPart.DOCUMENT, outcome.document());
        progress.put(PrintPart.RECEIPT, outcome.receipt());
        if (!outcome.documentPrinted()) {
            DeviceError err = outcome.documentError().orElse(DeviceError.PRINTER_FAULT);
            // the printers' ledgers keep a failed job failed; trying again is a new order, as nothing was printed
            data.orderKey = ports.orderKeys().get();
            showProblem(Problem.retrying(err == DeviceError.PAPER_OUT ? ProblemKind.PRINTER_OUT_OF_PAPER : ProblemKind.PRINT_FAILED,
                    Step.PRINT).withDeviceError(err));
            return;
        }
        receiptMissing = !outcome.receiptPrinted();
        data.dropDocument();
        goTo(Step.DONE);
    }

    // done and evaluate

    private void afterDone() {
        if (indicators == null) {
            endVisit(EndReason.COMPLETED);
            return;
        }
        evaluatePhase = VisitView.EvaluatePhase.GRADE;
        grade = null;
        chosenIndicators.clear();
        goTo(Step.EVALUATE);
    }

    private void submitEvaluation() {
        Evaluation ev = new Evaluation(data.ticket.caseNumber(), grade, indicators.version(), List.copyOf(chosenIndicators),
                Optional.empty());
        long v = visit;
        ports.backend().evaluate(ev).whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("visit {}: evaluation not recorded: {}", v, unwrap(failure).getMessage());
            }
        });
        evaluatePhase = VisitView.EvaluatePhase.THANKS;
        restartCountdown();
        publish();
    }

    // the backend's lists and connectivity

    private void onBackendOnline(boolean online) {
        if (online == backendOnline) {
            return;
        }
        backendOnline = online;
        log.info("backend is {}", online ? "back online" : "offline");
        if (online) {
            refreshCatalogue();
        }
        publish();
    }

    private void refreshCatalogue() {
        ports.backend().services().whenComplete((list, failure) -> post(() -> {
            if (failure == null) {
                catalogue = List.copyOf(list);
                backendOnline = true;
            } else {
                log.info("service list not refreshed: {}", unwrap(failure).getMessage());
                backendOnline = ports.backend().online();
            }
            publish();
        }));
        ports.backend().evaluationIndicators().whenComplete((set, failure) -> post(() -> {
            if (failure == null) {
                indicators = set;
            }
        }));
    }

    private List<ServiceTile> tiles() {
        List<String> enabled = settings.enabledServices();
        List<ServiceInfo> offered = new ArrayList<>();
        if (enabled.isEmpty()) {
            offered.addAll(catalogue);
        } else {
            for (String code : enabled) {
                catalogue.stream().filter(s -> s.code().equals(code)).findFirst().ifPresent(offered::add);
            }
        }
        return offered.stream()
                .map(s -> new ServiceTile(s, ServiceRules.unavailable(s.code(), devices, backendOnline)))
                .toList();
    }

    private <T> void answer(CompletableFuture<T> f, long e, Consumer<T> ok, Consumer<BackendException> failed) {
        f.whenComplete((value, failure) -> post(() -> {
            if (e != epoch) {
                return;
            }
            if (failure == null) {
                ok.accept(value);
                return;
            }
            Throwable t = unwrap(failure);
            failed.accept(t instanceof BackendException b ? b
                    : new BackendException(BackendException.Kind.SERVER_ERROR, 0, String.valueOf(t.getMessage()), t));
        }));
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void publish() {
        VisitView v = new VisitView(visit, step, language, elder, step.inVisit() ? secondsLeft : 0, secondsTotal,
                step.inVisit() && !step.busy() && !thanking() && secondsLeft <= timeouts().warnBefore().toSeconds(), backendOnline,
                step.inVisit() ? tiles() : List.of(), Optional.ofNullable(service), methods(), identifyPhase,
                Optional.ofNullable(hint), Optional.ofNullable(data.shown),
                step == Step.PREVIEW ? data.pages : List.of(), page, zoom, Map.copyOf(progress),
                Optional.ofNullable(data.ticket), receiptMissing, cardOnReader,
                step == Step.EVALUATE ? Optional.ofNullable(indicators) : Optional.empty(), evaluatePhase,
                Optional.ofNullable(grade), Set.copyOf(chosenIndicators), Optional.ofNullable(problem), devices.requiredOut(),
                step == Step.HOME ? settings.notices() : List.of(),
                step == Step.SERVICE_GUIDE && service != null ? Optional.ofNullable(settings.guides().get(service.code())) : Optional.empty());
        servicesOut = tiles().stream()
                .filter(t -> t.unavailable().filter(why -> why != ServiceRules.Unavailable.BACKEND_OFFLINE).isPresent())
                .map(ServiceTile::code).toList();
        lastView = v;
        for (Consumer<VisitView> l : viewListeners) {
            tell(l, v);
        }
    }

    private static void tell(Consumer<VisitView> listener, VisitView v) {
        try {
            listener.accept(v);
        } catch (RuntimeException e) {
            log.warn("a view listener failed on {}", v, e);
        }
    }

    /** For tests: whether the machine holds any personal data of a visit. */
    boolean holdsPersonalData() {
        return !data.empty();
    }
}
