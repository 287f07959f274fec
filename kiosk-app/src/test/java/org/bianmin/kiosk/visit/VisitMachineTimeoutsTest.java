package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bianmin.device.DeviceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every screen's countdown: what its timeout does, elder mode's longer time, "more time", the warning, busy screens' watchdogs. */
class VisitMachineTimeoutsTest {

    /** What running out of time on a stage leads to. */
    record Expiry(Stage stage, IdentifyMethod by, int seconds, Stage to, EndReason ending, ProblemKind problem) {
        @Override
        public String toString() {
            return stage + " after " + seconds + " s → " + (problem != null ? problem : ending != null ? ending : to);
        }
    }

    static List<Expiry> expiries() {
        IdentifyMethod card = IdentifyMethod.ID_CARD;
        IdentifyMethod qr = IdentifyMethod.QR_CODE;
        return List.of(
                new Expiry(Stage.HOME, card, 60, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.HOME_HOLDING_A_CARD, card, 60, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.HOME_IDENTIFIED, qr, 60, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.IDENTIFY_WAITING, card, 60, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.IDENTIFY_CHECKING, qr, 60, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.SERVICE_GUIDE, card, 90, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.FETCH, card, 30, Stage.PROBLEM, null, ProblemKind.BACKEND_UNREACHABLE),
                new Expiry(Stage.PREVIEW, qr, 90, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.PRINT, card, 120, Stage.PROBLEM, null, ProblemKind.PRINT_FAILED),
                new Expiry(Stage.DONE, card, 30, Stage.EVALUATE_GRADE, null, null),
                new Expiry(Stage.EVALUATE_GRADE, qr, 45, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.EVALUATE_REASONS, card, 45, Stage.IDLE, EndReason.TIMEOUT, null),
                new Expiry(Stage.EVALUATE_THANKS, card, 5, Stage.IDLE, EndReason.COMPLETED, null),
                new Expiry(Stage.PROBLEM, qr, 45, Stage.IDLE, EndReason.TIMEOUT, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expiries")
    void eachScreenActsWhenItsTimeRunsOutAndNotASecondBefore(Expiry e) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(e.stage(), e.by());
        k.then().secondsTotal(e.seconds()).and().secondsLeft(e.seconds());

        k.when().waits(e.seconds() - 1);
        k.then().step(e.stage().step()).and().secondsLeft(1).and().noVisitEnded();

        k.when().waits(1);

        VisitScenario.Then then = k.then().step(e.to().step());
        if (e.ending() != null) {
            then.visitEnded(e.ending()).and().holdsNoPersonalData();
        } else {
            then.noVisitEnded();
        }
        if (e.problem() != null) {
            then.problem(e.problem()).and().tryAgainGoesTo(e.stage().step());
        }
        if (e.to() == Stage.EVALUATE_GRADE) {
            then.evaluatePhase(VisitView.EvaluatePhase.GRADE);
        }
    }

    @Test
    void thePrintWatchdogNamesTheTimeoutAsTheDeviceError() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PRINT, IdentifyMethod.ID_CARD);

        k.when().waits(120);

        assertEquals(DeviceError.TIMEOUT, k.view().problem().orElseThrow().deviceError().orElseThrow());
    }

    @Test
    void doneRunningOutWithNoEvaluationToAskEndsTheVisitAsCompleted() {
        VisitScenario k = VisitScenario.aKiosk().withoutIndicators().started();
        k.given().visitAt(Stage.DONE, IdentifyMethod.QR_CODE);

        k.when().waits(30);

        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Stage.class, names = {"HOME", "IDENTIFY_WAITING", "SERVICE_GUIDE", "PREVIEW", "DONE", "EVALUATE_GRADE", "PROBLEM"})
    void elderModeStretchesEveryScreenItWaitsForTheCitizenOnByTheElderFactor(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.when().choosesElderMode();
        k.given().visitAt(stage, IdentifyMethod.QR_CODE);
        int normal = (int) Timeouts.defaults().of(stage.step(), false).toSeconds();

        k.then().secondsTotal(normal * 2);
        k.when().waits(normal * 2 - 1);
        k.then().step(stage.step()).and().noVisitEnded();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Stage.class, names = {"FETCH", "PRINT"})
    void elderModeDoesNotStretchTheWatchdogsOfBusyScreens(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.when().choosesElderMode();
        k.given().visitAt(stage, IdentifyMethod.ID_CARD);

        k.then().secondsTotal((int) Timeouts.defaults().of(stage.step(), false).toSeconds());
    }

    @Test
    void choosingElderModeGivesTheCurrentScreenItsLongerTime() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);
        k.when().waits(50);

        k.when().choosesElderMode();

        k.then().secondsTotal(120).and().secondsLeft(120);
        assertTrue(k.view().elderMode());
    }

    @Test
    void moreTimeGivesTheScreenItsFullTimeAgain() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, IdentifyMethod.ID_CARD);
        k.when().waits(80);

        k.when().asksForMoreTime();

        k.then().secondsLeft(90);
        k.when().waits(89);
        k.then().step(Step.SERVICE_GUIDE).and().secondsLeft(1);
        k.when().waits(1);
        k.then().visitEnded(EndReason.TIMEOUT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Stage.class, names = {"HOME", "IDENTIFY_WAITING", "SERVICE_GUIDE", "PREVIEW", "DONE", "EVALUATE_GRADE",
            "EVALUATE_REASONS", "PROBLEM"})
    void anyTouchGivesAScreenThatWaitsForTheCitizenItsFullTimeAgain(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, IdentifyMethod.QR_CODE);
        int total = k.view().secondsTotal();
        k.when().waits(total - 3);

        k.when().touches();

        k.then().step(stage.step()).and().secondsLeft(total);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Stage.class, names = {"FETCH", "PRINT"})
    void touchesDoNotResetTheWatchdogOfABusyScreen(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, IdentifyMethod.ID_CARD);
        int total = k.view().secondsTotal();
        k.when().waits(20);

        k.when().touches().and().asksForMoreTime().and().choosesLanguage(Language.EN).and().choosesElderMode();

        k.then().secondsLeft(total - 20);
        assertFalse(k.view().warning(), "a busy screen never asks the citizen for more time");
    }

    @Test
    void theThanksScreenKeepsItsShortTimeWhenTouched() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.EVALUATE_THANKS, IdentifyMethod.ID_CARD);
        k.when().waits(3);

        k.when().touches();

        k.then().secondsTotal(5).and().secondsLeft(5);
        assertFalse(k.view().warning(), "the thanks screen does not ask for more time");
    }

    @Test
    void theWarningShowsInTheLastFifteenSecondsAndGoesWithMoreTime() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);

        k.when().waits(44);
        k.then().secondsLeft(16);
        assertFalse(k.view().warning());
        k.when().waits(1);
        k.then().secondsLeft(15);
        assertTrue(k.view().warning());

        k.when().asksForMoreTime();
        assertFalse(k.view().warning());
    }

    @Test
    void everyTickPublishesTheCountdown() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);
        int before = k.views().size();

        k.when().waits(3);

        assertEquals(List.of(59, 58, 57), k.views().subList(before, k.views().size()).stream().map(VisitView::secondsLeft).toList());
    }

    @Test
    void theIdleScreenHasNoCountdown() {
        VisitScenario k = VisitScenario.aKiosk().started();

        k.when().waits(3600);

        k.then().step(Step.IDLE).and().secondsLeft(0).and().visitsEnded(0);
        assertFalse(k.view().warning());
    }

    @Test
    void shuttingDownStopsTheCountdown() {
        VisitScenario k = VisitScenario.aKiosk().started();
        assertEquals(1, k.timer.runningTasks());

        k.when().theKioskShutsDown();

        assertEquals(0, k.timer.runningTasks());
    }

    @Test
    void configuredTimeoutsAndWarningAreUsed() {
        Map<Step, Duration> m = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            if (s != Step.IDLE) {
                m.put(s, Duration.ofSeconds(10));
            }
        }
        VisitScenario k = VisitScenario.aKiosk().timeouts(new Timeouts(m, 1.5, Duration.ofSeconds(4))).started();
        k.given().visitAt(Stage.HOME, IdentifyMethod.ID_CARD);
        k.when().waits(5);
        assertFalse(k.view().warning());
        k.when().waits(1);
        assertTrue(k.view().warning());

        k.when().choosesElderMode();
        k.then().secondsTotal(15);
    }

    @Test
    void timeoutsRefuseAnElderFactorBelowOneAndAMissingStep() {
        Map<Step, Duration> m = new EnumMap<>(Timeouts.defaults().perStep());
        assertThrows(IllegalArgumentException.class, () -> new Timeouts(m, 0.5, Duration.ofSeconds(15)));
        m.remove(Step.PROBLEM);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Timeouts(m, 2, Duration.ofSeconds(15)));
        assertTrue(e.getMessage().contains("PROBLEM"), e.getMessage());
    }
}
