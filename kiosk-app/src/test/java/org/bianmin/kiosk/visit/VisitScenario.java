package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.DeviceError;
import org.bianmin.device.idcard.Identity;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.backend.Identification;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.document.VerifiedDocument;

/**
 * A kiosk under test, driven in given/when/then sentences: a {@link VisitMachine} wired to a manual
 * timer, a trampolining executor and hand-written fakes of the backend, the document check, the preview
 * and the printers, with every published view and every ended visit recorded.
 */
final class VisitScenario {
    final ManualTimer timer = new ManualTimer();
    final TrampolineExecutor thread = new TrampolineExecutor();
    final FakeBackend backend = new FakeBackend();
    final FakeVerifier verifier = new FakeVerifier();
    final FakeRenderer renderer = new FakeRenderer();
    final FakePrinting printing = new FakePrinting();
    final VisitMachine machine;
    private final List<VisitView> views = new ArrayList<>();
    private final List<EndReason> ends = new ArrayList<>();
    private int orderKeys;
    private boolean closed;
    /** Set by {@link Given#visitAt}: the answers a test completes late. */
    CompletableFuture<Identification> lateIdentification;
    CompletableFuture<DocumentTicket> lateTicket;

    private VisitScenario(Builder b) {
        if (b.offline) {
            backend.services.alwaysFails(BackendException.Kind.UNREACHABLE);
            backend.goes(false);
        }
        if (b.withoutIndicators) {
            backend.indicators.alwaysFails(BackendException.Kind.SERVER_ERROR);
        }
        VisitMachine.Ports ports = new VisitMachine.Ports(backend, verifier, renderer, printing, () -> "order-" + ++orderKeys);
        machine = new VisitMachine(ports, new VisitMachine.Settings(b.timeouts, b.language, b.enabled, 96f), thread, thread, timer);
        machine.addViewListener(views::add);
        machine.addEndListener((visit, reason, length) -> ends.add(reason));
        machine.start();
        if (b.devices != null) {
            machine.devicesChanged(b.devices);
        }
    }

    static Builder aKiosk() {
        return new Builder();
    }

    /** How the kiosk is set up before the visit starts. */
    static final class Builder {
        private Timeouts timeouts = Timeouts.defaults();
        private Language language = Language.ZH_CN;
        private List<String> enabled = List.of();
        private boolean offline;
        private boolean withoutIndicators;
        private Availability devices;

        Builder timeouts(Timeouts t) {
            timeouts = t;
            return this;
        }

        Builder defaultLanguage(Language l) {
            language = l;
            return this;
        }

        Builder enabledServices(String... codes) {
            enabled = List.of(codes);
            return this;
        }

        /** The backend does not answer from the start. */
        Builder backendOffline() {
            offline = true;
            return this;
        }

        /** The backend never sent a 好差评 indicator set. */
        Builder withoutIndicators() {
            withoutIndicators = true;
            return this;
        }

        Builder devices(Availability a) {
            devices = a;
            return this;
        }

        VisitScenario started() {
            return new VisitScenario(this);
        }
    }

    Given given() {
        return new Given();
    }

    When when() {
        return new When();
    }

    Then then() {
        return new Then();
    }

    VisitView view() {
        return machine.view();
    }

    List<VisitView> views() {
        return List.copyOf(views);
    }

    List<EndReason> ends() {
        return List.copyOf(ends);
    }

    static ServiceInfo serviceFor(IdentifyMethod by) {
        return by == IdentifyMethod.ID_CARD ? VisitFixtures.SI : VisitFixtures.BUSINESS_LICENCE;
    }

    /** Brings the machine to a stage by the inputs a citizen would give, with the backend answering at once. */
    final class Given {

        Given visitAt(Stage stage, IdentifyMethod by) {
            reach(stage, by);
            assertEquals(stage.step(), view().step(), "the visit should be at " + stage + " by now; " + view());
            return this;
        }

        Given and() {
            return this;
        }

        private void reach(Stage stage, IdentifyMethod by) {
            switch (stage) {
                case IDLE -> { }
                case HOME -> machine.wake();
                case HOME_HOLDING_A_CARD -> {
                    if (by != IdentifyMethod.ID_CARD) {
                        throw new IllegalArgumentException("only a card can be held on Home");
                    }
                    machine.cardPlaced(VisitFixtures.residentCard());
                }
                case IDENTIFY_WAITING -> {
                    reach(Stage.HOME, by);
                    machine.chooseService(serviceFor(by).code());
                }
                case IDENTIFY_CHECKING -> {
                    reach(Stage.IDENTIFY_WAITING, by);
                    lateIdentification = (by == IdentifyMethod.ID_CARD ? backend.identifyByCard : backend.identifyByCode).willAnswerLate();
                    present(by);
                }
                case SERVICE_GUIDE -> {
                    reach(Stage.IDENTIFY_WAITING, by);
                    present(by);
                }
                case HOME_IDENTIFIED -> {
                    reach(Stage.SERVICE_GUIDE, by);
                    machine.back();
                }
                case FETCH -> {
                    reach(Stage.SERVICE_GUIDE, by);
                    lateTicket = backend.requestDocument.willAnswerLate();
                    machine.confirm();
                }
                case PREVIEW -> {
                    reach(Stage.SERVICE_GUIDE, by);
                    machine.confirm();
                }
                case PRINT -> {
                    reach(Stage.PREVIEW, by);
                    printing.willFinishLate();
                    machine.print();
                }
                case DONE -> {
                    reach(Stage.PREVIEW, by);
                    machine.print();
                }
                case EVALUATE_GRADE -> {
                    reach(Stage.DONE, by);
                    machine.confirm();
                }
                case EVALUATE_REASONS -> {
                    reach(Stage.EVALUATE_GRADE, by);
                    machine.grade(Grade.DISSATISFIED);
                }
                case EVALUATE_THANKS -> {
                    reach(Stage.EVALUATE_GRADE, by);
                    machine.grade(Grade.SATISFIED);
                }
                case PROBLEM -> {
                    reach(Stage.SERVICE_GUIDE, by);
                    backend.requestDocument.willFail(BackendException.Kind.UNREACHABLE);
                    machine.confirm();
                }
            }
        }

        private void present(IdentifyMethod by) {
            if (by == IdentifyMethod.ID_CARD) {
                machine.cardPlaced(VisitFixtures.residentCard());
            } else {
                machine.codeScanned(VisitFixtures.LICENCE_CODE);
            }
        }
    }

    /** What the citizen, the devices, the backend and time do. */
    final class When {
        When and() {
            return this;
        }

        When wakes() {
            machine.wake();
            return this;
        }

        When touches() {
            machine.touch();
            return this;
        }

        When asksForMoreTime() {
            machine.moreTime();
            return this;
        }

        When choosesLanguage(Language l) {
            machine.chooseLanguage(l);
            return this;
        }

        When choosesElderMode() {
            machine.chooseElderMode(true);
            return this;
        }

        When choosesService(ServiceInfo s) {
            machine.chooseService(s.code());
            return this;
        }

        When confirms() {
            machine.confirm();
            return this;
        }

        When goesBack() {
            machine.back();
            return this;
        }

        When turnsToTheNextPage() {
            machine.nextPage();
            return this;
        }

        When turnsToThePreviousPage() {
            machine.previousPage();
            return this;
        }

        When zoomsIn() {
            machine.zoomIn();
            return this;
        }

        When zoomsOut() {
            machine.zoomOut();
            return this;
        }

        When prints() {
            machine.print();
            return this;
        }

        When triesAgain() {
            machine.retry();
            return this;
        }

        When exits() {
            machine.exit();
            return this;
        }

        When grades(Grade g) {
            machine.grade(g);
            return this;
        }

        When ticks(String indicator) {
            machine.toggleIndicator(indicator);
            return this;
        }

        When sendsTheEvaluation() {
            machine.sendEvaluation();
            return this;
        }

        When skipsTheEvaluation() {
            machine.skipEvaluation();
            return this;
        }

        When placesTheCard() {
            machine.cardPlaced(VisitFixtures.residentCard());
            return this;
        }

        When placesCard(Identity card) {
            machine.cardPlaced(card);
            return this;
        }

        When liftsTheCard() {
            machine.cardRemoved();
            return this;
        }

        When theReaderFails(DeviceError e) {
            machine.cardFailed(e);
            return this;
        }

        When scans(String code) {
            machine.codeScanned(code);
            return this;
        }

        When devicesBecome(Availability a) {
            machine.devicesChanged(a);
            return this;
        }

        When theBackendGoes(boolean online) {
            backend.goes(online);
            return this;
        }

        When waits(int seconds) {
            timer.advance(seconds);
            return this;
        }

        When theKioskShutsDown() {
            closed = true;
            machine.close();
            return this;
        }
    }

    /** What must be true now. Every check first asserts that every task ran cleanly on the machine's thread. */
    final class Then {
        Then() {
            assertEquals(List.of(), thread.faults(), "tasks on the machine's thread");
            if (!closed && ends.contains(EndReason.SHUTDOWN)) {
                fail("a visit ended with SHUTDOWN though the kiosk was not closed: the machine hit an internal error");
            }
        }

        Then and() {
            return this;
        }

        Then step(Step s) {
            assertEquals(s, view().step(), () -> "step; " + view());
            return this;
        }

        Then problem(ProblemKind kind) {
            step(Step.PROBLEM);
            assertEquals(kind, view().problem().orElseThrow().kind(), () -> "problem; " + view());
            return this;
        }

        Then tryAgainGoesTo(Step s) {
            assertEquals(s, view().problem().orElseThrow().retryStep().orElse(null), () -> "try again leads to; " + view());
            return this;
        }

        Then noTryAgain() {
            assertFalse(view().problem().orElseThrow().canRetry(), () -> "the problem offers no try again; " + view());
            return this;
        }

        Then hint(Hint.Kind kind) {
            assertEquals(kind, view().hint().map(Hint::kind).orElse(null), () -> "hint; " + view());
            return this;
        }

        Then identifyPhase(VisitView.IdentifyPhase p) {
            assertEquals(p, view().identifyPhase(), () -> "identify phase; " + view());
            return this;
        }

        Then evaluatePhase(VisitView.EvaluatePhase p) {
            assertEquals(p, view().evaluatePhase(), () -> "evaluate phase; " + view());
            return this;
        }

        Then secondsLeft(int s) {
            assertEquals(s, view().secondsLeft(), () -> "seconds left; " + view());
            return this;
        }

        Then secondsTotal(int s) {
            assertEquals(s, view().secondsTotal(), () -> "seconds on this screen; " + view());
            return this;
        }

        Then visitEnded(EndReason reason) {
            step(Step.IDLE);
            assertEquals(reason, ends.isEmpty() ? null : ends.getLast(), "why the visit ended");
            return this;
        }

        Then visitsEnded(int n) {
            assertEquals(n, ends.size(), () -> "visits ended " + ends);
            return this;
        }

        Then noVisitEnded() {
            assertEquals(List.of(), ends, "no visit should have ended");
            return this;
        }

        Then identityShown(boolean confirmed) {
            assertEquals(confirmed, view().identity().orElseThrow(() -> new AssertionError("no identity shown; " + view())).confirmed());
            return this;
        }

        Then noIdentityShown() {
            assertTrue(view().identity().isEmpty(), () -> "an identity is shown; " + view());
            return this;
        }

        /** The machine holds nothing personal, every document it was given is wiped and every preview page blank. */
        Then holdsNoPersonalData() {
            assertFalse(machine.holdsPersonalData(), "the machine still holds personal data");
            for (VerifiedDocument d : verifier.vouched()) {
                assertTrue(d.wiped(), () -> d + " was not wiped");
            }
            List<BufferedImage> pages = renderer.rendered();
            for (int i = 0; i < pages.size(); i++) {
                assertTrue(FakeRenderer.blank(pages.get(i)), "preview page " + i + " was not cleared");
            }
            VisitView v = view();
            assertTrue(v.identity().isEmpty(), () -> "the last view shows an identity: " + v);
            assertTrue(v.pages().isEmpty(), () -> "the last view holds pages: " + v);
            assertTrue(v.ticket().isEmpty(), () -> "the last view holds a ticket: " + v);
            assertTrue(v.service().isEmpty() && v.problem().isEmpty() && v.printProgress().isEmpty() && v.grade().isEmpty()
                    && v.chosenIndicators().isEmpty(), () -> "the last view still describes the visit: " + v);
            return this;
        }

        Then printed(String... sheets) {
            assertEquals(Arrays.asList(sheets), printing.sheets(), "what came out of the printers");
            return this;
        }
    }
}
