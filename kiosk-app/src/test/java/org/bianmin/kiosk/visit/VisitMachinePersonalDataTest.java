package org.bianmin.kiosk.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bianmin.device.idcard.Identity;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.Grade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * However a visit ends, the machine holds nothing personal afterwards: no card data, identification,
 * ticket, document or preview page, and the last view names no one. Its log never names the citizen.
 */
class VisitMachinePersonalDataTest {

    static Stream<Arguments> everyStage() {
        return Arrays.stream(Stage.values()).filter(s -> s != Stage.IDLE)
                .flatMap(s -> Stream.of(IdentifyMethod.values())
                        .filter(m -> s != Stage.HOME_HOLDING_A_CARD || m == IdentifyMethod.ID_CARD)
                        .map(m -> Arguments.of(s, m)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyStage")
    void aVisitThatRunsOutOfTimeAnywhereLeavesNothingBehind(Stage stage, IdentifyMethod by) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, by);

        for (int s = 0; s < 600 && k.view().step() != Step.IDLE; s++) {
            k.when().waits(1);
        }

        k.then().step(Step.IDLE).and().visitsEnded(1).and().holdsNoPersonalData();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyStage")
    void aVisitCutShortByShutdownAnywhereLeavesNothingBehind(Stage stage, IdentifyMethod by) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(stage, by);

        k.when().theKioskShutsDown();

        k.then().visitEnded(EndReason.SHUTDOWN).and().holdsNoPersonalData();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Stage.class, names = {"HOME_HOLDING_A_CARD", "HOME_IDENTIFIED", "IDENTIFY_CHECKING", "SERVICE_GUIDE", "FETCH",
            "PREVIEW", "PRINT", "DONE", "EVALUATE_GRADE", "EVALUATE_THANKS", "PROBLEM"})
    void duringTheVisitTheMachineDoesHoldTheCitizensData(Stage stage) {
        VisitScenario k = VisitScenario.aKiosk().started();

        k.given().visitAt(stage, IdentifyMethod.ID_CARD);

        assertTrue(k.machine.holdsPersonalData(), "the check of the end of a visit would prove nothing otherwise");
    }

    @Test
    void aCompletedVisitLeavesNothingBehindAndItsDocumentWasWipedOnceItPrinted() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.DONE, IdentifyMethod.ID_CARD);
        assertTrue(k.verifier.last().wiped(), "printed: the document is no longer needed");

        k.when().confirms().and().grades(Grade.VERY_SATISFIED).and().waits(5);

        k.then().visitEnded(EndReason.COMPLETED).and().holdsNoPersonalData();
    }

    @Test
    void aVisitWithADocumentFetchedTwiceWipesBoth() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, IdentifyMethod.QR_CODE);
        k.when().goesBack().and().confirms();

        k.when().exits();

        assertEquals(2, k.verifier.vouched().size());
        k.then().holdsNoPersonalData();
    }

    @Test
    void theEndOfAVisitIsPublishedOnlyAfterItsDataIsDropped() {
        VisitScenario k = VisitScenario.aKiosk().started();
        boolean[] heldAtEnd = new boolean[1];
        k.machine.addEndListener((visit, reason, length) -> heldAtEnd[0] = k.machine.holdsPersonalData());
        k.given().visitAt(Stage.PREVIEW, IdentifyMethod.ID_CARD);

        k.when().exits();

        assertFalse(heldAtEnd[0]);
    }

    @Test
    void theMachinesLogNeverNamesTheCitizenNorTheirToken() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.bianmin.kiosk");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            VisitScenario k = VisitScenario.aKiosk().started();
            Identity card = VisitFixtures.residentCard();
            k.backend.identifyByCard.willFail(BackendException.Kind.NOT_FOUND);
            k.when().placesCard(card).and().choosesService(VisitFixtures.SI).and().triesAgain();
            k.backend.requestDocument.willFail(BackendException.Kind.IDENTIFICATION_EXPIRED);
            k.when().confirms().and().triesAgain().and().liftsTheCard().and().placesCard(card).and().confirms();
            k.printing.willRunOutOfPaperOnTheDocumentPrinter();
            k.when().prints().and().triesAgain().and().confirms().and().grades(Grade.DISSATISFIED).and().ticks("slow")
                    .and().sendsTheEvaluation().and().waits(5);
            k.then().visitEnded(EndReason.COMPLETED);

            assertTrue(appender.list.size() > 10, "the visit was logged: " + appender.list.size() + " lines");
            List<String> forbidden = List.of(card.number(), card.name(), card.number().substring(6, 14), "subject-");
            for (ILoggingEvent e : appender.list) {
                String line = e.getFormattedMessage() + throwableText(e.getThrowableProxy());
                for (String f : forbidden) {
                    assertFalse(line.contains(f), () -> "the log names the citizen: " + line);
                }
            }
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
    }

    private static String throwableText(IThrowableProxy t) {
        return t == null ? "" : " " + t.getClassName() + ": " + t.getMessage() + throwableText(t.getCause());
    }
}
