package org.bianmin.kiosk.visit;

import static org.bianmin.kiosk.visit.IdentifyMethod.ID_CARD;
import static org.bianmin.kiosk.visit.IdentifyMethod.QR_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.backend.Grade;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transition of the visit: from a stage, one input, to the stage it must lead to (and why a visit ended, when it did). */
class VisitMachineTransitionsTest {

    record Transition(String sentence, Stage from, IdentifyMethod by, Consumer<VisitScenario> input, Stage to, EndReason ending) {
        Transition endingWith(EndReason reason) {
            return new Transition(sentence, from, by, input, to, reason);
        }

        @Override
        public String toString() {
            return sentence;
        }
    }

    private static Transition row(String sentence, Stage from, IdentifyMethod by, Consumer<VisitScenario.When> input, Stage to) {
        return new Transition(sentence, from, by, k -> input.accept(k.when()), to, null);
    }

    private static Transition scripted(String sentence, Stage from, IdentifyMethod by, Consumer<VisitScenario> input, Stage to) {
        return new Transition(sentence, from, by, input, to, null);
    }

    static List<Transition> transitions() {
        return List.of(
                // Idle
                row("a wake on the idle screen opens Home", Stage.IDLE, ID_CARD, VisitScenario.When::wakes, Stage.HOME),
                row("a touch on the idle screen opens Home", Stage.IDLE, ID_CARD, VisitScenario.When::touches, Stage.HOME),
                row("choosing a language on the idle screen opens Home", Stage.IDLE, ID_CARD, w -> w.choosesLanguage(Language.EN), Stage.HOME),
                row("choosing elder mode on the idle screen opens Home", Stage.IDLE, ID_CARD, VisitScenario.When::choosesElderMode, Stage.HOME),
                row("a card placed on the idle kiosk opens Home holding it", Stage.IDLE, ID_CARD, VisitScenario.When::placesTheCard,
                        Stage.HOME_HOLDING_A_CARD),
                row("a card that cannot be read on the idle kiosk opens Home", Stage.IDLE, ID_CARD,
                        w -> w.theReaderFails(DeviceError.CARD_READ_FAILED), Stage.HOME),
                row("a code scanned on the idle kiosk opens Home", Stage.IDLE, QR_CODE, w -> w.scans(VisitFixtures.LICENCE_CODE), Stage.HOME),
                row("exit on the idle screen does nothing", Stage.IDLE, ID_CARD, VisitScenario.When::exits, Stage.IDLE),
                row("confirm on the idle screen does nothing", Stage.IDLE, ID_CARD, VisitScenario.When::confirms, Stage.IDLE),
                row("back on the idle screen does nothing", Stage.IDLE, ID_CARD, VisitScenario.When::goesBack, Stage.IDLE),
                row("choosing a service on the idle screen does nothing", Stage.IDLE, ID_CARD, w -> w.choosesService(VisitFixtures.SI),
                        Stage.IDLE),
                row("print on the idle screen does nothing", Stage.IDLE, ID_CARD, VisitScenario.When::prints, Stage.IDLE),
                row("try again on the idle screen does nothing", Stage.IDLE, ID_CARD, VisitScenario.When::triesAgain, Stage.IDLE),
                row("a card lifted on the idle kiosk does nothing", Stage.IDLE, ID_CARD, VisitScenario.When::liftsTheCard, Stage.IDLE),
                // Home
                row("choosing a service on Home asks who you are", Stage.HOME, ID_CARD, w -> w.choosesService(VisitFixtures.SI),
                        Stage.IDENTIFY_WAITING),
                row("choosing a licence service on Home asks for its code", Stage.HOME, QR_CODE,
                        w -> w.choosesService(VisitFixtures.BUSINESS_LICENCE), Stage.IDENTIFY_WAITING),
                scripted("choosing a service on Home with a card already read checks that card", Stage.HOME_HOLDING_A_CARD, ID_CARD, k -> {
                    k.backend.identifyByCard.willAnswerLate();
                    k.when().choosesService(VisitFixtures.SI);
                }, Stage.IDENTIFY_CHECKING),
                row("choosing a service on Home with a card already read identifies by it", Stage.HOME_HOLDING_A_CARD, ID_CARD,
                        w -> w.choosesService(VisitFixtures.SI), Stage.SERVICE_GUIDE),
                row("choosing the same service again once identified skips identification", Stage.HOME_IDENTIFIED, ID_CARD,
                        w -> w.choosesService(VisitFixtures.SI), Stage.SERVICE_GUIDE),
                row("choosing a service the identified licence does not cover asks again who you are", Stage.HOME_IDENTIFIED, QR_CODE,
                        w -> w.choosesService(VisitFixtures.PESTICIDE_LICENCE), Stage.IDENTIFY_WAITING),
                row("exit on Home ends the visit", Stage.HOME, ID_CARD, VisitScenario.When::exits, Stage.IDLE).endingWith(EndReason.EXIT),
                row("back on Home stays on Home", Stage.HOME, ID_CARD, VisitScenario.When::goesBack, Stage.HOME),
                row("confirm on Home stays on Home", Stage.HOME, ID_CARD, VisitScenario.When::confirms, Stage.HOME),
                row("a card placed on Home is held there", Stage.HOME, ID_CARD, VisitScenario.When::placesTheCard, Stage.HOME_HOLDING_A_CARD),
                // Identify
                row("a card on Identify is checked and opens the guide", Stage.IDENTIFY_WAITING, ID_CARD, VisitScenario.When::placesTheCard,
                        Stage.SERVICE_GUIDE),
                scripted("a card on Identify is checked with the backend", Stage.IDENTIFY_WAITING, ID_CARD, k -> {
                    k.backend.identifyByCard.willAnswerLate();
                    k.when().placesTheCard();
                }, Stage.IDENTIFY_CHECKING),
                row("a licence code on Identify is checked and opens the guide", Stage.IDENTIFY_WAITING, QR_CODE,
                        w -> w.scans(VisitFixtures.LICENCE_CODE), Stage.SERVICE_GUIDE),
                scripted("the backend's identification opens the guide", Stage.IDENTIFY_CHECKING, ID_CARD,
                        k -> k.lateIdentification.complete(k.backend.identification(ID_CARD)), Stage.SERVICE_GUIDE),
                scripted("the backend's identification of a licence opens the guide", Stage.IDENTIFY_CHECKING, QR_CODE,
                        k -> k.lateIdentification.complete(k.backend.identification(QR_CODE)), Stage.SERVICE_GUIDE),
                row("a wrong code on Identify keeps waiting", Stage.IDENTIFY_WAITING, QR_CODE, w -> w.scans(VisitFixtures.CITIZEN_CODE),
                        Stage.IDENTIFY_WAITING),
                row("a card on a licence's Identify keeps waiting", Stage.IDENTIFY_WAITING, QR_CODE, VisitScenario.When::placesTheCard,
                        Stage.IDENTIFY_WAITING),
                row("an unreadable card on Identify keeps waiting", Stage.IDENTIFY_WAITING, ID_CARD,
                        w -> w.theReaderFails(DeviceError.CARD_READ_FAILED), Stage.IDENTIFY_WAITING),
                row("a card whose number fails its check on Identify is a problem", Stage.IDENTIFY_WAITING, ID_CARD,
                        w -> w.theReaderFails(DeviceError.INVALID_ID_NUMBER), Stage.PROBLEM),
                row("back on Identify returns Home", Stage.IDENTIFY_WAITING, ID_CARD, VisitScenario.When::goesBack, Stage.HOME),
                row("back while the card is checked returns Home", Stage.IDENTIFY_CHECKING, ID_CARD, VisitScenario.When::goesBack, Stage.HOME),
                row("exit on Identify ends the visit", Stage.IDENTIFY_WAITING, QR_CODE, VisitScenario.When::exits, Stage.IDLE)
                        .endingWith(EndReason.EXIT),
                row("exit while the code is checked ends the visit", Stage.IDENTIFY_CHECKING, QR_CODE, VisitScenario.When::exits, Stage.IDLE)
                        .endingWith(EndReason.EXIT),
                row("confirm on Identify does nothing", Stage.IDENTIFY_WAITING, ID_CARD, VisitScenario.When::confirms, Stage.IDENTIFY_WAITING),
                row("a second code while one is checked is ignored", Stage.IDENTIFY_CHECKING, QR_CODE,
                        w -> w.scans(VisitFixtures.LICENCE_CODE), Stage.IDENTIFY_CHECKING),
                // Service guide
                row("confirming the guide fetches the document and shows it", Stage.SERVICE_GUIDE, ID_CARD, VisitScenario.When::confirms,
                        Stage.PREVIEW),
                scripted("confirming the guide fetches the document", Stage.SERVICE_GUIDE, QR_CODE, k -> {
                    k.backend.requestDocument.willAnswerLate();
                    k.when().confirms();
                }, Stage.FETCH),
                row("back on the guide returns Home", Stage.SERVICE_GUIDE, QR_CODE, VisitScenario.When::goesBack, Stage.HOME_IDENTIFIED),
                row("exit on the guide ends the visit", Stage.SERVICE_GUIDE, ID_CARD, VisitScenario.When::exits, Stage.IDLE)
                        .endingWith(EndReason.EXIT),
                row("print on the guide does nothing", Stage.SERVICE_GUIDE, ID_CARD, VisitScenario.When::prints, Stage.SERVICE_GUIDE),
                // Fetch
                scripted("the ticket's arrival shows the document", Stage.FETCH, ID_CARD,
                        k -> k.lateTicket.complete(k.backend.ticket(VisitFixtures.SI.code())), Stage.PREVIEW),
                row("exit while fetching is refused", Stage.FETCH, ID_CARD, VisitScenario.When::exits, Stage.FETCH),
                row("back while fetching is refused", Stage.FETCH, QR_CODE, VisitScenario.When::goesBack, Stage.FETCH),
                row("confirm while fetching does nothing", Stage.FETCH, ID_CARD, VisitScenario.When::confirms, Stage.FETCH),
                // Preview
                row("print on the preview prints and says Done", Stage.PREVIEW, ID_CARD, VisitScenario.When::prints, Stage.DONE),
                scripted("print on the preview starts printing", Stage.PREVIEW, QR_CODE, k -> {
                    k.printing.willFinishLate();
                    k.when().prints();
                }, Stage.PRINT),
                row("back on the preview returns to the guide", Stage.PREVIEW, ID_CARD, VisitScenario.When::goesBack, Stage.SERVICE_GUIDE),
                row("the next page stays on the preview", Stage.PREVIEW, ID_CARD, VisitScenario.When::turnsToTheNextPage, Stage.PREVIEW),
                row("zooming stays on the preview", Stage.PREVIEW, QR_CODE, VisitScenario.When::zoomsIn, Stage.PREVIEW),
                row("exit on the preview ends the visit", Stage.PREVIEW, QR_CODE, VisitScenario.When::exits, Stage.IDLE)
                        .endingWith(EndReason.EXIT),
                // Print
                scripted("the printers finishing says Done", Stage.PRINT, ID_CARD, k -> k.printing.finishLatePrint(), Stage.DONE),
                row("exit while printing is refused", Stage.PRINT, ID_CARD, VisitScenario.When::exits, Stage.PRINT),
                row("back while printing is refused", Stage.PRINT, QR_CODE, VisitScenario.When::goesBack, Stage.PRINT),
                row("print again while printing does nothing", Stage.PRINT, QR_CODE, VisitScenario.When::prints, Stage.PRINT),
                // Done
                row("confirm on Done asks for an evaluation", Stage.DONE, QR_CODE, VisitScenario.When::confirms, Stage.EVALUATE_GRADE),
                row("exit on Done ends the visit", Stage.DONE, ID_CARD, VisitScenario.When::exits, Stage.IDLE).endingWith(EndReason.EXIT),
                row("back on Done does nothing", Stage.DONE, ID_CARD, VisitScenario.When::goesBack, Stage.DONE),
                // Evaluate
                row("a good grade says thanks", Stage.EVALUATE_GRADE, ID_CARD, w -> w.grades(Grade.VERY_SATISFIED), Stage.EVALUATE_THANKS),
                row("a bad grade asks what went wrong", Stage.EVALUATE_GRADE, QR_CODE, w -> w.grades(Grade.VERY_DISSATISFIED),
                        Stage.EVALUATE_REASONS),
                row("back from the reasons returns to the grades", Stage.EVALUATE_REASONS, ID_CARD, VisitScenario.When::goesBack,
                        Stage.EVALUATE_GRADE),
                row("sending a reason says thanks", Stage.EVALUATE_REASONS, ID_CARD, w -> w.ticks("slow").and().sendsTheEvaluation(),
                        Stage.EVALUATE_THANKS),
                row("sending no reason stays on the reasons", Stage.EVALUATE_REASONS, ID_CARD, VisitScenario.When::sendsTheEvaluation,
                        Stage.EVALUATE_REASONS),
                row("skipping the evaluation ends the visit", Stage.EVALUATE_GRADE, QR_CODE, VisitScenario.When::skipsTheEvaluation, Stage.IDLE)
                        .endingWith(EndReason.COMPLETED),
                row("skipping from the reasons ends the visit", Stage.EVALUATE_REASONS, QR_CODE, VisitScenario.When::skipsTheEvaluation,
                        Stage.IDLE).endingWith(EndReason.COMPLETED),
                row("leaving the thanks ends the visit", Stage.EVALUATE_THANKS, ID_CARD, VisitScenario.When::skipsTheEvaluation, Stage.IDLE)
                        .endingWith(EndReason.COMPLETED),
                row("exit on the evaluation ends the visit", Stage.EVALUATE_GRADE, ID_CARD, VisitScenario.When::exits, Stage.IDLE)
                        .endingWith(EndReason.EXIT),
                // Problem
                row("try again on a problem asks the backend again", Stage.PROBLEM, ID_CARD, VisitScenario.When::triesAgain, Stage.PREVIEW),
                scripted("try again on a problem fetches again", Stage.PROBLEM, QR_CODE, k -> {
                    k.backend.requestDocument.willAnswerLate();
                    k.when().triesAgain();
                }, Stage.FETCH),
                row("exit on a problem ends the visit", Stage.PROBLEM, QR_CODE, VisitScenario.When::exits, Stage.IDLE)
                        .endingWith(EndReason.EXIT),
                row("back on a problem does nothing", Stage.PROBLEM, ID_CARD, VisitScenario.When::goesBack, Stage.PROBLEM),
                // Shutdown
                row("shutting down ends a visit in progress", Stage.PREVIEW, ID_CARD, VisitScenario.When::theKioskShutsDown, Stage.IDLE)
                        .endingWith(EndReason.SHUTDOWN),
                row("shutting down ends even a visit that is printing", Stage.PRINT, ID_CARD, VisitScenario.When::theKioskShutsDown,
                        Stage.IDLE).endingWith(EndReason.SHUTDOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void everyTransitionLeadsWhereItShould(Transition t) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(t.from(), t.by());
        int endedBefore = k.ends().size();

        t.input().accept(k);

        VisitScenario.Then then = k.then().step(t.to().step());
        switch (t.to()) {
            case IDENTIFY_WAITING -> then.identifyPhase(VisitView.IdentifyPhase.WAITING);
            case IDENTIFY_CHECKING -> then.identifyPhase(VisitView.IdentifyPhase.CHECKING);
            case EVALUATE_GRADE -> then.evaluatePhase(VisitView.EvaluatePhase.GRADE);
            case EVALUATE_REASONS -> then.evaluatePhase(VisitView.EvaluatePhase.REASONS);
            case EVALUATE_THANKS -> then.evaluatePhase(VisitView.EvaluatePhase.THANKS);
            case HOME_HOLDING_A_CARD -> assertEquals(true, k.machine.holdsPersonalData(), "the card read is held");
            case HOME_IDENTIFIED -> then.identityShown(true);
            default -> { }
        }
        if (t.ending() == null) {
            then.visitsEnded(endedBefore);
            if (t.from() == Stage.IDLE && t.to() == Stage.IDLE) {
                assertEquals(0, k.view().visit(), "no visit started");
            }
        } else {
            then.visitEnded(t.ending()).and().visitsEnded(endedBefore + 1).and().holdsNoPersonalData();
        }
    }
}
