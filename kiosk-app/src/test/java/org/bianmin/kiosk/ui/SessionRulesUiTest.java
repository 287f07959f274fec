package org.bianmin.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.event.Event;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCombination;
import javafx.stage.StageStyle;
import javafx.stage.WindowEvent;
import org.bianmin.device.DeviceError;
import org.bianmin.kiosk.visit.Availability;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session rules as the citizen sees them: countdown and more time, Exit, the lifted card, hints, no way out. */
class SessionRulesUiTest {
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

    @Test
    void theCountdownWarnsInWordsAndMoreTimeGivesTheScreenItsFullTimeBack() {
        kiosk.press("idle");
        VisitView home = kiosk.awaitStep(Step.HOME);
        assertEquals("本页还剩 60 秒", kiosk.text("countdown"));
        assertFalse(styled("countdown-bar", "warning"));

        kiosk.timer.advance(home.secondsTotal() - 15);
        kiosk.awaitView(VisitView::warning);
        assertTrue(styled("countdown-bar", "warning"), "the bar turns to a warning");
        assertEquals("还剩 15 秒，需要更多时间吗？", kiosk.text("countdown"), "and says so in words");
        assertEquals("延长时间", kiosk.text("more-time"));

        kiosk.click("more-time");
        kiosk.awaitView(v -> !v.warning() && v.secondsLeft() == home.secondsTotal());
        assertFalse(styled("countdown-bar", "warning"));
        assertEquals("本页还剩 60 秒", kiosk.text("countdown"));

        kiosk.timer.advance(home.secondsTotal());
        kiosk.awaitStep(Step.IDLE);
        assertFalse(kiosk.has("countdown-bar"), "the attract screen has no countdown");
    }

    @Test
    void exitEndsTheVisitAndIsNotOfferedWhileTheKioskPrints() {
        kiosk.toCertificateGuide();
        assertTrue(kiosk.has("exit"));
        kiosk.printing.completeAtOnce = false;
        kiosk.press("confirm");
        kiosk.awaitStep(Step.PREVIEW);
        kiosk.press("print");
        kiosk.awaitStep(Step.PRINT);
        assertFalse(kiosk.has("exit"), "no Exit while printing");
        assertFalse(kiosk.has("countdown-bar"), "no countdown to extend while the kiosk itself works");
        assertEquals("正在打印", kiosk.text("print-DOCUMENT-phase"));
        kiosk.printing.finish();
        kiosk.awaitStep(Step.DONE);
        assertTrue(kiosk.has("exit"));
        kiosk.click("exit");
        VisitView idle = kiosk.awaitStep(Step.IDLE);
        assertEquals(0, idle.visit());
        assertTrue(idle.identity().isEmpty());
    }

    @Test
    void liftingTheCardEndsTheVisitFromTheGuide() {
        kiosk.toCertificateGuide();
        kiosk.machine.cardRemoved();
        kiosk.awaitStep(Step.IDLE);
        assertTrue(kiosk.labels().contains("请触摸屏幕或放置身份证开始"));
    }

    @Test
    void aHintSaysInPlainWordsWhatTheCitizenCanFix() {
        kiosk.press("idle");
        kiosk.awaitStep(Step.HOME);
        kiosk.press("service-" + FakeBackend.CERTIFICATE);
        kiosk.awaitStep(Step.IDENTIFY);
        assertTrue(kiosk.has("identify-card") && kiosk.has("identify-qr"), "the certificate takes the card or a QR code");
        kiosk.machine.cardFailed(DeviceError.CARD_READ_FAILED);
        kiosk.awaitView(v -> v.hint().isPresent());
        assertTrue(kiosk.labels().contains("读卡失败，请重新放置身份证。"));
        kiosk.press("back");
        kiosk.awaitView(v -> v.step() == Step.HOME && v.hint().isEmpty());
        assertFalse(kiosk.has("hint"), "a hint lasts one screen");
    }

    @Test
    void servicesThatCannotBeServedStayOnScreenGreyedWithTheReasonInWords() {
        kiosk.machine.devicesChanged(new Availability(true, true, false, true));
        kiosk.press("idle");
        kiosk.awaitView(v -> v.step() == Step.HOME && !v.services().isEmpty() && !v.services().get(0).available());
        assertTrue(KioskUiFixture.fx(() -> kiosk.node("service-" + FakeBackend.CERTIFICATE).isDisabled()));
        assertTrue(kiosk.labels().contains("暂停办理：打印机维护中"));
        assertTrue(kiosk.has("devices-out"), "Home names the required device that is out");
        assertTrue(kiosk.labels().contains("文件打印机维护中，事项暂停办理，恢复后将自动开放。"), () -> kiosk.labels().toString());

        kiosk.machine.devicesChanged(Availability.all());
        kiosk.awaitView(v -> v.devicesOut().isEmpty());
        assertFalse(kiosk.has("devices-out"), "the notice goes when the device is back");
        kiosk.backend.setOnline(false);
        kiosk.awaitView(v -> !v.backendOnline());
        assertTrue(kiosk.has("backend-offline"));
        assertTrue(kiosk.labels().contains("暂停办理：平台连接中断"));
        kiosk.backend.setOnline(true);
        kiosk.awaitView(v -> v.backendOnline() && v.services().stream().allMatch(t -> t.available()));
        assertFalse(kiosk.has("backend-offline"), "the banner goes when the platform is back");
        assertFalse(KioskUiFixture.fx(() -> kiosk.node("service-" + FakeBackend.CERTIFICATE).isDisabled()));
    }

    @Test
    void theWindowOffersNoWayOutToTheDesktop() {
        KioskUiFixture.fx(() -> {
            assertEquals(StageStyle.UNDECORATED, kiosk.window.stage().getStyle());
            assertTrue(kiosk.window.stage().isFullScreen());
            assertEquals(KeyCombination.NO_MATCH, kiosk.window.stage().getFullScreenExitKeyCombination());

            WindowEvent close = new WindowEvent(kiosk.window.stage(), WindowEvent.WINDOW_CLOSE_REQUEST);
            Event.fireEvent(kiosk.window.stage(), close);
            assertTrue(close.isConsumed(), "a close request is refused");
            assertTrue(kiosk.window.stage().isShowing());

            List<Event> reached = new ArrayList<>();
            kiosk.window.scene().getRoot().addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, reached::add);
            Event.fireEvent(kiosk.window.scene().getRoot(), new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    10, 10, 10, 10, false, null));
            assertEquals(List.of(), reached, "no context menu request reaches the screens");
            return null;
        });
    }

    private static boolean styled(String id, String styleClass) {
        return KioskUiFixture.fx(() -> kiosk.node(id).getStyleClass().contains(styleClass));
    }
}
