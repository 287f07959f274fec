package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exit ends the visit from every screen, except while the kiosk fetches or prints; the view says which. */
class VisitMachineExitTest {

    static Stream<Arguments> visitStages() {
        return Arrays.stream(Stage.values()).filter(s -> s != Stage.IDLE)
                .flatMap(s -> Stream.of(IdentifyMethod.values())
                        .filter(m -> s != Stage.HOME_HOLDING_A_CARD || m == IdentifyMethod.ID_CARD)
                        .map(m -> Arguments.of(s, m)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("visitStages")
    void exitEndsTheVisitAndDropsItsDataUnlessTheKioskIsBusy(Stage stage, IdentifyMethod by) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, by);
        boolean busy = stage == Stage.FETCH || stage == Stage.PRINT;
        assertEquals(!busy, k.view().exitAllowed(), "the view offers Exit exactly where it works");

        k.when().exits();

        if (busy) {
            k.then().step(stage.step()).and().noVisitEnded();
        } else {
            k.then().visitEnded(EndReason.EXIT).and().holdsNoPersonalData();
        }
    }

    @Test
    void exitRefusedWhileFetchingWorksOnceTheDocumentIsShown() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.FETCH, IdentifyMethod.ID_CARD);

        k.when().exits();
        k.lateTicket.complete(k.backend.ticket(VisitFixtures.SI.code()));
        k.then().step(Step.PREVIEW);
        k.when().exits();

        k.then().visitEnded(EndReason.EXIT).and().holdsNoPersonalData();
    }

    @Test
    void exitRefusedWhilePrintingLeavesThePrintToFinish() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PRINT, IdentifyMethod.QR_CODE);

        k.when().exits();
        k.printing.finishLatePrint();

        k.then().step(Step.DONE).and().printed("order-1/DOCUMENT", "order-1/RECEIPT");
    }

    @Test
    void theIdleScreenOffersNoExit() {
        VisitScenario k = VisitScenario.aKiosk().started();

        assertFalse(k.view().exitAllowed());
        k.when().wakes();
        assertTrue(k.view().exitAllowed());
    }
}
