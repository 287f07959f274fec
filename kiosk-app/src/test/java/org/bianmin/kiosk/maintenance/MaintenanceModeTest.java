package org.bianmin.kiosk.maintenance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.kiosk.maintenance.MaintenanceView.KeypadNotice;
import org.bianmin.kiosk.maintenance.MaintenanceView.Page;
import org.bianmin.kiosk.maintenance.MaintenanceView.Phase;
import org.bianmin.kiosk.visit.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Into and out of maintenance mode, with no screen: the gesture and the PIN, the lockout, the technician code, the
 * idle timeout, and what is left afterwards (nothing). The kiosk's devices are the simulators.
 */
class MaintenanceModeTest {
    @TempDir
    Path dir;

    @Test
    void theGestureAndThePinOpenTheConsoleAndLeavingReturnsToIdleWithNothingLeft() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.tapTheCornerFiveTimes();
            MaintenanceView keypad = k.awaitView(v -> v.phase() == Phase.KEYPAD);
            assertTrue(keypad.pinSetUp());
            k.awaitStep(Step.MAINTENANCE);
            k.type(MaintenanceKiosk.PIN);
            assertEquals(5, k.awaitView(v -> v.pinDigits() == 5).pinDigits());
            k.mode.submitPin();
            MaintenanceView console = k.awaitView(v -> v.phase() == Phase.CONSOLE);
            assertTrue(k.mode.maintenanceActive());
            assertEquals(Page.DEVICES, console.page());
            assertEquals(List.of("id-card", "qr-scanner", "receipt-printer", "document-printer", "lights", "sensors"),
                    console.devices().stream().map(DeviceStatus::name).toList());

            k.mode.showDevice("receipt-printer");
            k.mode.run(DeviceAction.INTERNAL_CHECK);
            k.awaitView(v -> v.results().containsKey(DeviceAction.INTERNAL_CHECK));
            k.mode.show(Page.LOG);
            k.awaitView(v -> !v.logLines().isEmpty());
            k.mode.leave();

            MaintenanceView after = k.awaitView(v -> v.phase() == Phase.CLOSED);
            k.awaitStep(Step.IDLE);
            assertFalse(after.holdsTechnicianState(), after::toString);
            assertFalse(k.mode.maintenanceActive());
            k.tapTheCornerFiveTimes();
            MaintenanceView again = k.awaitView(v -> v.phase() == Phase.KEYPAD);
            assertEquals(0, again.pinDigits(), "a new keypad starts empty");
        }
    }

    @Test
    void fiveTapsSpreadOverMoreThanFourSecondsOpenNothing() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            Instant start = k.timer.now();
            for (int second : new int[] {0, 1, 2, 3, 5}) {
                k.timer.advance(second - (int) Duration.between(start, k.timer.now()).toSeconds());
                k.mode.cornerTapped();
                k.settle();
            }
            k.settle();
            assertEquals(Phase.CLOSED, k.mode.view().phase());
            assertEquals(Step.IDLE, k.machine.view().step());
        }
    }

    @Test
    void theGestureDuringAVisitOpensNothing() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.machine.wake();
            k.awaitStep(Step.HOME);

            k.tapTheCornerFiveTimes();
            k.settle();

            assertEquals(Phase.CLOSED, k.mode.view().phase());
            assertEquals(Step.HOME, k.machine.view().step());
        }
    }

    @Test
    void fiveWrongPinsLockPinEntryAcrossARestartUntilTheLockoutHasPassed() {
        Instant lockedUntil;
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.tapTheCornerFiveTimes();
            k.awaitView(v -> v.phase() == Phase.KEYPAD);
            for (int wrong = 1; wrong <= 4; wrong++) {
                k.type("1111");
                k.mode.submitPin();
                int left = 5 - wrong;
                MaintenanceView v = k.awaitView(x -> x.notice().map(n -> n.kind() == KeypadNotice.Kind.WRONG_PIN && n.triesLeft() == left)
                        .orElse(false));
                assertEquals(0, v.pinDigits(), "the keypad is cleared after each try");
            }
            k.type("2222");
            k.mode.submitPin();
            MaintenanceView locked = k.awaitView(v -> v.notice().map(n -> n.kind() == KeypadNotice.Kind.LOCKED).orElse(false));
            lockedUntil = locked.notice().get().until().orElseThrow();
            assertEquals(k.timer.now().plusSeconds(900), lockedUntil, "locked for lockout (15 minutes) from the fifth wrong PIN");

            k.type(MaintenanceKiosk.PIN);
            k.mode.submitPin();
            k.settle();
            assertEquals(Phase.KEYPAD, k.mode.view().phase(), "the right PIN is not even checked while locked");
            assertEquals(0, k.mode.view().pinDigits());
        }
        try (MaintenanceKiosk restarted = new MaintenanceKiosk(dir)) {
            assertTrue(restarted.lockStore().lockedAt(restarted.timer.now()), "the lock store read again is still locked");
            restarted.tapTheCornerFiveTimes();
            MaintenanceView keypad = restarted.awaitView(v -> v.phase() == Phase.KEYPAD);
            assertEquals(Optional.of(lockedUntil), keypad.notice().flatMap(KeypadNotice::until), "the keypad says until when");

            restarted.timer.advance(15 * 60);
            restarted.awaitView(v -> v.phase() == Phase.CLOSED);
            assertFalse(restarted.lockStore().lockedAt(restarted.timer.now()), "the lockout has passed");

            restarted.enterWithThePin();
            assertEquals(new PinLock.State(0, Optional.empty()), restarted.lockStore().state(), "a right PIN starts the count again");
        }
    }

    @Test
    void aTechnicianCodeTheBackendVouchesForLetsTheTechnicianInByName() throws Exception {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.simulators().scannerSimulator().scan(TechnicianBackend.CODE);

            MaintenanceView console = k.awaitView(v -> v.phase() == Phase.CONSOLE);
            assertEquals(Optional.of("王师傅"), console.technician());
            assertEquals(Step.MAINTENANCE, k.machine.view().step());
            assertTrue(k.backend.identifications.isEmpty(), "the code is never sent as an identification");
        }
    }

    @Test
    void anExpiredCodeIsRefusedWithTheBackendsReasonAndThePinStillWorks() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.machine.codeScanned(TechnicianBackend.EXPIRED_CODE);

            MaintenanceView refused = k.awaitView(v -> v.notice().map(n -> n.kind() == KeypadNotice.Kind.CODE_REFUSED).orElse(false));
            assertEquals(Optional.of("this technician code expired at 2026-11-25 08:00"), refused.notice().get().detail());
            assertEquals(Phase.KEYPAD, refused.phase());

            k.type(MaintenanceKiosk.PIN);
            k.mode.submitPin();
            k.awaitView(v -> v.phase() == Phase.CONSOLE);
        }
    }

    @Test
    void withNoPinSetTheKeypadSaysSoTakesNoDigitsAndACodeStillLetsTheTechnicianIn() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir, Optional.empty())) {
            k.tapTheCornerFiveTimes();
            MaintenanceView keypad = k.awaitView(v -> v.phase() == Phase.KEYPAD);
            assertEquals(KeypadNotice.Kind.NOT_SET_UP, keypad.notice().orElseThrow().kind());
            k.type("1234");
            k.settle();
            assertEquals(0, k.mode.view().pinDigits());

            k.machine.codeScanned(TechnicianBackend.CODE);
            k.awaitView(v -> v.phase() == Phase.CONSOLE);
        }
    }

    @Test
    void noVisitStartsWhileInMaintenanceWhateverTheCardReaderScannerOrPresenceSensorSee() throws Exception {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.enterWithThePin();

            k.simulators().idCardSimulator().placeCard(CardFixtures.resident());
            await().until(() -> k.machine.view().cardOnReader());
            k.simulators().scannerSimulator().scan("ESSC1:someone");
            k.devices.gpioSimulator().orElseThrow().personArrives();
            k.machine.touch();
            k.settle();

            assertEquals(Step.MAINTENANCE, k.machine.view().step());
            assertEquals(0, k.machine.view().visit());
            assertTrue(k.backend.identifications.isEmpty(), "nothing was identified");
            k.devices.gpioSimulator().orElseThrow().personLeaves();
        }
    }

    @Test
    void maintenanceLeavesByItselfAfterTheIdleTimeoutWithoutATouch() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.enterWithThePin();
            k.timer.advance(200);
            k.mode.touch();
            k.settle();
            k.timer.advance(299);
            k.settle();
            assertEquals(Phase.CONSOLE, k.mode.view().phase(), "a touch started the five minutes again");
            assertEquals(1, k.mode.view().idleSecondsLeft());

            k.timer.advance(1);

            k.awaitView(v -> v.phase() == Phase.CLOSED);
            k.awaitStep(Step.IDLE);
        }
    }

    @Test
    void theGpioPanelListsEachDeviceThatHasARelayAndPowerCyclesTheOnesWired() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.enterWithThePin();
            k.mode.show(Page.GPIO);
            MaintenanceView gpio = k.awaitView(v -> v.gpio().isPresent());

            assertEquals(List.of("id-card", "qr-scanner", "receipt-printer", "document-printer"),
                    gpio.power().stream().map(MaintenanceView.PowerRow::device).toList());
            assertEquals(Optional.empty(), gpio.power().get(2).unavailable());
            assertEquals(Optional.of("no-relay"), gpio.power().get(1).unavailable());
            k.mode.powerCycle("receipt-printer");
            MaintenanceView after = k.awaitView(v -> v.power().size() == 4 && v.power().get(2).last().isPresent());
            assertEquals("power.cycled", after.power().get(2).last().get().key());
        }
    }

    @Test
    void aKeypadLeftUnusedClosesAndTheKioskServesCitizensAgain() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.tapTheCornerFiveTimes();
            k.awaitView(v -> v.phase() == Phase.KEYPAD);

            k.timer.advance(60);

            k.awaitView(v -> v.phase() == Phase.CLOSED);
            k.awaitStep(Step.IDLE);
        }
    }

    @Test
    void everyEntryActionAndExitIsAuditedAndThePinReachesNoLog() {
        try (LogCapture logs = new LogCapture(); MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.tapTheCornerFiveTimes();
            k.awaitView(v -> v.phase() == Phase.KEYPAD);
            k.type("86420");
            k.mode.submitPin();
            k.awaitView(v -> v.notice().isPresent());
            k.type(MaintenanceKiosk.PIN);
            k.mode.submitPin();
            k.awaitView(v -> v.phase() == Phase.CONSOLE);
            k.mode.showDevice("receipt-printer");
            k.mode.run(DeviceAction.STATUS);
            k.awaitView(v -> v.results().containsKey(DeviceAction.STATUS));
            k.mode.leave();
            k.awaitView(v -> v.phase() == Phase.CLOSED);
            k.settle();

            List<String> audit = logs.audit();
            assertTrue(audit.stream().anyMatch(l -> l.contains("entry refused: PIN: wrong PIN; 4 more")), audit::toString);
            assertTrue(audit.stream().anyMatch(l -> l.contains("entered: by PIN on the keypad")), audit::toString);
            assertTrue(audit.stream().anyMatch(l -> l.contains("action: receipt-printer status: ok")), audit::toString);
            assertTrue(audit.stream().anyMatch(l -> l.contains("left: by the technician")), audit::toString);
            for (String line : logs.lines()) {
                assertFalse(line.contains(MaintenanceKiosk.PIN) || line.contains("86420"), () -> "a PIN in the log: " + line);
                assertFalse(line.contains(MaintenanceKiosk.HASH.encoded().split("\\$")[3]), () -> "the PIN hash in the log: " + line);
            }
        }
    }

    @Test
    void aTechnicianCodeEntryIsAuditedWithWhoseItIsButNeverTheCode() {
        try (LogCapture logs = new LogCapture(); MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            k.machine.codeScanned(TechnicianBackend.CODE);
            k.awaitView(v -> v.phase() == Phase.CONSOLE);
            k.timer.advance(300);
            k.awaitView(v -> v.phase() == Phase.CLOSED);
            k.settle();

            assertTrue(logs.audit().stream().anyMatch(l -> l.contains("entered: by technician code for 王师傅")), logs.audit()::toString);
            assertTrue(logs.audit().stream().anyMatch(l -> l.contains("left: no touch for 300 s")), logs.audit()::toString);
            assertTrue(logs.lines().stream().noneMatch(l -> l.contains(TechnicianBackend.CODE.substring(8))), "the code reached a log");
        }
    }
}
