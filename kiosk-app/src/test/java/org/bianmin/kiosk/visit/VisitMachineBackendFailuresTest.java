package org.bianmin.kiosk.visit;

import static org.bianmin.kiosk.visit.IdentifyMethod.ID_CARD;
import static org.bianmin.kiosk.visit.IdentifyMethod.QR_CODE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.document.UntrustedDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the citizen meets when the backend fails, a document is refused or a card cannot be used, how
 * "try again" goes on from there, and that answers arriving after their screen was left change nothing.
 */
class VisitMachineBackendFailuresTest {

    /** The problem screen a failure leads to, and where "try again" goes (null: no try again). */
    record Meets(ProblemKind problem, Step retry) {}

    private static Meets atIdentify(Kind kind) {
        return switch (kind) {
            case NOT_FOUND, REJECTED -> new Meets(ProblemKind.NO_RECORD, Step.IDENTIFY);
            case RATE_LIMITED -> new Meets(ProblemKind.BUSY, Step.IDENTIFY);
            case KIOSK_NOT_AUTHORISED -> new Meets(ProblemKind.DEVICE_OUT_OF_SERVICE, null);
            case UNREACHABLE, SERVER_ERROR, CONFLICT, IDENTIFICATION_EXPIRED -> new Meets(ProblemKind.BACKEND_UNREACHABLE, Step.IDENTIFY);
        };
    }

    private static Meets atFetch(Kind kind) {
        return switch (kind) {
            case NOT_FOUND, CONFLICT, REJECTED -> new Meets(ProblemKind.DOCUMENT_UNAVAILABLE, Step.HOME);
            case IDENTIFICATION_EXPIRED -> new Meets(ProblemKind.IDENTIFICATION_EXPIRED, Step.IDENTIFY);
            case KIOSK_NOT_AUTHORISED -> new Meets(ProblemKind.DEVICE_OUT_OF_SERVICE, null);
            case RATE_LIMITED -> new Meets(ProblemKind.BUSY, Step.FETCH);
            case UNREACHABLE, SERVER_ERROR -> new Meets(ProblemKind.BACKEND_UNREACHABLE, Step.FETCH);
        };
    }

    static Stream<Arguments> kindsByMethod() {
        return Stream.of(Kind.values()).flatMap(k -> Stream.of(Arguments.of(k, ID_CARD), Arguments.of(k, QR_CODE)));
    }

    private static void assertMeets(VisitScenario k, Meets m) {
        k.then().problem(m.problem()).and().noVisitEnded();
        if (m.retry() == null) {
            k.then().noTryAgain();
        } else {
            k.then().tryAgainGoesTo(m.retry());
        }
    }

    @ParameterizedTest(name = "{0} identifying by {1}")
    @MethodSource("kindsByMethod")
    void everyBackendFailureAtIdentificationLeadsToItsProblem(Kind kind, IdentifyMethod by) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_CHECKING, by);

        k.lateIdentification.completeExceptionally(Script.failure(kind));

        assertMeets(k, atIdentify(kind));
        k.then().noIdentityShown();
    }

    @ParameterizedTest(name = "{0} asking for the document")
    @EnumSource(Kind.class)
    void everyBackendFailureWhenTheDocumentIsRequestedLeadsToItsProblem(Kind kind) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.FETCH, ID_CARD);

        k.lateTicket.completeExceptionally(Script.failure(kind));

        assertMeets(k, atFetch(kind));
    }

    @ParameterizedTest(name = "{0} downloading the PDF")
    @EnumSource(Kind.class)
    void everyBackendFailureWhenThePdfIsDownloadedLeadsToItsProblem(Kind kind) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, QR_CODE);
        k.backend.documentPdf.willFail(kind);

        k.when().confirms();

        assertMeets(k, atFetch(kind));
        assertEquals(List.of(), k.verifier.vouched());
    }

    @Test
    void aFailureTheContractDoesNotNameIsTreatedAsTheDocumentBeingUnavailable() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.FETCH, ID_CARD);

        k.lateTicket.completeExceptionally(new IllegalStateException("scripted: a bug in the client"));

        assertMeets(k, new Meets(ProblemKind.DOCUMENT_UNAVAILABLE, Step.HOME));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(UntrustedDocumentException.Reason.class)
    void everyUntrustedDocumentIsRefusedAndNeverShown(UntrustedDocumentException.Reason reason) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, ID_CARD);
        k.verifier.willRefuse(reason);

        k.when().confirms();

        assertMeets(k, new Meets(ProblemKind.DOCUMENT_REFUSED, null));
        assertEquals(List.of(), k.renderer.rendered());
        assertTrue(k.view().pages().isEmpty());
    }

    @Test
    void aDocumentThePreviewCannotReadIsRefusedAndWiped() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, QR_CODE);
        k.renderer.willFailAsUnreadable();

        k.when().confirms();

        assertMeets(k, new Meets(ProblemKind.DOCUMENT_REFUSED, null));
        assertTrue(k.verifier.last().wiped());
    }

    @Test
    void tryAgainAfterTheBackendDidNotAnswerFetchesAgainAndShowsTheDocument() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.PROBLEM, ID_CARD);

        k.when().triesAgain();

        k.then().step(Step.PREVIEW);
        assertEquals(2, k.backend.requestDocument.calls());
        assertEquals(2, k.view().pages().size());
    }

    @Test
    void tryAgainAfterAnExpiredIdentificationAsksWhoYouAreAgainAndACodeIdentifiesAgain() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, QR_CODE);
        k.backend.requestDocument.willFail(Kind.IDENTIFICATION_EXPIRED);
        k.when().confirms();

        k.when().triesAgain();
        k.then().step(Step.IDENTIFY).and().identifyPhase(VisitView.IdentifyPhase.WAITING).and().noIdentityShown();
        k.when().scans(VisitFixtures.LICENCE_CODE).and().confirms();

        k.then().step(Step.PREVIEW);
        assertEquals(2, k.backend.identifyByCode.calls());
    }

    @Test
    void tryAgainAfterAnExpiredIdentificationByCardLetsTheCitizenLiftAndPlaceTheCardAgain() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, ID_CARD);
        k.backend.requestDocument.willFail(Kind.IDENTIFICATION_EXPIRED);
        k.when().confirms();

        k.when().triesAgain();
        k.then().step(Step.IDENTIFY).and().identifyPhase(VisitView.IdentifyPhase.WAITING).and().noIdentityShown();
        k.when().liftsTheCard();
        k.then().step(Step.IDENTIFY).and().noVisitEnded();
        k.when().placesTheCard();

        k.then().step(Step.SERVICE_GUIDE).and().identityShown(true);
        assertEquals(2, k.backend.identifyByCard.calls());
    }

    @Test
    void tryAgainAfterTheBackendDidNotAnswerTheCardChecksTheCardStillOnTheReader() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_WAITING, ID_CARD);
        k.backend.identifyByCard.willFail(Kind.UNREACHABLE);
        k.when().placesTheCard();
        k.then().problem(ProblemKind.BACKEND_UNREACHABLE);

        k.when().triesAgain();

        k.then().step(Step.SERVICE_GUIDE).and().identityShown(true);
        assertEquals(2, k.backend.identifyByCard.calls());
    }

    @Test
    void aCardLiftedOnTheProblemScreenOfAFailedCardCheckIsNotUsedToTryAgain() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_WAITING, ID_CARD);
        k.backend.identifyByCard.willFail(Kind.UNREACHABLE);
        k.when().placesTheCard();

        k.when().liftsTheCard();
        k.then().problem(ProblemKind.BACKEND_UNREACHABLE).and().noVisitEnded();
        assertFalse(k.machine.holdsPersonalData(), "the lifted card's data is dropped");
        k.when().triesAgain();

        k.then().step(Step.IDENTIFY).and().identifyPhase(VisitView.IdentifyPhase.WAITING);
        assertEquals(1, k.backend.identifyByCard.calls());
        k.when().placesTheCard();
        k.then().step(Step.SERVICE_GUIDE);
    }

    @Test
    void aSubjectTheServiceIsNotForMeetsNoRecordAndMayChooseAnotherService() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.backend.licenceServices = List.of(VisitFixtures.PESTICIDE_LICENCE.code());
        k.given().visitAt(Stage.IDENTIFY_WAITING, QR_CODE);

        k.when().scans(VisitFixtures.LICENCE_CODE);
        k.then().problem(ProblemKind.NO_RECORD).and().tryAgainGoesTo(Step.HOME);
        k.when().triesAgain();
        k.then().step(Step.HOME).and().identityShown(true);
        k.when().choosesService(VisitFixtures.PESTICIDE_LICENCE);

        k.then().step(Step.SERVICE_GUIDE);
        assertEquals(1, k.backend.identifyByCode.calls());
    }

    @Test
    void tryAgainAfterADocumentWasUnavailableReturnsHomeStillIdentified() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, QR_CODE);
        k.backend.requestDocument.willFail(Kind.NOT_FOUND);
        k.when().confirms();

        k.when().triesAgain();

        k.then().step(Step.HOME).and().identityShown(true);
        assertTrue(k.view().service().isEmpty());
    }

    @Test
    void tryAgainIsIgnoredWhereTheProblemOffersNone() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, ID_CARD);
        k.verifier.willRefuse(UntrustedDocumentException.Reason.ALTERED);
        k.when().confirms();

        k.when().triesAgain();

        k.then().problem(ProblemKind.DOCUMENT_REFUSED);
        assertEquals(1, k.backend.requestDocument.calls());
    }

    @Test
    void aCardThatCannotBeReadAsksToPlaceItAgain() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_WAITING, ID_CARD);
        k.when().waits(30);

        k.when().theReaderFails(DeviceError.CARD_READ_FAILED);

        k.then().step(Step.IDENTIFY).and().hint(Hint.Kind.DEVICE).and().secondsLeft(60);
        assertEquals(Optional.of(DeviceError.CARD_READ_FAILED), k.view().hint().orElseThrow().deviceError());
        k.when().placesTheCard();
        k.then().step(Step.SERVICE_GUIDE);
        assertTrue(k.view().hint().isEmpty(), "the hint goes with the screen");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DeviceError.class, names = {"INVALID_ID_NUMBER", "UNKNOWN_CARD_TYPE"})
    void aCardTheKioskCannotAcceptIsAProblemThatNamesTheCardsError(DeviceError error) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_WAITING, ID_CARD);

        k.when().theReaderFails(error);

        k.then().problem(ProblemKind.CARD_NOT_ACCEPTED).and().tryAgainGoesTo(Step.IDENTIFY);
        assertEquals(Optional.of(error), k.view().problem().orElseThrow().deviceError());
        assertEquals(0, k.backend.identifyByCard.calls());
    }

    @Test
    void aCodeThatIsNotForTheServiceAsksForTheRightOne() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_WAITING, QR_CODE);

        k.when().scans(VisitFixtures.CITIZEN_CODE);

        k.then().step(Step.IDENTIFY).and().hint(Hint.Kind.WRONG_CODE);
        assertEquals(0, k.backend.identifyByCode.calls());
    }

    @Test
    void aCardOnTheIdentifyScreenOfALicenceServiceSaysThisServiceNeedsACode() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_WAITING, QR_CODE);

        k.when().placesTheCard();

        k.then().step(Step.IDENTIFY).and().hint(Hint.Kind.CARD_NOT_FOR_SERVICE);
        assertEquals(0, k.backend.identifyByCard.calls());
        assertFalse(k.machine.holdsPersonalData(), "a card the service cannot use is not kept");
    }

    @Test
    void theCitizensServiceAlsoTakesTheESocialSecurityCode() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.HOME, ID_CARD);

        k.when().choosesService(VisitFixtures.SI).and().scans(VisitFixtures.CITIZEN_CODE);

        k.then().step(Step.SERVICE_GUIDE).and().identityShown(true);
        assertEquals(IdentifyMethod.QR_CODE, k.view().identity().orElseThrow().method());
    }

    // answers that arrive after their screen was left

    @ParameterizedTest(name = "identified by {0}")
    @EnumSource(IdentifyMethod.class)
    void anIdentificationArrivingAfterTheTimeoutIsIgnored(IdentifyMethod by) {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_CHECKING, by);
        k.when().waits(60);

        k.lateIdentification.complete(k.backend.identification(by));

        k.then().visitEnded(EndReason.TIMEOUT).and().holdsNoPersonalData();
    }

    @Test
    void anIdentificationArrivingAfterExitIsIgnoredEvenWhenTheNextVisitIsUnderway() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_CHECKING, QR_CODE);
        k.when().exits().and().wakes().and().choosesService(VisitFixtures.BUSINESS_LICENCE);

        k.lateIdentification.complete(k.backend.identification(QR_CODE));

        k.then().step(Step.IDENTIFY).and().identifyPhase(VisitView.IdentifyPhase.WAITING).and().noIdentityShown();
        assertFalse(k.machine.holdsPersonalData());
    }

    @Test
    void anIdentificationArrivingAfterBackIsIgnoredAndTheCardStillOnTheReaderIsCheckedAgain() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_CHECKING, ID_CARD);
        k.when().goesBack();
        k.then().step(Step.HOME).and().noIdentityShown();
        assertEquals(VisitView.IdentifyPhase.WAITING, k.view().identifyPhase());

        k.lateIdentification.complete(k.backend.identification(ID_CARD));

        k.then().step(Step.HOME).and().noIdentityShown();
        k.when().choosesService(VisitFixtures.SI);
        k.then().step(Step.SERVICE_GUIDE).and().identityShown(true);
        assertEquals(2, k.backend.identifyByCard.calls());
    }

    @Test
    void liftingTheCardOnHomeAfterAbandoningItsCheckDoesNotEndTheVisit() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_CHECKING, ID_CARD);
        k.when().goesBack();

        k.when().liftsTheCard();

        k.then().step(Step.HOME).and().noVisitEnded();
        assertFalse(k.machine.holdsPersonalData());
    }

    @Test
    void aFailureArrivingAfterTheTimeoutIsIgnored() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.IDENTIFY_CHECKING, ID_CARD);
        k.when().waits(60);

        k.lateIdentification.completeExceptionally(Script.failure(Kind.UNREACHABLE));

        k.then().visitEnded(EndReason.TIMEOUT);
    }

    @Test
    void aDocumentArrivingAfterTheFetchTimedOutIsWipedAndTheProblemStays() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.FETCH, ID_CARD);
        k.when().waits(30);
        k.then().problem(ProblemKind.BACKEND_UNREACHABLE);

        k.lateTicket.complete(k.backend.ticket(VisitFixtures.SI.code()));

        k.then().problem(ProblemKind.BACKEND_UNREACHABLE);
        assertTrue(k.verifier.last().wiped(), "the late document is wiped");
        assertTrue(k.view().pages().isEmpty());
        k.when().exits();
        k.then().holdsNoPersonalData();
    }

    @Test
    void aDocumentArrivingAfterTheFetchTimedOutAndWasRetriedDoesNotReplaceTheNewOne() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.FETCH, QR_CODE);
        k.when().waits(30).and().triesAgain();
        k.then().step(Step.PREVIEW);
        var shown = k.verifier.last();
        String shownId = k.view().ticket().orElseThrow().documentId();

        k.lateTicket.complete(k.backend.ticket(VisitFixtures.BUSINESS_LICENCE.code()));

        k.then().step(Step.PREVIEW);
        assertEquals(2, k.verifier.vouched().size());
        assertFalse(shown.wiped(), "the document on screen stays");
        assertTrue(k.verifier.last().wiped(), "the late one is wiped");
        assertEquals(shownId, k.view().ticket().orElseThrow().documentId());
        k.when().prints();
        assertEquals(shownId, k.printing.orders().getFirst().ticket().documentId());
    }

    @Test
    void aDocumentArrivingAfterExitIsWiped() {
        VisitScenario k = VisitScenario.aKiosk().started();
        k.given().visitAt(Stage.SERVICE_GUIDE, ID_CARD);
        var latePdf = k.backend.documentPdf.willAnswerLate();
        k.when().confirms();
        k.when().liftsTheCard();

        latePdf.complete("%PDF-1.7 late".getBytes(StandardCharsets.US_ASCII));

        k.then().visitEnded(EndReason.CARD_LIFTED).and().holdsNoPersonalData();
        assertTrue(k.verifier.last().wiped());
    }

    @Test
    void aBackendExceptionCarriesItsKindAndStatus() {
        BackendException e = Script.failure(Kind.RATE_LIMITED);
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(429, e.status());
    }
}
