package org.bianmin.kiosk.visit;

import static org.bianmin.kiosk.visit.IdentifyMethod.ID_CARD;
import static org.bianmin.kiosk.visit.IdentifyMethod.QR_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.print.PrintOrder;
import org.bianmin.kiosk.print.PrintPart;
import org.bianmin.kiosk.print.PrintProgress;
import org.junit.jupiter.api.Test;

/** Printing from the preview: the order handed to the printers, progress, paper out on either printer, and retries that never print twice. */
class VisitMachinePrintingTest {

    @Test
    void printingHandsTheShownDocumentToThePrintersAndDropsItOncePrinted() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        var shown = k.verifier.last();

        k.when().prints();

        k.then().step(Step.DONE).and().printed("order-1/DOCUMENT", "order-1/RECEIPT");
        PrintOrder order = k.printing.orders().getFirst();
        assertEquals("order-1", order.idempotencyKey());
        assertEquals(VisitFixtures.SI.name(), order.serviceName());
        assertEquals(Locale.SIMPLIFIED_CHINESE, order.locale());
        assertTrue(shown == order.document(), "the document printed is the one shown");
        assertTrue(shown.wiped(), "the printed document is wiped at once");
        assertTrue(k.renderer.rendered().stream().allMatch(FakeRenderer::blank), "the preview pages are cleared at once");
        assertTrue(k.view().pages().isEmpty());
        assertEquals("KS-2025-1", k.view().ticket().orElseThrow().caseNumber(), "Done shows the 办件编号");
        assertFalse(k.view().receiptMissing());
    }

    @Test
    void theReceiptIsPrintedInTheLanguageTheCitizenChose() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.when().choosesLanguage(Language.EN);
        k.given().visitAt(Stage.PREVIEW, QR_CODE);

        k.when().prints();

        assertEquals(Locale.ENGLISH, k.printing.orders().getFirst().locale());
    }

    @Test
    void theViewFollowsEachPartsProgress() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PRINT, ID_CARD);

        assertEquals(PrintProgress.Phase.CHECKING, k.view().printProgress().get(PrintPart.DOCUMENT).phase());
        assertEquals(PrintProgress.Phase.WAITING, k.view().printProgress().get(PrintPart.RECEIPT).phase());
        k.printing.finishLatePrint();

        k.then().step(Step.DONE);
        assertEquals(PrintProgress.Phase.DONE, k.view().printProgress().get(PrintPart.DOCUMENT).phase());
        assertEquals(PrintProgress.Phase.DONE, k.view().printProgress().get(PrintPart.RECEIPT).phase());
        List<PrintProgress.Phase> seen = k.views().stream().map(v -> v.printProgress().get(PrintPart.DOCUMENT))
                .filter(p -> p != null).map(PrintProgress::phase).distinct().toList();
        assertEquals(List.of(PrintProgress.Phase.WAITING, PrintProgress.Phase.CHECKING, PrintProgress.Phase.PRINTING,
                PrintProgress.Phase.DONE), seen);
    }

    @Test
    void paperOutOnTheDocumentPrinterIsAProblemAndTryAgainPrintsOnceUnderANewOrder() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        k.printing.willRunOutOfPaperOnTheDocumentPrinter();

        k.when().prints();
        k.then().problem(ProblemKind.PRINTER_OUT_OF_PAPER).and().tryAgainGoesTo(Step.PRINT).and().printed();
        assertEquals(Optional.of(DeviceError.PAPER_OUT), k.view().problem().orElseThrow().deviceError());
        assertFalse(k.verifier.last().wiped(), "the document is kept for the retry");

        k.when().triesAgain();

        // the failed order stays failed in the printers' ledgers (nothing came out), so the retry is a new order
        k.then().step(Step.DONE).and().printed("order-2/DOCUMENT", "order-2/RECEIPT");
        assertEquals(List.of("order-1", "order-2"), k.printing.orders().stream().map(PrintOrder::idempotencyKey).toList());
    }

    @Test
    void paperOutOnTheReceiptPrinterStillEndsOnDoneAndSaysTheReceiptIsMissing() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, QR_CODE);
        k.printing.willRunOutOfPaperOnTheReceiptPrinter();

        k.when().prints();

        k.then().step(Step.DONE).and().printed("order-1/DOCUMENT");
        assertTrue(k.view().receiptMissing());
        assertEquals(Optional.of(DeviceError.PAPER_OUT), k.view().printProgress().get(PrintPart.RECEIPT).error());
    }

    @Test
    void anotherDeviceErrorIsAPrintFailureThatNamesIt() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        k.printing.willFailTheDocument(DeviceError.COVER_OPEN);

        k.when().prints();

        k.then().problem(ProblemKind.PRINT_FAILED).and().tryAgainGoesTo(Step.PRINT);
        assertEquals(Optional.of(DeviceError.COVER_OPEN), k.view().problem().orElseThrow().deviceError());
    }

    @Test
    void aPrintServiceThatBreaksItsContractIsAPrintFailureAndTryAgainWorks() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        k.printing.willBreak();

        k.when().prints();
        k.then().problem(ProblemKind.PRINT_FAILED);
        assertEquals(Optional.of(DeviceError.INTERNAL), k.view().problem().orElseThrow().deviceError());

        k.when().triesAgain();
        k.then().step(Step.DONE).and().printed("order-1/DOCUMENT", "order-1/RECEIPT");
    }

    @Test
    void aPrintFinishingAfterItsWatchdogIsIgnoredAndTryAgainPrintsNothingTwice() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PRINT, ID_CARD);
        k.when().waits(120);
        k.then().problem(ProblemKind.PRINT_FAILED);

        k.printing.finishLatePrint();
        k.then().problem(ProblemKind.PRINT_FAILED);
        k.when().triesAgain();

        k.then().step(Step.DONE).and().printed("order-1/DOCUMENT", "order-1/RECEIPT");
        assertEquals(2, k.printing.orders().size());
    }

    @Test
    void exitAfterAFailedPrintEndsTheVisitAndWipesTheDocument() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        k.printing.willRunOutOfPaperOnTheDocumentPrinter();
        k.when().prints();

        k.when().exits();

        k.then().visitEnded(EndReason.EXIT).and().holdsNoPersonalData();
    }

    @Test
    void goingBackFromThePreviewDropsTheDocumentAndTheNextOneHasItsOwnOrderKey() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, QR_CODE);
        var first = k.verifier.last();

        k.when().goesBack();
        k.then().step(Step.SERVICE_GUIDE);
        assertTrue(first.wiped());
        assertTrue(k.view().ticket().isEmpty());
        k.when().confirms().and().prints();

        k.then().step(Step.DONE).and().printed("order-2/DOCUMENT", "order-2/RECEIPT");
    }

    @Test
    void eachVisitPrintsUnderItsOwnKey() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.DONE, ID_CARD);
        k.when().exits();
        k.given().visitAt(Stage.DONE, QR_CODE);

        k.then().printed("order-1/DOCUMENT", "order-1/RECEIPT", "order-2/DOCUMENT", "order-2/RECEIPT");
    }

    @Test
    void thePreviewPagesTurnAndZoomWithinTheirBounds() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.renderer.pagesPerDocument(3);
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        assertEquals(3, k.view().pages().size());

        k.when().turnsToThePreviousPage();
        assertEquals(0, k.view().page());
        k.when().turnsToTheNextPage().and().turnsToTheNextPage().and().turnsToTheNextPage();
        assertEquals(2, k.view().page());
        k.when().turnsToThePreviousPage();
        assertEquals(1, k.view().page());

        k.when().zoomsOut();
        assertEquals(1.0, k.view().zoom());
        for (int i = 0; i < 10; i++) {
            k.when().zoomsIn();
        }
        assertEquals(3.0, k.view().zoom());
        k.when().zoomsOut();
        assertEquals(2.5, k.view().zoom());
    }

    @Test
    void turningAPageGivesThePreviewItsFullTimeAgain() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        k.when().waits(80);

        k.when().turnsToTheNextPage();

        k.then().secondsLeft(90);
    }

    @Test
    void theNextDocumentOpensOnItsFirstPageUnzoomed() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PREVIEW, ID_CARD);
        k.when().turnsToTheNextPage().and().zoomsIn();

        k.when().goesBack().and().confirms();

        assertEquals(0, k.view().page());
        assertEquals(1.0, k.view().zoom());
    }
}
