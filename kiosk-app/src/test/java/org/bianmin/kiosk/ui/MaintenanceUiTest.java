package org.bianmin.kiosk.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.kiosk.maintenance.DeviceAction;
import org.bianmin.kiosk.maintenance.MaintenanceView.Phase;
import org.bianmin.kiosk.visit.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The technician's screens on the headless screen, clicked as a finger would: the idle screen's hidden corner, the
 * keypad (dots, never digits), the console's device pages against the simulators, the GPIO panel on the mock pins, the
 * bundle saved to a stick, and the idle screen again with nothing of the technician's left.
 */
class MaintenanceUiTest {
    @TempDir
    Path dir;

    @Test
    void fiveTapsInTheCornerAndThePinOpenTheConsoleAndLeavingShowsTheIdleScreenWithNothingLeft() {
        try (MaintenanceUiFixture k = new MaintenanceUiFixture(dir)) {
            for (int i = 0; i < 4; i++) {
                k.click("maintenance-corner");
            }
            assertEquals(Step.IDLE, k.machine.view().step(), "taps in the corner start no visit");
            k.click("maintenance-corner");
            k.awaitMaintenance(v -> v.phase() == Phase.KEYPAD);
            assertTrue(k.has("maintenance-keypad"));
            assertFalse(k.has("exit"), "the citizen's header controls are gone");

            for (char c : MaintenanceUiFixture.PIN.toCharArray()) {
                k.click("key-" + c);
            }
            k.awaitMaintenance(v -> v.pinDigits() == 4);
            assertEquals("●●●●", k.text("pin-dots"));
            k.screenshot("01-keypad");
            assertTrue(k.labels().stream().noneMatch(l -> l.contains(MaintenanceUiFixture.PIN)), "the PIN is never on screen");
            k.click("key-ok");
            k.awaitMaintenance(v -> v.phase() == Phase.CONSOLE);
            assertTrue(k.text("maintenance-console").contains("凭维护密码进入"));
            for (String device : List.of("id-card", "qr-scanner", "receipt-printer", "document-printer", "lights", "sensors")) {
                assertTrue(k.has("device-" + device), device);
            }
            k.screenshot("02-devices");

            k.click("device-receipt-printer");
            k.awaitMaintenance(v -> v.device().isPresent());
            k.click("action-external");
            k.awaitMaintenance(v -> v.results().containsKey(DeviceAction.EXTERNAL_CHECK));
            assertTrue(k.text("result-action-external").contains("测试凭条已打印"), k.text("result-action-external"));
            k.screenshot("03-receipt-printer");
            assertEquals(1, k.simulators().printerSimulator().receipts().size());

            k.click("maintenance-leave");
            k.awaitStep(Step.IDLE);
            k.awaitMaintenance(v -> v.phase() == Phase.CLOSED);
            assertTrue(k.has("idle") && k.has("maintenance-corner"));
            List<String> shown = k.labels();
            assertTrue(shown.stream().noneMatch(l -> l.contains("测试凭条") || l.contains("维护")), shown::toString);
        }
    }

    @Test
    void fiveWrongPinsLockTheKeypadAndItSaysUntilWhen() {
        try (MaintenanceUiFixture k = new MaintenanceUiFixture(dir)) {
            k.tapTheCornerFiveTimes();
            k.awaitMaintenance(v -> v.phase() == Phase.KEYPAD);
            for (int wrong = 1; wrong <= 5; wrong++) {
                for (int i = 0; i < 4; i++) {
                    k.click("key-1");
                }
                k.click("key-ok");
                int left = 5 - wrong;
                k.awaitMaintenance(v -> v.notice().isPresent() && (left == 0 || v.notice().get().triesLeft() == left));
            }

            assertTrue(k.text("keypad-notice").contains("已锁定至 2026-06-01 10:15"), k.text("keypad-notice"));
            assertTrue(k.disabled("key-1") && k.disabled("key-ok"), "no digits while locked");
            k.screenshot("04-keypad-locked");
        }
    }

    @Test
    void aTechnicianCodeShownAtTheScannerOpensTheConsoleWithTheTechniciansName() throws Exception {
        try (MaintenanceUiFixture k = new MaintenanceUiFixture(dir)) {
            k.simulators().scannerSimulator().scan(FakeBackend.TECHNICIAN_CODE);

            k.awaitMaintenance(v -> v.phase() == Phase.CONSOLE);

            assertTrue(k.text("maintenance-console").contains("技术员：王师傅"));
        }
    }

    @Test
    void theIdCardPageReadsATestCardMaskedAndItsTraceWithholdsTheCardData() {
        try (MaintenanceUiFixture k = new MaintenanceUiFixture(dir)) {
            k.tapTheCornerFiveTimes();
            enter(k);
            k.click("device-id-card");
            k.awaitMaintenance(v -> v.device().isPresent());
            assertFalse(k.disabled("action-power"), "the demo profile wires a relay to the ID card reader");

            k.click("action-external");
            k.awaitMaintenance(v -> v.running().contains(DeviceAction.EXTERNAL_CHECK));
            assertTrue(k.text("result-action-external").contains("请在读卡区放置测试身份证"));
            k.simulators().idCardSimulator().placeCard(CardFixtures.resident());
            k.awaitMaintenance(v -> v.results().containsKey(DeviceAction.EXTERNAL_CHECK));

            assertEquals("读卡成功：居民身份证 测***甲 110105********0015", k.text("result-action-external"));
            k.click("trace-refresh");
            k.awaitMaintenance(v -> v.trace().stream().anyMatch(l -> l.withheld() > 0));
            String trace = k.text("trace");
            assertTrue(trace.contains("AA AA AA 96 69") && trace.contains("已隐去 1280 字节：text 256 B, photo 1024 B"), trace);
            k.screenshot("05-id-card-trace");
            assertTrue(k.labels().stream().noneMatch(l -> l.contains("测试用户甲") || l.contains("110105194910010015")));
        }
    }

    @Test
    void theGpioPanelLightsTheGuideLightOnTheMockPinsAndShowsTheDoorLive() {
        try (MaintenanceUiFixture k = new MaintenanceUiFixture(dir)) {
            k.tapTheCornerFiveTimes();
            enter(k);
            k.click("nav-gpio");
            k.awaitMaintenance(v -> v.gpio().isPresent());
            assertEquals("机柜门：关闭", k.text("sensor-door"));

            k.click("light-guide-on");
            await().atMost(Duration.ofSeconds(10)).until(() -> k.devices.gpioSimulator().orElseThrow().guideLightLit());
            k.devices.gpioSimulator().orElseThrow().openDoor();
            await().atMost(Duration.ofSeconds(10)).until(() -> k.deviceView.gpio().doorOpen());
            k.maintenanceTimer.advance(1);
            k.awaitMaintenance(v -> v.gpio().map(g -> g.doorOpen() && g.guideLight()).orElse(false));
            assertEquals("机柜门：打开", k.text("sensor-door"));
            k.screenshot("06-gpio");
            assertTrue(k.deviceView.gpio().tamperAlarm(), "the opened door latched the alarm");
            k.devices.gpioSimulator().orElseThrow().closeDoor();
            await().atMost(Duration.ofSeconds(10)).until(() -> !k.deviceView.gpio().doorOpen());
            k.click("tamper-ack");
            await().atMost(Duration.ofSeconds(10)).until(() -> !k.deviceView.gpio().tamperAlarm());
            k.awaitMaintenance(v -> v.gpio().map(g -> !g.tamperAlarm()).orElse(false));
            assertFalse(k.has("tamper-ack"), "no alarm left to acknowledge");
            assertTrue(k.text("light-guide-state").endsWith("亮"));
            assertFalse(k.disabled("power-receipt-printer") || k.disabled("power-id-card"), "relays are wired to these two");
            assertTrue(k.disabled("power-qr-scanner"));
            assertTrue(k.text("power-reason-qr-scanner").contains("此设备未接继电器"), k.text("power-reason-qr-scanner"));

            k.click("maintenance-leave");
            k.awaitStep(Step.IDLE);
            await().atMost(Duration.ofSeconds(10)).until(() -> !k.devices.gpioSimulator().orElseThrow().guideLightLit());
            k.devices.gpioSimulator().orElseThrow().closeDoor();
        }
    }

    @Test
    void theBundleIsSavedToTheStickChosenFromTheListAndSaysWhereAndHowBig() throws Exception {
        try (MaintenanceUiFixture k = new MaintenanceUiFixture(dir)) {
            k.tapTheCornerFiveTimes();
            enter(k);
            k.click("nav-versions");
            k.awaitMaintenance(v -> v.versions().isPresent());
            assertEquals("软件版本：0.1.0-test", k.text("version-app"));
            assertEquals("终端编号：demo-kiosk-01", k.text("version-kiosk"));
            k.click("nav-log");
            k.awaitMaintenance(v -> !v.logLines().isEmpty());
            assertTrue(k.text("log-lines").contains("kiosk demo-kiosk-01 started"));

            k.click("nav-bundle");
            k.awaitMaintenance(v -> !v.volumes().isEmpty());
            assertTrue(k.text("volume-0").contains(k.volume.toString()) && k.text("volume-0").contains("3.0 GB"), k.text("volume-0"));
            k.click("volume-0");
            k.awaitMaintenance(v -> v.bundle().isPresent());

            Path saved;
            try (var files = Files.list(k.volume)) {
                saved = files.findFirst().orElseThrow();
            }
            assertTrue(saved.getFileName().toString().matches("bianmin-diag-demo-kiosk-01-\\d{8}-\\d{6}\\.zip"), saved.toString());
            String outcome = k.text("bundle-outcome");
            assertTrue(outcome.contains("已保存到 " + saved) && outcome.contains("KB"), outcome);

            k.click("bundle-upload");
            k.awaitMaintenance(v -> v.bundle().flatMap(b -> b.uploadedAs()).isPresent());
            assertTrue(k.text("bundle-outcome").contains("已上传，编号 bundle-1"), k.text("bundle-outcome"));
        }
    }

    private static void enter(MaintenanceUiFixture k) {
        k.awaitMaintenance(v -> v.phase() == Phase.KEYPAD);
        for (char c : MaintenanceUiFixture.PIN.toCharArray()) {
            k.mode.digit(c - '0');
        }
        k.mode.submitPin();
        k.awaitMaintenance(v -> v.phase() == Phase.CONSOLE);
    }
}
