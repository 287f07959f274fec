package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.HealthLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GpioSelfTestTest {
    private final MockBench bench = new MockBench();

    @AfterEach
    void closeBench() {
        bench.close();
    }

    @Test
    void everyConfiguredPinGetsOneLineInConfigOrderAndFreePinsAreGivenBack() {
        List<PinCheck> checks = new GpioSelfTest(bench.pi4j, bench.pins).run();
        assertEquals(List.of(
                "PASSED guide-light BCM 23: lit (HIGH) then dark (LOW), both read back",
                "PASSED fault-light BCM 24: lit (HIGH) then dark (LOW), both read back",
                "PASSED presence-sensor BCM 17: LOW = nobody",
                "PASSED door-switch BCM 27: LOW = closed",
                "SKIPPED relay.receipt-printer BCM 5: not switched: that would cut power to receipt-printer; test it with a power cycle",
                "SKIPPED relay.id-card BCM 6: not switched: that would cut power to id-card; test it with a power cycle"),
                checks.stream().map(PinCheck::line).toList());
        assertTrue(checks.stream().allMatch(PinCheck::passed));
        assertTrue(bench.pi4j.registry().all().isEmpty(), "the self-test gave back every pin it claimed");
    }

    @Test
    void pinsHeldByOpenDevicesAreBorrowedAndLeftAsTheyWere() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        Pi4jSensors sensors = bench.sensors(SensorSettings.DEFAULTS);
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        lights.on(Light.GUIDE);
        bench.hand.personArrives();
        List<DigitalState> relayLevels = new ArrayList<>();
        bench.output(5).addListener(e -> relayLevels.add(e.state()));

        List<PinCheck> checks = new GpioSelfTest(bench.pi4j, bench.pins).run();

        assertEquals("PASSED guide-light BCM 23: lit (HIGH) then dark (LOW), both read back; borrowed from the open indicators",
                checks.get(0).line());
        assertEquals("PASSED presence-sensor BCM 17: HIGH = someone there", checks.get(2).line());
        assertEquals("SKIPPED relay.receipt-printer BCM 5: released (powered), not switched: that would cut power to receipt-printer; "
                + "test it with a power cycle", checks.get(4).line());
        assertTrue(bench.hand.guideLightLit(), "guide light restored");
        assertTrue(relayLevels.isEmpty(), "relay never switched");
        assertTrue(lights.checkHealth(HealthLevel.INTERNAL).healthy());
        assertEquals(TamperAck.NOTHING_RAISED, sensors.acknowledgeTamper().get(1, TimeUnit.SECONDS));
        assertTrue(relay.checkHealth(HealthLevel.INTERNAL).healthy());
    }

    @Test
    void anActiveLowWiringIsReportedInItsOwnLevels() {
        GpioPins lowLights = new GpioPins(23, 24, 17, 27, Map.of(), false, true);
        List<PinCheck> checks = new GpioSelfTest(bench.pi4j, lowLights).run();
        assertEquals("PASSED guide-light BCM 23: lit (LOW) then dark (HIGH), both read back", checks.get(0).line());
        assertEquals(4, checks.size());
    }
}
