package org.bianmin.kiosk.devices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.bianmin.config.KioskConfig;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.device.DeviceException;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.bianmin.device.printer.sim.ReceiptPrinterSimulator;

/**
 * A kiosk's devices on a test's desk: every device simulated, GPIO on the mock pins with its relays switching the
 * simulators' power (1 s off), and a supervisor checking quickly. Closes both.
 */
final class SimulatedKiosk implements AutoCloseable {
    /** Checks often, and power-cycles after two unanswered checks: a stalled printer is noticed within a few seconds. */
    static final DeviceSupervisor.Settings QUICK = new DeviceSupervisor.Settings(Duration.ofMillis(200), 2, Duration.ofSeconds(30));

    final KioskConfig config;
    final KioskDevices devices;
    final DeviceSupervisor supervisor;

    /**
     * @param printerRelay         whether a relay is wired to the receipt printer (one is always wired to the card reader)
     * @param maxPowerCyclesPerHour the relay's limit per device
     */
    SimulatedKiosk(Path dir, boolean printerRelay, int maxPowerCyclesPerHour) throws DeviceException {
        config = KioskConfigLoader.parse("""
                devices:
                  idCard:
                    simulated: true
                  qrScanner:
                    simulated: true
                  receiptPrinter:
                    simulated: true
                    required: true
                  documentPrinter:
                    simulated: true
                    queue: "spool:%s"
                  gpio:
                    enabled: true
                    simulated: true
                    relays:
                      receiptPrinter: %s
                      idCard: 6
                  recovery:
                    powerOff: 1
                    maxPowerCyclesPerHour: %d
                """.formatted(dir.resolve("printed").toAbsolutePath(), printerRelay ? "5" : "null", maxPowerCyclesPerHour));
        devices = KioskDevices.open(config.devices(), dir.resolve("state"),
                new KioskDevices.SimulationOutput(Optional.empty(), IdCardSimulator.Timing.FAST));
        supervisor = new DeviceSupervisor(devices.watched(), devices.powerRelay(), QUICK);
    }

    ReceiptPrinterSimulator printer() {
        return devices.simulators().orElseThrow().printerSimulator();
    }

    DeviceHealth health(String device) {
        return supervisor.health(device).orElseThrow();
    }

    long counter(String device, String counter) {
        return health(device).counters().getOrDefault(counter, 0L);
    }

    @Override
    public void close() {
        supervisor.close();
        devices.close();
    }
}
