package org.bianmin.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.KioskApp;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.visit.Language;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The main visits, clicked through on the real window with the real visit machine. */
class CitizenVisitsUiTest {
    static final Path SCREENS = Path.of("target", "ui-screens");

    private KioskUiFixture kiosk;

    @BeforeEach
    void start() {
        kiosk = new KioskUiFixture();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void aCitizenWithAnIdCardGetsTheCertificatePrintedRatesItAndLeavesNoPageBehind() throws Exception {
        ScreenRecorder recorder = kiosk.recordTo(SCREENS.resolve("id-card"));
        assertTrue(kiosk.labels().contains("请触摸屏幕或放置身份证开始"));
        assertEquals("WenQuanYi Zen Hei", KioskUiFixture.fx(() -> kiosk.<Label>node("idle-prompt").getFont().getFamily()),
                "the screens draw Chinese with the CJK font, not a fallback");
        noTextFields();

        kiosk.machine.cardPlaced(KioskUiFixture.CARD);
        kiosk.awaitStep(Step.HOME);
        assertTrue(kiosk.has("card-read"), "home says the card has been read");
        assertTrue(kiosk.labels().contains("社保参保证明打印"));
        noTextFields();

        kiosk.backend.identifyGate = new CompletableFuture<>();
        kiosk.click("service-" + FakeBackend.CERTIFICATE);
        kiosk.awaitView(v -> v.step() == Step.IDENTIFY && v.identifyPhase() == VisitView.IdentifyPhase.CHECKING);
        assertEquals("测***甲", kiosk.text("identity-name"), "the card's name, masked by the kiosk");
        assertEquals("110105********0015", kiosk.text("identity-number"));
        assertTrue(kiosk.labels().contains("正在核验，请稍候"));
        kiosk.backend.identifyGate.complete(null);

        kiosk.awaitStep(Step.SERVICE_GUIDE);
        assertEquals("测*甲", kiosk.text("identity-name"), "the name as the backend masked it");
        List<String> guide = kiosk.labels();
        for (String caption : List.of("办事指南", "受理条件", "申请材料", "办理流程", "办理时限", "办理结果")) {
            assertTrue(guide.contains(caption), "the guide shows " + caption);
        }
        assertEquals("确认办理", kiosk.text("confirm"));
        noTextFields();

        kiosk.click("confirm");
        kiosk.awaitStep(Step.PREVIEW);
        assertEquals("第 1 页，共 2 页", kiosk.text("page-number"));
        WritableImage shown = (WritableImage) KioskUiFixture.fx(() -> kiosk.<ImageView>node("page-image").getImage());
        assertEquals(909, shown.getWidth());
        assertFalse(allZero(shown), "the page's pixels are on screen");
        kiosk.click("next-page");
        kiosk.awaitView(v -> v.step() == Step.PREVIEW && v.page() == 1);
        assertEquals("第 2 页，共 2 页", kiosk.text("page-number"));
        double fitted = KioskUiFixture.fx(() -> kiosk.<ImageView>node("page-image").getBoundsInParent().getHeight());
        kiosk.click("zoom-in");
        kiosk.awaitView(v -> v.step() == Step.PREVIEW && v.zoom() > 1.0);
        double zoomed = KioskUiFixture.fx(() -> kiosk.<ImageView>node("page-image").getBoundsInParent().getHeight());
        assertTrue(zoomed > fitted * 1.4, "zoom in enlarges the page: " + fitted + " -> " + zoomed);

        kiosk.click("print");
        kiosk.awaitStep(Step.DONE);
        assertEquals(0, (int) KioskUiFixture.fx(kiosk.window::heldPreviewImages), "printed: the preview's images are dropped");
        assertTrue(allZero(shown), "the page shown was overwritten");
        assertTrue(kiosk.has("take-card"), "the card is still on the reader: the screen says to take it");
        assertTrue(kiosk.labels().contains("请取走读卡区上的身份证！"));
        assertFalse(kiosk.has("receipt-missing"));

        kiosk.machine.cardRemoved();
        kiosk.awaitStep(Step.EVALUATE);
        kiosk.click("grade-" + Grade.DISSATISFIED);
        kiosk.awaitView(v -> v.evaluatePhase() == VisitView.EvaluatePhase.REASONS);
        assertTrue(KioskUiFixture.fx(() -> kiosk.node("send-evaluation").isDisabled()), "no reason chosen: nothing to send");
        kiosk.click("indicator-TOO_SLOW");
        kiosk.awaitView(v -> v.chosenIndicators().contains("TOO_SLOW"));
        kiosk.click("send-evaluation");
        kiosk.awaitView(v -> v.evaluatePhase() == VisitView.EvaluatePhase.THANKS);
        assertTrue(kiosk.has("thanks"));

        kiosk.timer.advance(5);
        kiosk.awaitStep(Step.IDLE);
        assertEquals(1, kiosk.backend.evaluations.size());
        assertEquals(Grade.DISSATISFIED, kiosk.backend.evaluations.get(0).grade());
        assertEquals(List.of("TOO_SLOW"), kiosk.backend.evaluations.get(0).indicators());
        assertEquals(List.of(), imagesOnScreen(), "after the visit no image node holds pixels");
        assertEquals(0, (int) KioskUiFixture.fx(kiosk.window::heldPreviewImages));
        assertEquals(Set.of(), kiosk.missingTextKeys(), "every text the screens asked for exists");

        List<String> names = recorder.written().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals("01-idle.png", names.get(0));
        List<String> screens = names.stream().map(n -> n.substring(3, n.length() - 4)).toList();
        List<String> expected = List.of("idle", "home", "identify-checking", "service-guide", "preview", "done", "evaluate",
                "evaluate-reasons", "evaluate-thanks", "idle");
        assertEquals(expected, screens.stream().filter(expected::contains).toList(), "every screen of the visit recorded, in order");
        for (Path p : recorder.written()) {
            assertTrue(Files.size(p) > 10_000, p + " holds a picture");
        }
    }

    @Test
    void aLicenceHolderScansTheQrCodeInEnglishAndIsToldWhenTheReceiptDidNotPrint() {
        ScreenRecorder recorder = kiosk.recordTo(SCREENS.resolve("qr-english"));
        kiosk.click("lang-en");
        kiosk.awaitView(v -> v.step() == Step.HOME && v.language() == Language.EN);
        assertTrue(kiosk.labels().containsAll(List.of("Choose a service", "Business licence", "Social insurance participation certificate")));

        kiosk.click("service-" + FakeBackend.LICENCE);
        kiosk.awaitStep(Step.IDENTIFY);
        assertTrue(kiosk.has("identify-qr"));
        assertFalse(kiosk.has("identify-card"), "a licence is shown by its QR code only");
        assertTrue(kiosk.labels().contains("Open your e-business licence QR code and hold it in front of the scanner below."));

        kiosk.machine.codeScanned("ESSC1:someone");
        kiosk.awaitView(v -> v.hint().isPresent());
        assertEquals("This QR code is not for this service. Please show the right code.",
                KioskUiFixture.fx(() -> ((Label) ((Parent) kiosk.node("hint")).getChildrenUnmodifiable().get(1)).getText()));

        kiosk.backend.identifyGate = new CompletableFuture<>();
        kiosk.machine.codeScanned(FakeBackend.LICENCE_CODE);
        kiosk.awaitView(v -> v.identifyPhase() == VisitView.IdentifyPhase.CHECKING);
        assertTrue(kiosk.labels().contains("Checking your QR code, please wait"));
        kiosk.backend.identifyGate.complete(null);

        kiosk.awaitStep(Step.SERVICE_GUIDE);
        assertTrue(kiosk.labels().containsAll(List.of("Licence holder:", "示例县绿野农业科技有限公司", "Who can apply")));
        assertEquals("Get the document", kiosk.text("confirm"));
        kiosk.printing.receiptFails = DeviceError.PAPER_OUT;
        kiosk.click("confirm");
        kiosk.awaitStep(Step.PREVIEW);
        assertEquals("Page 1 of 2", kiosk.text("page-number"));
        kiosk.click("print");
        kiosk.awaitStep(Step.DONE);
        assertFalse(kiosk.has("take-card"), "no card was used");
        assertTrue(kiosk.has("receipt-missing"));
        assertTrue(kiosk.labels().contains(
                "The receipt did not print; you can check your document with the verification code printed on it."));

        kiosk.click("continue");
        kiosk.awaitStep(Step.EVALUATE);
        assertEquals("Very satisfied", kiosk.text("grade-" + Grade.VERY_SATISFIED));
        kiosk.click("grade-" + Grade.VERY_SATISFIED);
        kiosk.awaitView(v -> v.evaluatePhase() == VisitView.EvaluatePhase.THANKS);
        assertTrue(kiosk.labels().contains("Thank you for your feedback"));
        kiosk.timer.advance(5);
        kiosk.awaitStep(Step.IDLE);
        assertEquals(Grade.VERY_SATISFIED, kiosk.backend.evaluations.get(0).grade());
        assertEquals(Set.of(), kiosk.missingTextKeys(), "every text the screens asked for exists");
        assertTrue(recorder.written().size() >= 8, "screens recorded: " + recorder.written());
    }

    @Test
    void aGuideChangedByAnAppliedConfigShowsFromTheNextVisitInTheVisitsLanguage() {
        KioskConfig township = KioskConfigLoader.parse("""
                guides:
                  si-participation-certificate:
                    materials:
                      - zh: 本人有效居民身份证
                        en: Your own valid resident ID card
                      - zh: 户口簿
                        en: Your household register
                    timeLimit:
                      zh: 即时办结，高峰时段请耐心等候
                    note:
                      zh: 本镇社保所在镇政府一楼，工作日 9:00–17:00
                      en: "Social insurance office: township government, ground floor, weekdays 9:00–17:00"
                """);
        kiosk.toCertificateGuide();

        kiosk.machine.applySettings(KioskApp.settings(township));
        kiosk.click("lang-en");
        kiosk.awaitView(v -> v.step() == Step.SERVICE_GUIDE && v.language() == Language.EN);
        assertTrue(kiosk.labels().contains("• Your own valid resident ID card (placed on the reader) or e-social-security card QR code"),
                "the visit under way keeps the backend's guide: " + kiosk.labels());
        assertFalse(kiosk.has("guide-note"));
        kiosk.reset();

        ScreenRecorder recorder = kiosk.recordTo(SCREENS.resolve("guide-from-config"));
        kiosk.toCertificateGuide();
        List<String> zh = kiosk.labels();
        assertTrue(zh.containsAll(List.of("• 本人有效居民身份证", "• 户口簿", "即时办结，高峰时段请耐心等候")), "the config's fields: " + zh);
        assertFalse(zh.contains("• 本人有效居民身份证（读卡）或电子社保卡二维码"), "the backend's materials are replaced");
        assertTrue(zh.containsAll(List.of("在本统筹区参加社会保险的个人，持本人有效居民身份证或电子社保卡即可办理。", "1. 刷身份证或扫描电子社保卡二维码核验身份")),
                "the fields the config leaves alone are the backend's: " + zh);
        assertEquals("本镇社保所在镇政府一楼，工作日 9:00–17:00", kiosk.text("guide-note"));

        kiosk.click("lang-en");
        kiosk.awaitView(v -> v.step() == Step.SERVICE_GUIDE && v.language() == Language.EN);
        List<String> en = kiosk.labels();
        assertTrue(en.containsAll(List.of("• Your own valid resident ID card", "• Your household register",
                "Anyone insured in this area, with their own valid resident ID card or e-social-security card.")), "in English: " + en);
        assertTrue(en.contains("即时办结，高峰时段请耐心等候"), "a text the config gives no English shows in Chinese");
        assertEquals("Social insurance office: township government, ground floor, weekdays 9:00–17:00", kiosk.text("guide-note"));
        assertEquals(Set.of(), kiosk.missingTextKeys());
        assertTrue(recorder.written().size() >= 2, "screens recorded: " + recorder.written());
    }

    @Test
    void elderModeShowsTypeAtLeastHalfAsLargeAgainAndKeepsEveryTargetLarge() {
        kiosk.click("idle-prompt");
        kiosk.awaitStep(Step.HOME);
        double normal = fontSize(".heading");
        double normalTile = fontSize(".tile-name");
        buttonsAreAtLeast72PixelsHigh();

        kiosk.click("elder");
        kiosk.awaitView(VisitView::elderMode);
        ScreenRecorder recorder = kiosk.recordTo(SCREENS.resolve("elder"));
        assertTrue(fontSize(".heading") / normal >= 1.5, "elder headings " + fontSize(".heading") + " px against " + normal + " px");
        assertTrue(fontSize(".tile-name") / normalTile >= 1.5, "elder tiles " + fontSize(".tile-name") + " px against " + normalTile);
        assertTrue(KioskUiFixture.fx(() -> kiosk.node("elder").getStyleClass().contains("on")), "the switch shows it is on");
        buttonsAreAtLeast72PixelsHigh();

        kiosk.click("service-" + FakeBackend.CERTIFICATE);
        kiosk.awaitStep(Step.IDENTIFY);
        buttonsAreAtLeast72PixelsHigh();
        kiosk.machine.cardPlaced(KioskUiFixture.CARD);
        kiosk.awaitStep(Step.SERVICE_GUIDE);
        buttonsAreAtLeast72PixelsHigh();
        kiosk.click("confirm");
        kiosk.awaitStep(Step.PREVIEW);
        buttonsAreAtLeast72PixelsHigh();
        kiosk.click("print");
        kiosk.awaitStep(Step.DONE);
        kiosk.click("continue");
        kiosk.awaitStep(Step.EVALUATE);
        buttonsAreAtLeast72PixelsHigh();
        assertTrue(fontSize(".heading") / normal >= 1.5, "elder mode lasts the visit");
        kiosk.click("exit");
        kiosk.awaitView(v -> v.step() == Step.IDLE && !v.elderMode());
        assertTrue(recorder.written().size() >= 6, "elder screens recorded: " + recorder.written());
    }

    private double fontSize(String styleClass) {
        return KioskUiFixture.fx(() -> ((Label) kiosk.window.scene().lookup(styleClass)).getFont().getSize());
    }

    private void buttonsAreAtLeast72PixelsHigh() {
        List<String> small = KioskUiFixture.fx(() -> {
            List<String> out = new ArrayList<>();
            walk(kiosk.window.scene().getRoot(), n -> {
                if (n instanceof ButtonBase b && b.isVisible() && b.getHeight() < 72) {
                    out.add(b.getId() + " " + b.getHeight());
                }
            });
            return out;
        });
        assertEquals(List.of(), small, "touch targets lower than 72 px");
    }

    private void noTextFields() {
        List<Node> fields = KioskUiFixture.fx(() -> {
            List<Node> out = new ArrayList<>();
            walk(kiosk.window.scene().getRoot(), n -> {
                if (n instanceof TextInputControl) {
                    out.add(n);
                }
            });
            return out;
        });
        assertEquals(List.of(), fields, "nothing on screen may open an on-screen keyboard");
    }

    private List<Image> imagesOnScreen() {
        return KioskUiFixture.fx(() -> {
            List<Image> out = new ArrayList<>();
            walk(kiosk.window.scene().getRoot(), n -> {
                if (n instanceof ImageView v && v.getImage() != null) {
                    out.add(v.getImage());
                }
            });
            return out;
        });
    }

    static void walk(Node n, Consumer<Node> visit) {
        visit.accept(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> walk(c, visit));
        }
    }

    private static boolean allZero(WritableImage image) {
        return KioskUiFixture.fx(() -> {
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] px = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
            for (int p : px) {
                if (p != 0) {
                    return false;
                }
            }
            return true;
        });
    }
}
