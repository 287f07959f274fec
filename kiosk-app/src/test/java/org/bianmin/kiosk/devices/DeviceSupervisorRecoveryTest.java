package org.bianmin.kiosk.devices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.gpio.Pi4jPowerRelay;
import org.bianmin.device.printer.Receipt;
import org.bianmin.kiosk.devices.DeviceHealth.Health;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor brings back a receipt printer simulator that hangs: through its relay on the mock GPIO when one is
 * wired (within the hourly limit), by reopening it when none is.
 */
class DeviceSupervisorRecoveryTest {
    private static final String PRINTER = "receipt-printer";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aHungPrinterIsPowerCycledThroughItsRelayAfterTwoUnansweredChecksReopenedAndHealthyAgain() throws Exception {
        try (SimulatedKiosk k = new SimulatedKiosk(dir, true, 4)) {
            List<DeviceHealth> heard = new CopyOnWriteArrayList<>();
            k.supervisor.addListener(h -> {
                if (h.name().equals(PRINTER)) {
                    heard.add(h);
                }
            });
            k.supervisor.start();
            await().atMost(WAIT).until(() -> k.health(PRINTER).health() == Health.OK);

            k.printer().stall();

            await().atMost(WAIT).until(() -> k.counter(PRINTER, DeviceSupervisor.RECOVERIES) == 1);
            DeviceHealth back = k.health(PRINTER);
            assertEquals(Health.OK, back.health(), back::toString);
            assertEquals(1, back.counters().get(DeviceSupervisor.POWER_CYCLES));
            assertEquals(1, back.counters().get(DeviceSupervisor.RECOVERIES));
            assertEquals("LNK-06", back.lastError().orElseThrow().code(), "the last error stays for the technician");
            assertEquals(1, k.devices.powerRelay().orElseThrow().statistics().get(Pi4jPowerRelay.POWER_CYCLES), "through the relay");
            assertFalse(k.printer().stalled(), "only losing power ends the simulator's hang");
            assertTrue(heard.stream().anyMatch(h -> h.health() == Health.FAILING), "listeners heard it failing: " + heard);
            assertEquals(Health.OK, heard.getLast().health(), "and heard it back: " + heard);
            for (int i = 1; i < heard.size(); i++) {
                assertTrue(heard.get(i).differsFrom(heard.get(i - 1)), "each change heard once: " + heard);
            }
            assertTrue(k.devices.receiptPrinter().orElseThrow().print(Receipt.builder().line("恢复").cut().build(), "after-recovery-1")
                    .get(10, TimeUnit.SECONDS).printed(), "it prints again");
        }
    }

    @Test
    void aHungPrinterWithNoRelayIsOnlyReopenedAndStaysFailingUntilItAnswers() throws Exception {
        try (SimulatedKiosk k = new SimulatedKiosk(dir, false, 4)) {
            k.supervisor.start();
            await().atMost(WAIT).until(() -> k.health(PRINTER).health() == Health.OK);

            k.printer().stall();

            await().atMost(WAIT).until(() -> k.counter(PRINTER, DeviceSupervisor.REOPENS) >= 1);
            assertFalse(k.health(PRINTER).usable(), "reopening does not cure a hang");
            assertEquals(0, k.counter(PRINTER, DeviceSupervisor.POWER_CYCLES));
            assertFalse(k.devices.powerRelay().orElseThrow().devices().contains(PRINTER));
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> k.supervisor.powerCycle(PRINTER).get(10, TimeUnit.SECONDS));
            DeviceException why = assertInstanceOf(DeviceException.class, refused.getCause());
            assertEquals(DeviceError.BAD_SETTINGS, why.error());
            assertTrue(why.getMessage().startsWith("no relay is wired to receipt-printer; relays are wired to id-card"), why::getMessage);

            k.printer().unstall();
            await().atMost(WAIT).until(() -> k.health(PRINTER).health() == Health.OK);
            assertEquals(1, k.counter(PRINTER, DeviceSupervisor.RECOVERIES));
        }
    }

    @Test
    void oncePowerCyclesReachTheHourlyLimitTheHungPrinterIsLeftDown() throws Exception {
        try (SimulatedKiosk k = new SimulatedKiosk(dir, true, 1)) {
            k.supervisor.start();
            await().atMost(WAIT).until(() -> k.health(PRINTER).health() == Health.OK);
            k.printer().stall();
            await().atMost(WAIT).until(() -> k.counter(PRINTER, DeviceSupervisor.RECOVERIES) == 1);

            k.printer().stall();

            await().atMost(WAIT).until(() -> k.health(PRINTER).health() == Health.DOWN);
            assertEquals(1, k.counter(PRINTER, DeviceSupervisor.POWER_CYCLES), "no second power cycle within the hour");
            assertEquals(1, k.devices.powerRelay().orElseThrow().statistics().get(Pi4jPowerRelay.POWER_CYCLES_REFUSED));
            assertTrue(k.printer().stalled(), "still hung: nothing cut its power");
            List<DeviceHealth> later = k.supervisor.checkNow().get(10, TimeUnit.SECONDS);
            assertEquals(Health.DOWN, later.stream().filter(h -> h.name().equals(PRINTER)).findFirst().orElseThrow().health(),
                    "given up on until the hour has passed");
        }
    }

    @Test
    void aTechnicianCanPowerCycleAHealthyDeviceThroughItsRelay() throws Exception {
        try (SimulatedKiosk k = new SimulatedKiosk(dir, true, 4)) {
            DeviceHealth after = k.supervisor.powerCycle("id-card").get(20, TimeUnit.SECONDS);

            assertEquals(Health.OK, after.health(), after::toString);
            assertEquals(1, after.counters().get(DeviceSupervisor.POWER_CYCLES));
            assertEquals(0, after.counters().getOrDefault(DeviceSupervisor.RECOVERIES, 0L), "it was not failing");
            assertTrue(k.devices.simulators().orElseThrow().idCardSimulator().powered());
        }
    }

    @Test
    void everyDeviceOfTheConfigIsListedInOrderWithItsRequiredFlag() throws Exception {
        try (SimulatedKiosk k = new SimulatedKiosk(dir, true, 4)) {
            List<DeviceHealth> all = k.supervisor.checkNow().get(20, TimeUnit.SECONDS);

            assertEquals(List.of("id-card", "qr-scanner", "receipt-printer", "document-printer", "lights", "sensors"),
                    all.stream().map(DeviceHealth::name).toList());
            assertEquals(List.of(true, true, true, true, false, false), all.stream().map(DeviceHealth::required).toList());
            assertTrue(all.stream().allMatch(h -> h.health() == Health.OK), all::toString);
            DeviceHealth printer = all.get(2);
            assertEquals(DeviceHealth.Paper.OK, printer.paper().orElseThrow());
            assertTrue(all.get(0).paper().isEmpty(), "a card reader has no paper");
        }
    }
}
