package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jIndicatorsTest {
    private final MockBench bench = new MockBench();

    @AfterEach
    void closeBench() {
        bench.close();
    }

    @Test
    void theGuideLightSwitchesOnAndOffAtOnce() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        assertFalse(bench.hand.guideLightLit());
        lights.on(Light.GUIDE);
        assertTrue(bench.hand.guideLightLit());
        assertEquals(LightMode.ON, lights.mode(Light.GUIDE));
        lights.off(Light.GUIDE);
        assertFalse(bench.hand.guideLightLit());
        assertFalse(bench.hand.faultLightLit());
    }

    @Test
    void aBlinkingGuideLightIsLitForHalfThePeriodThenDarkForTheOtherHalf() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        lights.blink(Light.GUIDE, Indicators.WAITING_FOR_CARD);
        List<Boolean> pattern = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pattern.add(bench.hand.guideLightLit());
            bench.clock.advanceMillis(250);
        }
        assertEquals(List.of(true, true, false, false, true, true, false, false), pattern);
        assertEquals(LightMode.BLINKING, lights.mode(Light.GUIDE));
    }

    @Test
    void aBlinkEdgeFallsExactlyOnTheHalfPeriod() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        lights.blink(Light.GUIDE, Duration.ofMillis(400));
        bench.clock.advanceMillis(199);
        assertTrue(bench.hand.guideLightLit());
        bench.clock.advanceMillis(1);
        assertFalse(bench.hand.guideLightLit());
    }

    @Test
    void aNewCommandStopsTheBlinkingForGood() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        lights.blink(Light.GUIDE, Duration.ofMillis(200));
        bench.clock.advanceMillis(100);
        lights.on(Light.GUIDE);
        for (int i = 0; i < 10; i++) {
            bench.clock.advanceMillis(100);
            assertTrue(bench.hand.guideLightLit(), "still lit after " + (i + 1) * 100 + " ms");
        }
        assertEquals(0, bench.clock.pending());
    }

    @Test
    void bothLightsBlinkIndependently() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        lights.blink(Light.GUIDE, Duration.ofMillis(200));
        lights.blink(Light.FAULT, Duration.ofMillis(800));
        bench.clock.advanceMillis(100);
        assertFalse(bench.hand.guideLightLit());
        assertTrue(bench.hand.faultLightLit());
        bench.clock.advanceMillis(300);
        assertFalse(bench.hand.faultLightLit());
    }

    @Test
    void activeLowLightsPullTheirPinLowWhenLit() throws Exception {
        try (MockBench lowBench = new MockBench(new GpioPins(23, 24, 17, 27, Map.of(), false, true))) {
            Pi4jIndicators lights = lowBench.indicators();
            assertTrue(lowBench.hand.outputHigh(23), "dark = HIGH on an active-low LED driver");
            lights.on(Light.GUIDE);
            assertFalse(lowBench.hand.outputHigh(23));
            assertTrue(lowBench.hand.guideLightLit());
        }
    }

    @Test
    void closeTurnsEveryLightOffAndStopsTheBlinking() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        DigitalOutput guide = bench.output(GpioPins.REFERENCE.guideLight());
        DigitalOutput fault = bench.output(GpioPins.REFERENCE.faultLight());
        lights.blink(Light.GUIDE, Duration.ofMillis(200));
        lights.on(Light.FAULT);
        lights.close();
        assertEquals(DigitalState.LOW, guide.state());
        assertEquals(DigitalState.LOW, fault.state());
        bench.clock.advanceMillis(1000);
        assertEquals(DigitalState.LOW, guide.state());
        assertEquals(DeviceState.CLOSED, lights.state());
        assertEquals(LightMode.OFF, lights.mode(Light.GUIDE));
        assertTrue(bench.pi4j.registry().allByType(DigitalOutput.class).isEmpty(), "pins given back");
    }

    @Test
    void aBlinkPeriodTooShortOrTooLongIsRefusedSayingWhatToUse() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lights.blink(Light.GUIDE, Duration.ofMillis(20)));
        assertEquals("blink period 20 ms is outside 100 ms..60 s; use e.g. 1000 ms", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lights.blink(Light.GUIDE, Duration.ofMinutes(2)));
    }

    @Test
    void switchingALightBeforeEnableIsRefusedSayingToEnable() throws Exception {
        Pi4jIndicators lights = new Pi4jIndicators("indicators", bench.pi4j, bench.pins, bench.clock, bench.statistics);
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> lights.on(Light.GUIDE));
        assertEquals("indicators is CLOSED; call open() and enable() before switching lights", closed.getMessage());
        lights.open();
        assertThrows(IllegalStateException.class, () -> lights.on(Light.GUIDE));
        lights.close();
    }

    @Test
    void theFaultLightCountsEachTimeItIsRaised() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        lights.on(Light.FAULT);
        lights.blink(Light.FAULT, Duration.ofSeconds(1));
        lights.off(Light.FAULT);
        lights.on(Light.FAULT);
        assertEquals(2, lights.statistics().get(Pi4jIndicators.FAULT_LIGHT_RAISED));
    }

    @Test
    void internalHealthReadsTheLevelsBackAndExternalFlashesEachLightThenRestoresIt() throws Exception {
        Pi4jIndicators lights = bench.indicators();
        lights.on(Light.FAULT);
        HealthReport internal = lights.checkHealth(HealthLevel.INTERNAL);
        assertTrue(internal.healthy(), internal.detail());
        assertEquals("levels read back: guide-light OFF, fault-light ON", internal.detail());
        List<DigitalState> seen = new ArrayList<>();
        bench.output(GpioPins.REFERENCE.guideLight()).addListener(e -> seen.add(e.state()));
        HealthReport external = lights.checkHealth(HealthLevel.EXTERNAL);
        assertTrue(external.healthy(), external.detail());
        assertEquals(List.of(DigitalState.HIGH, DigitalState.LOW), seen, "guide light flashed once");
        assertTrue(bench.hand.faultLightLit(), "fault light restored");
        assertFalse(bench.hand.guideLightLit());
    }

    @Test
    void healthOfClosedLightsSaysToOpenThem() {
        Pi4jIndicators lights = new Pi4jIndicators("indicators", bench.pi4j, bench.pins, bench.clock, bench.statistics);
        HealthReport r = lights.checkHealth(HealthLevel.INTERNAL);
        assertFalse(r.healthy());
        assertEquals("indicators is closed; open it before checking its health", r.detail());
    }

    @Test
    void aPinAlreadyHeldMakesOpenFailWithGpioFaultAndGivesBackWhatItClaimed() throws Exception {
        bench.indicators();
        Pi4jIndicators second = new Pi4jIndicators("second-lights", bench.pi4j, bench.pins, bench.clock, bench.statistics);
        DeviceException e = assertThrows(DeviceException.class, second::open);
        assertEquals(DeviceError.GPIO_FAULT, e.error());
        assertTrue(e.getMessage().startsWith("second-lights: cannot claim BCM 23 (guide-light)"), e.getMessage());
        assertEquals(DeviceState.CLOSED, second.state());
        assertEquals(2, bench.pi4j.registry().allByType(DigitalOutput.class).size());
    }
}
