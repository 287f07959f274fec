package org.bianmin.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.ProblemKind;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure a citizen can meet, reached through the real machine from the fakes' failures, says
 * what happened and what to do next in both languages, and offers the right way on.
 */
class ProblemScreensUiTest {
    private static KioskUiFixture kiosk;

    @BeforeAll
    static void start() {
        kiosk = new KioskUiFixture();
    }

    @AfterEach
    void idleAgain() {
        kiosk.reset();
    }

    @AfterAll
    static void stop() {
        kiosk.close();
    }

    static Stream<Arguments> problems() {
        return Stream.of(ProblemKind.values()).flatMap(k -> Stream.of(Arguments.of(k, Language.ZH_CN), Arguments.of(k, Language.EN)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("problems")
    void eachProblemSaysWhatHappenedAndWhatToDoNextInPlainWords(ProblemKind kind, Language language) {
        if (language == Language.EN) {
            kiosk.press("lang-en");
            kiosk.awaitView(v -> v.language() == Language.EN);
        }
        VisitView v = reach(kind);
        if (language == Language.ZH_CN) {
            KioskUiFixture.fx(() -> Screenshots.save(kiosk.window.scene(), Path.of("target", "ui-screens", "problems", kind + ".png")));
        }

        assertTrue(kiosk.has("problem-" + kind), "the screen for " + kind);
        String title = kiosk.text("problem-title");
        String next = kiosk.text("problem-next");
        String what = kiosk.text("problem-what");
        for (String s : new String[] {title, next, what}) {
            assertFalse(s.isBlank());
            assertFalse(s.startsWith("problem."), "a text, not a key: " + s);
            assertEquals(language == Language.ZH_CN, s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "in " + language + ": " + s);
        }
        v.problem().flatMap(p -> p.deviceError()).ifPresent(e -> {
            assertEquals(e.citizenMessage(language.code()), kiosk.text("problem-device"));
            assertTrue(kiosk.text("problem-code").contains(e.code()), "the fault code for the staff");
        });
        assertEquals(Set.of(), kiosk.missingTextKeys());

        boolean retry = v.problem().orElseThrow().canRetry();
        assertEquals(retry, kiosk.has("retry"), "try again only when the problem allows it");
        assertTrue(kiosk.has("end"), "a way to end the visit");
        if (retry) {
            Step expected = switch (v.problem().get().retryStep().orElseThrow()) {
                case FETCH -> Step.PREVIEW;
                case PRINT -> Step.DONE;
                // the card that failed to be checked is still on the reader: trying again checks it at once
                case IDENTIFY -> kind == ProblemKind.NO_RECORD || kind == ProblemKind.BACKEND_UNREACHABLE || kind == ProblemKind.BUSY
                        ? Step.SERVICE_GUIDE : Step.IDENTIFY;
                default -> v.problem().get().retryStep().get();
            };
            kiosk.click("retry");
            assertEquals(expected, kiosk.awaitView(x -> x.step() != Step.PROBLEM).step(), "try again, and it works");
        } else {
            kiosk.click("end");
            kiosk.awaitStep(Step.IDLE);
        }
    }

    /** Drives a visit until the machine shows {@code kind}, by making the fake that causes it fail. */
    private VisitView reach(ProblemKind kind) {
        switch (kind) {
            case NO_RECORD -> kiosk.backend.identifyFails = BackendException.Kind.NOT_FOUND;
            case BUSY -> kiosk.backend.identifyFails = BackendException.Kind.RATE_LIMITED;
            case BACKEND_UNREACHABLE -> kiosk.backend.identifyFails = BackendException.Kind.UNREACHABLE;
            case DEVICE_OUT_OF_SERVICE -> kiosk.backend.identifyFails = BackendException.Kind.KIOSK_NOT_AUTHORISED;
            case DOCUMENT_UNAVAILABLE -> kiosk.backend.documentFails = BackendException.Kind.NOT_FOUND;
            case IDENTIFICATION_EXPIRED -> kiosk.backend.documentFails = BackendException.Kind.IDENTIFICATION_EXPIRED;
            case DOCUMENT_REFUSED -> kiosk.documents.refuse = true;
            case PRINTER_OUT_OF_PAPER -> kiosk.printing.documentFails = DeviceError.PAPER_OUT;
            case PRINT_FAILED -> kiosk.printing.documentFails = DeviceError.COVER_OPEN;
            case CARD_NOT_ACCEPTED -> { }
        }
        if (kind == ProblemKind.CARD_NOT_ACCEPTED) {
            if (kiosk.adapter.rendered().step() == Step.IDLE) {
                kiosk.press("idle");
                kiosk.awaitStep(Step.HOME);
            }
            kiosk.press("service-" + FakeBackend.CERTIFICATE);
            kiosk.awaitStep(Step.IDENTIFY);
            kiosk.machine.cardFailed(DeviceError.INVALID_ID_NUMBER);
        } else if (kiosk.backend.identifyFails != null) {
            kiosk.machine.cardPlaced(KioskUiFixture.CARD);
            kiosk.awaitView(VisitView::cardOnReader);
            kiosk.press("service-" + FakeBackend.CERTIFICATE);
        } else {
            kiosk.toCertificateGuide();
            kiosk.press("confirm");
            if (kind == ProblemKind.PRINTER_OUT_OF_PAPER || kind == ProblemKind.PRINT_FAILED) {
                kiosk.awaitStep(Step.PREVIEW);
                kiosk.press("print");
            }
        }
        VisitView v = kiosk.awaitView(x -> x.step() == Step.PROBLEM);
        assertEquals(kind, v.problem().orElseThrow().kind());
        kiosk.backend.identifyFails = null;
        kiosk.backend.documentFails = null;
        kiosk.documents.refuse = false;
        kiosk.printing.documentFails = null;
        return v;
    }
}
