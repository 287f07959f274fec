package org.bianmin.kiosk.visit;

import static org.bianmin.kiosk.visit.IdentifyMethod.ID_CARD;
import static org.bianmin.kiosk.visit.IdentifyMethod.QR_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Lifting the ID card in every state: a visit identified by that card ends, wherever the kiosk is not busy printing. */
class VisitMachineCardLiftedTest {

    record Lift(Stage from, Stage to, EndReason ending) {
        @Override
        public String toString() {
            return from + " → " + to + (ending == null ? "" : " (" + ending + ")");
        }
    }

    static List<Lift> byCard() {
        return List.of(
                new Lift(Stage.IDLE, Stage.IDLE, null),
                new Lift(Stage.HOME, Stage.HOME, null),
                new Lift(Stage.HOME_HOLDING_A_CARD, Stage.HOME, null),
                new Lift(Stage.HOME_IDENTIFIED, Stage.IDLE, EndReason.CARD_LIFTED),
                new Lift(Stage.IDENTIFY_WAITING, Stage.IDENTIFY_WAITING, null),
                new Lift(Stage.IDENTIFY_CHECKING, Stage.IDLE, EndReason.CARD_LIFTED),
                new Lift(Stage.SERVICE_GUIDE, Stage.IDLE, EndReason.CARD_LIFTED),
                new Lift(Stage.FETCH, Stage.IDLE, EndReason.CARD_LIFTED),
                new Lift(Stage.PREVIEW, Stage.IDLE, EndReason.CARD_LIFTED),
                new Lift(Stage.PRINT, Stage.PRINT, null),
                new Lift(Stage.DONE, Stage.EVALUATE_GRADE, null),
                new Lift(Stage.EVALUATE_GRADE, Stage.EVALUATE_GRADE, null),
                new Lift(Stage.EVALUATE_REASONS, Stage.EVALUATE_REASONS, null),
                new Lift(Stage.EVALUATE_THANKS, Stage.EVALUATE_THANKS, null),
                new Lift(Stage.PROBLEM, Stage.IDLE, EndReason.CARD_LIFTED));
    }

    @Test
    void everyStageIsCoveredForCardVisits() {
        assertEquals(List.of(Stage.values()), byCard().stream().map(Lift::from).toList());
    }

    @ParameterizedTest(name = "card visit: {0}")
    @MethodSource("byCard")
    void liftingTheCardOfACardVisitEndsItWhereverTheKioskIsNotPrinting(Lift lift) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(lift.from(), ID_CARD);

        k.when().liftsTheCard();

        VisitScenario.Then then = k.then().step(lift.to().step());
        if (lift.ending() != null) {
            then.visitEnded(lift.ending()).and().holdsNoPersonalData();
        } else {
            then.noVisitEnded();
        }
        assertFalse(k.view().cardOnReader(), "the view shows the card gone");
    }

    static Stream<Stage> qrStages() {
        return Arrays.stream(Stage.values()).filter(s -> s != Stage.IDLE && s != Stage.HOME_HOLDING_A_CARD);
    }

    @ParameterizedTest(name = "QR visit: {0}")
    @MethodSource("qrStages")
    void aCardLiftedDuringAVisitIdentifiedByCodeLetsTheVisitGoOn(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, QR_CODE);

        k.when().placesTheCard().and().liftsTheCard();

        k.then().step(stage.step()).and().noVisitEnded();
        assertFalse(k.view().cardOnReader());
    }

    @Test
    void cardLiftedOnHomeDropsTheCardReadThereAndTheVisitGoesOn() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME_HOLDING_A_CARD, ID_CARD);
        assertTrue(k.machine.holdsPersonalData());

        k.when().liftsTheCard();

        k.then().step(Step.HOME).and().noVisitEnded();
        assertFalse(k.machine.holdsPersonalData(), "the card's number and name are dropped with the card");
        k.when().choosesService(VisitFixtures.SI);
        k.then().step(Step.IDENTIFY).and().identifyPhase(VisitView.IdentifyPhase.WAITING);
        assertEquals(0, k.backend.identifyByCard.calls(), "the lifted card is not used to identify");
    }

    @Test
    void cardLiftedWhileItIsCheckedEndsTheVisitAndTheLateIdentificationIsIgnored() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_CHECKING, ID_CARD);

        k.when().liftsTheCard();
        k.lateIdentification.complete(k.backend.identification(ID_CARD));

        k.then().visitEnded(EndReason.CARD_LIFTED).and().holdsNoPersonalData();
    }

    @Test
    void cardLiftedWhileFetchingEndsTheVisitAndTheLateDocumentIsWiped() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.FETCH, ID_CARD);

        k.when().liftsTheCard();
        k.lateTicket.complete(k.backend.ticket(VisitFixtures.SI.code()));

        assertEquals(1, k.verifier.vouched().size(), "the late document was checked");
        k.then().visitEnded(EndReason.CARD_LIFTED).and().holdsNoPersonalData();
        assertTrue(k.verifier.last().wiped());
    }

    @Test
    void cardLiftedDuringPreviewEndsTheVisitAndDropsTheDocument() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        assertFalse(k.verifier.last().wiped());

        k.when().liftsTheCard();

        k.then().visitEnded(EndReason.CARD_LIFTED).and().holdsNoPersonalData().and().printed();
        assertTrue(k.verifier.last().wiped());
    }

    @Test
    void cardLiftedWhilePrintingLetsThePrintFinishThenDone() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PRINT, ID_CARD);

        k.when().liftsTheCard();
        k.printing.finishLatePrint();

        k.then().step(Step.DONE).and().noVisitEnded().and().printed("order-1/DOCUMENT", "order-1/RECEIPT");
    }

    @Test
    void cardLiftedOnDoneGoesOnToTheEvaluationAndItsEndDropsEverything() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.DONE, ID_CARD);

        k.when().liftsTheCard().and().skipsTheEvaluation();

        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();
    }

    @Test
    void cardLiftedOnDoneWithNoEvaluationToAskEndsTheVisitAsCompleted() {
        VisitScenario k = VisitScenario.aKiosk().withoutIndicators().started();
        k.given().visitAt(Stage.DONE, ID_CARD);

        k.when().liftsTheCard();

        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Stage.class, names = {"SERVICE_GUIDE", "PREVIEW", "PROBLEM"})
    void cardLiftedAfterTheVisitEndedAnotherWayDoesNotTouchTheNextVisit(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, ID_CARD);
        k.when().exits().and().wakes();

        k.when().liftsTheCard();

        k.then().step(Step.HOME).and().visitsEnded(1);
    }
}
