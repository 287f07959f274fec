package org.bianmin.kiosk.maintenance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bianmin.device.gpio.Light;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.link.TracingLink.Direction;
import org.bianmin.device.printer.TestReceipts;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.kiosk.devices.LinkTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each device action of the technician's device pages against the byte-exact simulators, as the kiosk runs them (the
 * card reader polling, the scanner listening): what the technician sees, and what the simulators received.
 */
class DeviceActionsTest {
    static final String NAME = "测试用户甲";
    static final String NUMBER = "110105194910010015";
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void readingATestCardShowsOnlyTheMaskedNameAndNumber() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            CompletableFuture<CheckResult> read = k.deviceView.run("id-card", DeviceAction.EXTERNAL_CHECK, WAIT);
            k.simulators().idCardSimulator().placeCard(CardFixtures.resident());

            CheckResult r = read.join();

            assertTrue(r.ok(), r::summary);
            assertEquals("card.read", r.key());
            assertEquals(List.of("测***甲", "110105********0015", "居民身份证"), r.args());
            assertFalse(r.summary().contains(NAME) || r.summary().contains(NUMBER), r::summary);
        }
    }

    @Test
    void withNoCardPlacedTheReadTestSaysSoAfterItsWait() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            CheckResult r = k.deviceView.run("id-card", DeviceAction.EXTERNAL_CHECK, Duration.ofMillis(300)).join();

            assertFalse(r.ok());
            assertEquals("card.none", r.key());
            assertEquals(Optional.of("IDC-01"), r.errorCode());
        }
    }

    @Test
    void theTestReceiptIsPrintedAndTheSimulatorDecodesIt() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            CheckResult r = k.deviceView.run("receipt-printer", DeviceAction.EXTERNAL_CHECK, WAIT).join();

            assertTrue(r.ok(), r::summary);
            List<PrintedReceipt> printed = k.simulators().printerSimulator().receipts();
            assertEquals(1, printed.size());
            assertTrue(printed.getFirst().text().contains(TestReceipts.TITLE), printed.getFirst().text());
            assertTrue(printed.getFirst().cut());
            assertEquals(1, k.deviceView.devices().stream().filter(d -> d.name().equals("receipt-printer")).findFirst().orElseThrow()
                    .counters().getOrDefault("receipts", 0L));
        }
    }

    @Test
    void theScanTestShowsTheCodeAndMasksAnIdNumberInIt() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            CheckResult plain = scan(k, "EBL1:synthetic-e-business-licence");
            assertEquals(List.of("EBL1:synthetic-e-business-licence", "UNKNOWN"), plain.args());

            CheckResult withNumber = scan(k, "ID:" + NUMBER);
            assertEquals("ID:110105********0015", withNumber.args().getFirst());
        }
    }

    private static CheckResult scan(MaintenanceKiosk k, String code) {
        CompletableFuture<CheckResult> f = k.deviceView.run("qr-scanner", DeviceAction.EXTERNAL_CHECK, WAIT);
        // the scan session starts on the scanner's own thread: show the code until it has been seen
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            k.simulators().scannerSimulator().scan(code);
            return f.isDone();
        });
        CheckResult r = f.join();
        assertTrue(r.ok(), r::summary);
        return r;
    }

    @Test
    void theStatusReadsPaperAndCoverAndPaperLowMakesThePrinterNeedAttention() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            assertEquals(List.of("ok", "closed"), k.deviceView.run("receipt-printer", DeviceAction.STATUS, WAIT).join().args());

            k.simulators().printerSimulator().paperNearEnd();
            CheckResult low = k.deviceView.run("receipt-printer", DeviceAction.STATUS, WAIT).join();

            assertEquals(List.of("low", "closed"), low.args());
            DeviceStatus printer = k.deviceView.devices().stream().filter(d -> d.name().equals("receipt-printer")).findFirst().orElseThrow();
            assertEquals(DeviceStatus.Health.WARNING, printer.health());
            assertEquals(Optional.of(DeviceStatus.Paper.LOW), printer.paper());

            k.simulators().printerSimulator().openCover();
            CheckResult open = k.deviceView.run("receipt-printer", DeviceAction.STATUS, WAIT).join();
            assertFalse(open.ok());
            assertEquals(Optional.of("PRN-03"), open.errorCode());
        }
    }

    @Test
    void theInternalCheckAsksEachSerialDeviceWithoutPaperOrCard() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            for (String device : List.of("id-card", "qr-scanner", "receipt-printer")) {
                CheckResult r = k.deviceView.run(device, DeviceAction.INTERNAL_CHECK, WAIT).join();
                assertTrue(r.ok(), r::summary);
            }
            assertTrue(k.simulators().printerSimulator().receipts().isEmpty(), "no paper moved");
        }
    }

    @Test
    void theTraceShowsTheCardReadsFramesAndWithholdsTheTextAndPhoto() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            CompletableFuture<CheckResult> read = k.deviceView.run("id-card", DeviceAction.EXTERNAL_CHECK, WAIT);
            k.simulators().idCardSimulator().placeCard(CardFixtures.resident());
            assertTrue(read.join().ok());

            List<LinkTrace.Line> trace = k.deviceView.trace("id-card");

            assertTrue(trace.stream().anyMatch(l -> l.direction() == Direction.TX && l.hex().equals("AA AA AA 96 69 00 03 30 01 32")
                    || l.hex().equals("AA AA AA 96 69 00 03 30 10 23")), "the read command is shown whole");
            LinkTrace.Line reply = trace.stream().filter(l -> l.withheld() > 0).findFirst().orElseThrow(() -> new AssertionError(trace));
            assertTrue(reply.hex().startsWith("AA AA AA 96 69"), reply::toString);
            assertTrue(reply.withheldWhat().startsWith("text 256 B, photo 1024 B"), reply::toString);
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            trace.forEach(l -> shown.writeBytes(l.shown()));
            byte[] all = shown.toByteArray();
            for (byte[] secret : List.of(NAME.getBytes(StandardCharsets.UTF_16LE), NUMBER.getBytes(StandardCharsets.UTF_16LE),
                    "110105".getBytes(StandardCharsets.UTF_16LE), NUMBER.getBytes(StandardCharsets.US_ASCII))) {
                assertFalse(contains(all, secret), "the trace holds card data");
            }
        }
    }

    @Test
    void theGpioPanelLightsTheGuideLightAndSeesTheDoorOpen() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            assertFalse(k.devices.gpioSimulator().orElseThrow().guideLightLit());

            k.deviceView.setLight(Light.GUIDE, true);

            await().atMost(WAIT).until(() -> k.devices.gpioSimulator().orElseThrow().guideLightLit());
            assertTrue(k.deviceView.gpio().guideLight());
            assertFalse(k.deviceView.gpio().doorOpen());
            k.devices.gpioSimulator().orElseThrow().openDoor();
            await().atMost(WAIT).until(() -> k.deviceView.gpio().doorOpen());
            k.deviceView.setLight(Light.GUIDE, false);
            await().atMost(WAIT).until(() -> !k.devices.gpioSimulator().orElseThrow().guideLightLit());
            k.devices.gpioSimulator().orElseThrow().closeDoor();
        }
    }

    @Test
    void powerCyclingIsRefusedWithTheReasonWhereNoRelayIsWiredAndDoneThroughTheRelayWhereOneIs() {
        try (MaintenanceKiosk k = new MaintenanceKiosk(dir)) {
            assertEquals(Optional.of("no-relay"), k.deviceView.powerCycleUnavailable("qr-scanner"));
            CheckResult refused = k.deviceView.run("qr-scanner", DeviceAction.POWER_CYCLE, WAIT).join();
            assertFalse(refused.ok());
            assertEquals("power.unavailable", refused.key());

            assertEquals(Optional.empty(), k.deviceView.powerCycleUnavailable("receipt-printer"));
            CheckResult cycled = k.deviceView.run("receipt-printer", DeviceAction.POWER_CYCLE, WAIT).join();
            assertTrue(cycled.ok(), cycled.summary());
            assertEquals("power.cycled", cycled.key());
            assertEquals(1L, k.deviceView.devices().stream().filter(d -> d.name().equals("receipt-printer")).findFirst().orElseThrow()
                    .counters().get("power-cycles"));
        }
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
