package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.HealthReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jPowerRelayTest {
    private static final String PRINTER = "receipt-printer";

    private final MockBench bench = new MockBench();
    private final List<String> happened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeBench() {
        bench.close();
    }

    /** Logs each power change of the printer's relay as "off"/"on" with the fake time. */
    private void watchPrinterPower() {
        bench.output(bench.pins.relays().get(PRINTER)).addListener(e ->
                happened.add((e.state().isHigh() == bench.pins.relaysActiveLow() ? "on" : "off") + "@" + bench.clock.elapsedMillis()));
    }

    private Runnable reopen() {
        return () -> happened.add("reopen@" + bench.clock.elapsedMillis() + (bench.hand.powered(PRINTER) ? " powered" : " UNPOWERED"));
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
        return assertInstanceOf(DeviceException.class, e.getCause());
    }

    @Test
    void aPowerCycleCutsPowerWaitsThreeSecondsRestoresItThenReopensOnce() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        watchPrinterPower();
        CompletableFuture<PowerCycle> cycle = relay.powerCycle(PRINTER, reopen());
        assertFalse(bench.hand.powered(PRINTER));
        bench.clock.advanceMillis(2_999);
        assertEquals(List.of("off@0"), happened);
        assertFalse(cycle.isDone());
        bench.clock.advanceMillis(1);
        assertEquals(List.of("off@0", "on@3000", "reopen@3000 powered"), happened);
        PowerCycle done = cycle.get(1, TimeUnit.SECONDS);
        assertEquals(Duration.ofSeconds(3), done.unpowered());
        assertEquals(PRINTER, done.device());
        bench.clock.advanceMillis(60_000);
        assertEquals(3, happened.size(), "reopen called once, power stays on");
        assertTrue(bench.hand.powered("id-card"), "the other device was never touched");
    }

    @Test
    void theMockHandHearsEachPowerChangeOfTheRelayAsTheDeviceLosesAndRegainsPower() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        List<Boolean> powered = new CopyOnWriteArrayList<>();
        bench.hand.onPowerChange(PRINTER, powered::add);
        relay.powerCycle(PRINTER, () -> { });
        assertEquals(List.of(false), powered);
        bench.clock.advanceMillis(3_000);
        assertEquals(List.of(false, true), powered);
        assertThrows(IllegalArgumentException.class, () -> bench.hand.onPowerChange("qr-scanner", p -> { }),
                "no relay is configured for the scanner");
    }

    @Test
    void theSettleTimeDelaysTheReopenAfterPowerReturns() throws Exception {
        Pi4jPowerRelay relay = bench.relay(new RelaySettings(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofMinutes(10)));
        watchPrinterPower();
        relay.powerCycle(PRINTER, reopen());
        bench.clock.advanceMillis(6_999);
        assertEquals(List.of("off@0", "on@5000"), happened);
        bench.clock.advanceMillis(1);
        assertEquals(List.of("off@0", "on@5000", "reopen@7000 powered"), happened);
    }

    @Test
    void anActiveLowRelayIsHeldHighWhileTheDeviceIsPoweredAndPulledLowToCutIt() throws Exception {
        assertTrue(bench.pins.relaysActiveLow());
        int pin = bench.pins.relays().get(PRINTER);
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        assertTrue(bench.hand.outputHigh(pin), "released = HIGH on an active-low module");
        relay.powerCycle(PRINTER, () -> { });
        assertFalse(bench.hand.outputHigh(pin));
        bench.clock.advanceMillis(3_000);
        assertTrue(bench.hand.outputHigh(pin));
    }

    @Test
    void anActiveHighRelayIsHeldLowWhileTheDeviceIsPowered() throws Exception {
        try (MockBench high = new MockBench(new GpioPins(23, 24, 17, 27, Map.of(PRINTER, 12), false, false))) {
            Pi4jPowerRelay relay = high.relay(RelaySettings.DEFAULTS);
            assertFalse(high.hand.outputHigh(12));
            relay.powerCycle(PRINTER, () -> { });
            assertTrue(high.hand.outputHigh(12));
            assertFalse(high.hand.powered(PRINTER));
        }
    }

    @Test
    void theFourthCycleWithinTenMinutesIsRefusedSayingWhenToTryAgain() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        for (int i = 0; i < 3; i++) {
            CompletableFuture<PowerCycle> ok = relay.powerCycle(PRINTER, () -> { });
            bench.clock.advanceMillis(3_000);
            ok.get(1, TimeUnit.SECONDS);
            bench.clock.advanceMillis(57_000);
        }
        Instant retry = ManualScheduler.START.plus(Duration.ofMinutes(10));
        assertEquals(Optional.of(retry), relay.nextCycleAllowed(PRINTER));
        PowerCycleRefused refused = assertInstanceOf(PowerCycleRefused.class, failure(relay.powerCycle(PRINTER, reopen())));
        assertEquals(DeviceError.RATE_LIMITED, refused.error());
        assertEquals(retry, refused.notBefore());
        assertEquals("receipt-printer was power-cycled 3 times in the last 10 min (limit 3 per 10 min); next power cycle allowed at "
                + "2026-03-01T08:10:00Z (in 7 min); if it keeps hanging, call a technician", refused.getMessage());
        assertTrue(bench.hand.powered(PRINTER), "a refused cycle never cuts power");
        assertTrue(happened.isEmpty(), "reopen not called");
        assertEquals(1, relay.statistics().get(Pi4jPowerRelay.POWER_CYCLES_REFUSED));
        assertEquals(3, relay.statistics().get(Pi4jPowerRelay.POWER_CYCLES));
    }

    @Test
    void theRateLimitIsPerDeviceAndFreesUpWhenTheWindowHasPassed() throws Exception {
        Pi4jPowerRelay relay = bench.relay(new RelaySettings(Duration.ofSeconds(3), Duration.ZERO, 1, Duration.ofMinutes(10)));
        relay.powerCycle(PRINTER, () -> { });
        bench.clock.advanceMillis(3_000);
        assertEquals(Optional.empty(), relay.nextCycleAllowed("id-card"));
        CompletableFuture<PowerCycle> other = relay.powerCycle("id-card", () -> { });
        bench.clock.advanceMillis(3_000);
        other.get(1, TimeUnit.SECONDS);
        assertEquals(DeviceError.RATE_LIMITED, failure(relay.powerCycle(PRINTER, () -> { })).error());
        bench.clock.advance(Duration.ofMinutes(10).minusMillis(6_000));
        CompletableFuture<PowerCycle> again = relay.powerCycle(PRINTER, () -> { });
        bench.clock.advanceMillis(3_000);
        assertEquals(PRINTER, again.get(1, TimeUnit.SECONDS).device());
    }

    @Test
    void aSecondCycleWhileOneIsRunningIsRefusedAndDoesNotUseUpTheLimit() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        CompletableFuture<PowerCycle> first = relay.powerCycle(PRINTER, reopen());
        bench.clock.advanceMillis(1_000);
        PowerCycleRefused busy = assertInstanceOf(PowerCycleRefused.class, failure(relay.powerCycle(PRINTER, reopen())));
        assertEquals(ManualScheduler.START.plusSeconds(3), busy.notBefore());
        assertTrue(busy.getMessage().startsWith("receipt-printer is already being power-cycled"), busy.getMessage());
        bench.clock.advanceMillis(2_000);
        first.get(1, TimeUnit.SECONDS);
        assertEquals(1, happened.size(), "only the first cycle reopened");
        assertEquals(0, relay.statistics().get(Pi4jPowerRelay.POWER_CYCLES_REFUSED));
    }

    @Test
    void anUnknownDeviceFailsWithBadSettingsListingTheConfiguredRelays() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        DeviceException e = failure(relay.powerCycle("qr-scanner", reopen()));
        assertEquals(DeviceError.BAD_SETTINGS, e.error());
        assertEquals("no relay is configured for 'qr-scanner'; configured: receipt-printer, id-card; add relay.qr-scanner=<BCM pin> to the GPIO pins",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> relay.nextCycleAllowed("qr-scanner"));
    }

    @Test
    void aReopenCallbackThatThrowsFailsTheCycleButPowerIsBack() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        CompletableFuture<PowerCycle> cycle = relay.powerCycle(PRINTER, () -> {
            throw new IllegalStateException("port /dev/ttyUSB0 not back yet");
        });
        bench.clock.advanceMillis(3_000);
        DeviceException e = failure(cycle);
        assertEquals(DeviceError.INTERNAL, e.error());
        assertTrue(e.getMessage().startsWith("power to receipt-printer is back but its reopen callback failed"), e.getMessage());
        assertTrue(bench.hand.powered(PRINTER));
    }

    @Test
    void closingDuringACycleRestoresPowerAndFailsTheCycleWithoutReopening() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        int pin = bench.pins.relays().get(PRINTER);
        var out = bench.output(pin);
        CompletableFuture<PowerCycle> cycle = relay.powerCycle(PRINTER, reopen());
        bench.clock.advanceMillis(1_000);
        relay.close();
        assertEquals(DeviceError.GPIO_FAULT, failure(cycle).error());
        assertTrue(out.state().isHigh(), "active-low relay released: power restored");
        bench.clock.advanceMillis(10_000);
        assertTrue(happened.isEmpty());
    }

    @Test
    void aCycleBeforeEnableIsRefusedSayingToEnable() throws Exception {
        Pi4jPowerRelay relay = new Pi4jPowerRelay("power-relay", bench.pi4j, bench.pins, RelaySettings.DEFAULTS, bench.clock, bench.statistics);
        relay.open();
        DeviceException e = failure(relay.powerCycle(PRINTER, reopen()));
        assertEquals("power-relay is OPEN; call open() and enable() before a power cycle", e.getMessage());
        assertTrue(bench.hand.powered(PRINTER));
        relay.close();
    }

    @Test
    void healthReadsEveryRelayAndNeverSwitchesOne() throws Exception {
        Pi4jPowerRelay relay = bench.relay(RelaySettings.DEFAULTS);
        watchPrinterPower();
        HealthReport r = relay.checkHealth(HealthLevel.EXTERNAL);
        assertTrue(r.healthy(), r.detail());
        assertEquals("relay.receipt-printer released (powered), relay.id-card released (powered); "
                + "a health check never switches a relay (that would cut power)", r.detail());
        relay.powerCycle(PRINTER, () -> { });
        assertTrue(relay.checkHealth(HealthLevel.INTERNAL).detail().contains("relay.receipt-printer energised"));
        assertEquals(List.of("off@0"), happened);
    }

    @Test
    void badRelaySettingsAreRefusedSayingWhatToUse() {
        assertEquals("relay off time 50 ms is outside 100 ms..60 s; use 3 to 5 s so the device really loses power",
                assertThrows(IllegalArgumentException.class,
                        () -> new RelaySettings(Duration.ofMillis(50), Duration.ZERO, 3, Duration.ofMinutes(10))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RelaySettings(Duration.ofSeconds(3), Duration.ZERO, 0, Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> new RelaySettings(Duration.ofSeconds(3), Duration.ofMillis(-1), 3, Duration.ofMinutes(10)));
    }
}
