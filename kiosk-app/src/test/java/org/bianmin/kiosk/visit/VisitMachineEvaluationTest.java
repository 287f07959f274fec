package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.Evaluation;
import org.bianmin.kiosk.backend.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 好差评: a good grade is sent at once, a bad one needs at least one reason, and skipping sends nothing. */
class VisitMachineEvaluationTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Grade.class, names = {"VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED"})
    void aGoodGradeIsSentAtOnceForTheCaseJustIssued(Grade grade) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_GRADE, IdentifyMethod.ID_CARD);

        k.when().grades(grade);

        k.then().evaluatePhase(VisitView.EvaluatePhase.THANKS);
        assertEquals(List.of(new Evaluation("KS-2025-1", grade, 3, List.of(), Optional.empty())), k.backend.evaluations);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Grade.class, names = {"DISSATISFIED", "VERY_DISSATISFIED"})
    void aBadGradeAsksWhatWentWrongAndIsSentOnlyWithAReason(Grade grade) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_GRADE, IdentifyMethod.QR_CODE);

        k.when().grades(grade);
        k.then().evaluatePhase(VisitView.EvaluatePhase.REASONS);
        assertEquals(VisitFixtures.INDICATORS, k.view().indicators().orElseThrow());
        k.when().sendsTheEvaluation();
        k.then().evaluatePhase(VisitView.EvaluatePhase.REASONS);
        assertEquals(List.of(), k.backend.evaluations, "nothing is sent without a reason");

        k.when().ticks("slow").and().ticks("confusing").and().sendsTheEvaluation();

        k.then().evaluatePhase(VisitView.EvaluatePhase.THANKS);
        assertEquals(List.of(new Evaluation("KS-2025-1", grade, 3, List.of("slow", "confusing"), Optional.empty())), k.backend.evaluations);
    }

    @Test
    void tickingAReasonTwiceUnticksItAndAGoodGradesIndicatorIsNoReason() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_REASONS, IdentifyMethod.ID_CARD);

        k.when().ticks("slow").and().ticks("slow").and().ticks("quick").and().ticks("no-such-indicator");

        assertEquals(Set.of(), k.view().chosenIndicators());
        k.when().sendsTheEvaluation();
        k.then().evaluatePhase(VisitView.EvaluatePhase.REASONS);
    }

    @Test
    void backFromTheReasonsForgetsTheGradeAndTheReasons() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_REASONS, IdentifyMethod.ID_CARD);
        k.when().ticks("slow");

        k.when().goesBack();

        k.then().evaluatePhase(VisitView.EvaluatePhase.GRADE);
        assertTrue(k.view().grade().isEmpty());
        assertEquals(Set.of(), k.view().chosenIndicators());
        k.when().grades(Grade.SATISFIED);
        assertEquals(List.of(), k.backend.evaluations.getFirst().indicators());
    }

    @Test
    void skippingSendsNothingAndEndsTheVisitAsCompleted() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_GRADE, IdentifyMethod.ID_CARD);

        k.when().skipsTheEvaluation();

        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();
        assertEquals(List.of(), k.backend.evaluations);
    }

    @Test
    void theThanksEndTheVisitAsCompleted() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_THANKS, IdentifyMethod.QR_CODE);

        k.when().waits(5);

        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();
    }

    @Test
    void aGradeOnTheThanksScreenSendsNothingMore() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_THANKS, IdentifyMethod.ID_CARD);

        k.when().grades(Grade.VERY_DISSATISFIED).and().sendsTheEvaluation();

        assertEquals(1, k.backend.evaluations.size());
        k.then().evaluatePhase(VisitView.EvaluatePhase.THANKS);
    }

    @Test
    void anEvaluationTheBackendRefusesStillThanksTheCitizen() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.backend.evaluate.willFail(BackendException.Kind.CONFLICT);
        k.given().visitAt(Stage.EVALUATE_GRADE, IdentifyMethod.ID_CARD);

        k.when().grades(Grade.SATISFIED);

        k.then().evaluatePhase(VisitView.EvaluatePhase.THANKS).and().noVisitEnded();
    }

    @Test
    void withNoIndicatorSetDoneEndsTheVisitWithoutAnEvaluation() {
        VisitScenario k = VisitScenario.aKiosk().withoutIndicators().started();
        k.given().visitAt(Stage.DONE, IdentifyMethod.QR_CODE);

        k.when().confirms();

        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();
    }

    @Test
    void theIndicatorsAreShownOnlyOnTheEvaluation() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.DONE, IdentifyMethod.QR_CODE);
        assertTrue(k.view().indicators().isEmpty());

        k.when().confirms();

        assertEquals(VisitFixtures.INDICATORS, k.view().indicators().orElseThrow());
    }
}
