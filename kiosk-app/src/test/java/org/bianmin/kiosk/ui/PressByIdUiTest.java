package org.bianmin.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pressing by id, as the headless demo and the session benchmark drive the window, with no pulse in between. */
class PressByIdUiTest {
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
    void aTileIsPressedRightAfterItsScreenIsBuiltBeforeAnyPulseHasSkinnedItsScrollPane() {
        VisitView idle = kiosk.adapter.rendered();
        kiosk.machine.wake();
        VisitView home = kiosk.awaitStep(Step.HOME);

        boolean pressed = KioskUiFixture.fx(() -> {
            kiosk.window.render(idle);
            kiosk.window.render(home);
            return kiosk.window.press("service-" + FakeBackend.CERTIFICATE);
        });

        assertTrue(pressed, "the tile inside the freshly built home screen was found and pressed");
        kiosk.awaitStep(Step.IDENTIFY);
    }
}
