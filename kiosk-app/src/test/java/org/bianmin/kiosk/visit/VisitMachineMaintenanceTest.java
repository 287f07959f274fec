package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bianmin.device.DeviceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A technician holds the kiosk between visits: only from Idle, never during a visit; while held no card, code,
 * touch or passer-by starts a visit; leaving returns to Idle.
 */
class VisitMachineMaintenanceTest {
    static final String TECHNICIAN_CODE = "BMTECH1:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void anIdleKioskIsHeldAndReleasedWithNoVisitStartedOrEnded() {
        VisitScenario k = VisitScenario.aKiosk().started();

        assertTrue(k.machine.enterMaintenance().join());
        k.then().step(Step.MAINTENANCE);
        assertFalse(k.view().exitAllowed(), "the citizen's Exit has no place in maintenance");
        assertEquals(0, k.view().secondsLeft());
        assertTrue(k.view().services().isEmpty());

        k.machine.leaveMaintenance();
        k.then().step(Step.IDLE).and().noVisitEnded();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"HOME", "IDENTIFY_CHECKING", "PREVIEW", "PRINT", "EVALUATE_GRADE", "PROBLEM"})
    void aVisitUnderWayCannotBeInterruptedForMaintenance(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, IdentifyMethod.QR_CODE);

        assertFalse(k.machine.enterMaintenance().join());

        k.then().step(stage.step()).and().noVisitEnded();
    }

    @Test
    void whileHeldNoCardCodeTouchOrPasserByStartsAVisitAndNoTimeoutActs() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.machine.enterMaintenance().join();

        k.when().wakes().and().touches().and().placesTheCard().and().scans(VisitFixtures.CITIZEN_CODE)
                .and().theReaderFails(DeviceError.CARD_READ_FAILED).and().choosesLanguage(Language.EN).and().choosesElderMode()
                .and().exits().and().waits(3600);

        k.then().step(Step.MAINTENANCE).and().noVisitEnded().and().holdsNoPersonalData();
        assertEquals(Language.ZH_CN, k.view().language());
        assertFalse(k.view().elderMode());
    }

    @Test
    void aTechnicianCodeScannedOnTheIdleKioskHoldsItAndIsHandedOn() {
        VisitScenario k = VisitScenario.aKiosk().started();
        List<String> handed = new ArrayList<>();
        k.machine.addTechnicianCodeListener(handed::add);

        k.when().scans(TECHNICIAN_CODE);

        k.then().step(Step.MAINTENANCE).and().noVisitEnded();
        assertEquals(List.of(TECHNICIAN_CODE), handed);
        k.when().scans(TECHNICIAN_CODE);
        assertEquals(List.of(TECHNICIAN_CODE, TECHNICIAN_CODE), handed, "a code scanned on the keypad is handed on too");
    }

    @Test
    void aTechnicianCodeScannedDuringAVisitIsIgnoredAndNeverSentAsAnIdentification() {
        VisitScenario k = VisitScenario.aKiosk().started();
        List<String> handed = new ArrayList<>();
        k.machine.addTechnicianCodeListener(handed::add);
        k.given().visitAt(Stage.IDENTIFY_WAITING, IdentifyMethod.QR_CODE);

        k.when().scans(TECHNICIAN_CODE);

        k.then().step(Step.IDENTIFY).and().identifyPhase(VisitView.IdentifyPhase.WAITING).and().noVisitEnded();
        assertTrue(handed.isEmpty());
    }

    @Test
    void afterMaintenanceTheNextPasserByStartsAVisitAsUsual() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.machine.enterMaintenance().join();
        k.machine.leaveMaintenance();

        k.when().wakes();

        k.then().step(Step.HOME);
    }

    @Test
    void shuttingDownWhileHeldReturnsToIdleWithoutEndingAVisit() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.machine.enterMaintenance().join();

        k.when().theKioskShutsDown();

        k.then().step(Step.IDLE).and().noVisitEnded();
    }

    @Test
    void onlyTheVisitsStepsHaveTimeouts() {
        assertEquals(List.of(Step.IDLE, Step.MAINTENANCE), Stream.of(Step.values()).filter(s -> !s.inVisit()).toList());
    }
}
