package org.bianmin.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bianmin.config.DeviceSettings;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.printer.PrinterEvent;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.kiosk.devices.DeviceHealth.Health;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New device settings taken while the kiosk runs: only the devices whose settings changed are closed and opened again,
 * the others keep running untouched; followers of a device's events follow the new driver; the supervisor watches the
 * new driver afresh and the others as they were; settings that cannot run touch nothing.
 */
class DevicesReopenedWithNewSettingsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private KioskDevices devices;
    private DeviceSupervisor supervisor;

    /** Every device simulated, GPIO on the mock pins with a relay on the card reader. */
    private DeviceSettings settings(int width, boolean printerRequired, int cardRelayPin, boolean scannerSimulated) {
        return KioskConfigLoader.parse("""
                devices:
                  idCard:
                    simulated: true
                  qrScanner:
                    simulated: %s
                  receiptPrinter:
                    simulated: true
                    required: %s
                    width: %d
                  documentPrinter:
                    simulated: true
                    queue: "spool:%s"
                  gpio:
                    enabled: true
                    simulated: true
                    relays:
                      idCard: %d
                  recovery:
                    powerOff: 1
                """.formatted(scannerSimulated, printerRequired, width, dir.resolve("printed").toAbsolutePath(), cardRelayPin)).devices();
    }

    private void open(DeviceSettings s) throws DeviceException {
        devices = KioskDevices.open(s, dir.resolve("state"), new KioskDevices.SimulationOutput(Optional.empty(), IdCardSimulator.Timing.FAST));
        supervisor = new DeviceSupervisor(devices.watched(), devices.powerRelay(), SimulatedKiosk.QUICK);
    }

    /** What the kiosk does between visits: the devices take the settings, the supervisor watches what they left. */
    private Set<String> apply(DeviceSettings next) throws Exception {
        Set<String> reopened = devices.apply(next);
        supervisor.rewatch(new DeviceSupervisor.Change(reopened, devices.watched(), devices.powerRelay(), SimulatedKiosk.QUICK));
        supervisor.check(reopened).get(30, TimeUnit.SECONDS);
        return reopened;
    }

    @AfterEach
    void close() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void aNewPaperWidthReopensOnlyTheReceiptPrinterAndEveryOtherDeviceRunsOnUntouched() throws Exception {
        open(settings(80, true, 6, true));
        var reader = devices.reader().orElseThrow();
        var scanner = devices.scanner().orElseThrow();
        var printer = devices.receiptPrinter().orElseThrow();
        var a4 = devices.documentPrinter();
        var lights = devices.indicators().orElseThrow();
        var sensors = devices.sensors().orElseThrow();
        var relay = devices.powerRelay().orElseThrow();
        var simulators = devices.simulators().orElseThrow();
        var cardSimulator = simulators.idCardSimulator();

        assertEquals(Set.of("receipt-printer"), devices.reopenedBy(settings(58, true, 6, true)));
        Set<String> reopened = apply(settings(58, true, 6, true));

        assertEquals(Set.of("receipt-printer"), reopened);
        assertNotSame(printer, devices.receiptPrinter().orElseThrow(), "a new driver for the 58 mm roll");
        assertEquals(PrinterProfile.MM58, simulators.printerSimulator().profile());
        assertSame(reader, devices.reader().orElseThrow());
        assertSame(cardSimulator, simulators.idCardSimulator(), "the card reader's simulator keeps running");
        assertSame(scanner, devices.scanner().orElseThrow());
        assertSame(a4, devices.documentPrinter());
        assertSame(lights, devices.indicators().orElseThrow());
        assertSame(sensors, devices.sensors().orElseThrow());
        assertSame(relay, devices.powerRelay().orElseThrow());
        assertEquals(58, devices.settings().receiptPrinter().width().millimetres());
        assertTrue(supervisor.health("receipt-printer").orElseThrow().usable(), "checked as it was reopened");
    }

    @Test
    void requiredFlagsAloneReopenNoDeviceAndTheSupervisorWatchesWithTheNewFlags() throws Exception {
        open(settings(80, true, 6, true));
        var printer = devices.receiptPrinter().orElseThrow();
        assertTrue(supervisor.health("receipt-printer").orElseThrow().required());

        assertEquals(Set.of(), devices.reopenedBy(settings(80, false, 6, true)));
        assertEquals(Set.of(), apply(settings(80, false, 6, true)));

        assertSame(printer, devices.receiptPrinter().orElseThrow());
        assertFalse(supervisor.health("receipt-printer").orElseThrow().required());
        assertFalse(devices.watched().stream().filter(w -> w.name().equals("receipt-printer")).findFirst().orElseThrow().required());
    }

    @Test
    void aRelayMovedToAnotherPinReopensTheLightsSensorsAndRelayButNoSerialDevice() throws Exception {
        open(settings(80, true, 6, true));
        var reader = devices.reader().orElseThrow();
        var printer = devices.receiptPrinter().orElseThrow();
        var lights = devices.indicators().orElseThrow();
        var relay = devices.powerRelay().orElseThrow();

        Set<String> reopened = apply(settings(80, true, 13, true));

        assertEquals(Set.of("lights", "sensors"), reopened);
        assertNotSame(lights, devices.indicators().orElseThrow());
        assertNotSame(relay, devices.powerRelay().orElseThrow(), "the relay is part of the GPIO");
        assertSame(reader, devices.reader().orElseThrow());
        assertSame(printer, devices.receiptPrinter().orElseThrow());
        assertTrue(supervisor.health("lights").orElseThrow().usable());
        var cycled = supervisor.powerCycle("id-card").get(30, TimeUnit.SECONDS);
        assertTrue(cycled.usable(), "the supervisor power-cycles through the new relay: " + cycled);
        assertEquals(1, devices.powerRelay().orElseThrow().statistics().get(org.bianmin.device.gpio.Pi4jPowerRelay.POWER_CYCLES));
    }

    @Test
    void whoFollowsADeviceHearsTheNewDriverAndNeverTheOldOne() throws Exception {
        open(settings(80, true, 6, true));
        List<DeviceEvent> heard = new CopyOnWriteArrayList<>();
        devices.listen("receipt-printer", heard::add);
        var oldSimulator = devices.simulators().orElseThrow().printerSimulator();
        List<Set<String>> changes = new CopyOnWriteArrayList<>();
        devices.addChangeListener(changes::add);

        apply(settings(58, true, 6, true));
        oldSimulator.paperOut();
        devices.simulators().orElseThrow().printerSimulator().paperOut();

        await("the new printer's paper-out event").atMost(WAIT).until(() -> heard.stream().anyMatch(e -> e instanceof PrinterEvent.PaperOut));
        assertTrue(heard.stream().allMatch(e -> e.device().equals("receipt-printer")), heard::toString);
        assertEquals(List.of(Set.of("receipt-printer")), changes);
    }

    @Test
    void theSupervisorWatchesTheReopenedPrinterAfreshAndTheOtherDevicesAsTheyWere() throws Exception {
        open(settings(80, true, 6, true));
        supervisor.start();
        var simulators = devices.simulators().orElseThrow();
        simulators.powerOff("id-card");
        await("the unpowered card reader noticed").atMost(WAIT).until(() -> !supervisor.health("id-card").orElseThrow().usable());
        simulators.powerOn("id-card");
        await("the card reader back").atMost(WAIT).until(() -> supervisor.health("id-card").orElseThrow().usable());
        simulators.printerSimulator().stall();
        await("the stalled printer noticed").atMost(WAIT).until(() -> !supervisor.health("receipt-printer").orElseThrow().usable());
        List<DeviceHealth> heard = new CopyOnWriteArrayList<>();
        supervisor.addListener(h -> {
            if (h.name().equals("receipt-printer")) {
                heard.add(h);
            }
        });

        apply(settings(58, true, 6, true));

        DeviceHealth printer = supervisor.health("receipt-printer").orElseThrow();
        assertEquals(Health.OK, printer.health(), printer::toString);
        assertTrue(printer.lastError().isEmpty(), "the new printer has no past: " + printer);
        assertTrue(heard.stream().anyMatch(DeviceHealth::usable), "listeners heard the new printer is usable: " + heard);
        DeviceHealth card = supervisor.health("id-card").orElseThrow();
        assertTrue(card.usable());
        assertTrue(card.lastError().isPresent(), "the card reader's last error is kept for the technician: " + card);
    }

    @Test
    void settingsThatCannotRunAreRefusedBeforeAnyDeviceIsTouched() throws Exception {
        open(settings(80, true, 6, true));
        var printer = devices.receiptPrinter().orElseThrow();
        DeviceSettings before = devices.settings();

        DeviceException e = assertThrows(DeviceException.class, () -> devices.apply(settings(58, true, 6, false)));

        assertEquals(DeviceError.BAD_SETTINGS, e.error());
        assertTrue(e.getMessage().contains("must be simulated all three or none"), e.getMessage());
        assertSame(printer, devices.receiptPrinter().orElseThrow());
        assertSame(before, devices.settings());
    }
}
