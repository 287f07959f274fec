package org.bianmin.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bianmin.device.DeviceError;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.bianmin.device.idcard.sim.IdCardSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated devices by name lose and regain power as a relay would make them: silent while off, answering again once on. */
class SimulatedDevicesPowerTest {
    private SimulatedDevices devices;

    @BeforeEach
    void start() throws Exception {
        devices = SimulatedDevices.start(SimulatedDevices.Options.defaults().withCardTiming(IdCardSimulator.Timing.FAST));
    }

    @AfterEach
    void stop() {
        devices.close();
    }

    @Test
    void anUnpoweredPrinterFailsItsHealthCheckWithATimeoutAndPassesItOncePoweredAgain() {
        devices.powerOff(SimulatedDevices.RECEIPT_PRINTER);
        assertFalse(devices.powered(SimulatedDevices.RECEIPT_PRINTER));
        HealthReport off = devices.printer().checkHealth(HealthLevel.INTERNAL);
        assertEquals(DeviceError.TIMEOUT, off.error(), off::toString);

        devices.powerOn(SimulatedDevices.RECEIPT_PRINTER);
        assertTrue(devices.printer().checkHealth(HealthLevel.INTERNAL).healthy());
    }

    @Test
    void anUnpoweredCardReaderFailsItsHealthCheckAndAnswersOncePoweredAgain() {
        devices.powerOff(SimulatedDevices.ID_CARD);
        assertFalse(devices.idCardReader().checkHealth(HealthLevel.INTERNAL).healthy());
        devices.powerOn(SimulatedDevices.ID_CARD);
        assertTrue(devices.idCardReader().checkHealth(HealthLevel.INTERNAL).healthy());
    }

    @Test
    void anUnknownDeviceNameIsRefusedNamingTheSimulatedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> devices.powerOff("printer"));
        assertEquals("no simulated device is called 'printer'; the simulated devices are id-card, qr-scanner and receipt-printer",
                e.getMessage());
    }
}
