package org.bianmin.device.gpio;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.DeviceState;
import org.bianmin.device.HealthLevel;
import org.bianmin.device.Statistics;
import org.bianmin.device.gpio.SensorEvent.PresenceDetected;
import org.bianmin.device.gpio.SensorEvent.PresenceLost;
import org.bianmin.device.gpio.SensorEvent.TamperAlarm;
import org.bianmin.device.gpio.sim.MockGpio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every GPIO rig must show, on real threads and a real clock: the mock platform always,
 * a Raspberry Pi on a technician's bench when asked. Tests that must drive an input need a hand on the
 * pins and skip themselves on a rig without one.
 */
abstract class GpioContract {
    static final SensorSettings FAST_SENSORS = new SensorSettings(Duration.ofMillis(50), Duration.ofMillis(150), Duration.ofMillis(1));
    static final RelaySettings FAST_RELAY = new RelaySettings(Duration.ofMillis(300), Duration.ZERO, 1, Duration.ofMinutes(1));
    static final Duration PATIENCE = Duration.ofSeconds(3);

    /** A fresh Pi4J context; shut down after each test. */
    protected abstract Context newContext();

    protected abstract GpioPins pins();

    /** The hand that drives the inputs, when this rig has one. */
    protected abstract Optional<MockGpio> hand(Context pi4j, GpioPins pins);

    private Context pi4j;
    private GpioPins pins;
    private final List<GpioScheduler> threads = new CopyOnWriteArrayList<>();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> eventThreads = new CopyOnWriteArrayList<>();
    private Pi4jIndicators lights;
    private Pi4jSensors sensors;
    private Pi4jPowerRelay relay;

    @BeforeEach
    void buildTheRig() {
        pi4j = newContext();
        pins = pins();
        lights = listenedTo(new Pi4jIndicators("indicators", pi4j, pins, thread("indicators"), Statistics.inMemory()));
        sensors = listenedTo(new Pi4jSensors("sensors", pi4j, pins, FAST_SENSORS, thread("sensors"), Statistics.inMemory()));
        relay = listenedTo(new Pi4jPowerRelay("power-relay", pi4j, pins, FAST_RELAY, thread("power-relay"), Statistics.inMemory()));
    }

    @AfterEach
    void takeTheRigApart() {
        for (Device d : List.of(lights, sensors, relay)) {
            d.close();
        }
        threads.forEach(GpioScheduler::close);
        pi4j.shutdown();
    }

    private GpioScheduler thread(String name) {
        GpioScheduler s = GpioScheduler.onOwnThread(name);
        threads.add(s);
        return s;
    }

    private <D extends Device> D listenedTo(D device) {
        device.addListener(e -> {
            events.add(e);
            eventThreads.add(Thread.currentThread().getName());
        });
        return device;
    }

    private static void start(Device d) throws DeviceException {
        d.open();
        d.enable();
    }

    private boolean outputHigh(int bcm) {
        return pi4j.registry().allByType(DigitalOutput.class).values().stream()
                .filter(o -> o.address() == bcm).findFirst().orElseThrow().state().isHigh();
    }

    private boolean guideLit() {
        return outputHigh(pins.guideLight()) != pins.lightsActiveLow();
    }

    private boolean powered(String device) {
        return outputHigh(pins.relays().get(device)) == pins.relaysActiveLow();
    }

    private String someRelay() {
        assumeTrue(!pins.relays().isEmpty(), "no relay configured on this rig");
        return pins.relays().keySet().iterator().next();
    }

    private MockGpio needHand() {
        Optional<MockGpio> h = hand(pi4j, pins);
        assumeTrue(h.isPresent(), "this rig has no hand on the inputs; the input tests run on the mock platform");
        return h.get();
    }

    private <E extends DeviceEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyGpioDeviceGoesClosedOpenEnabledDisabledClosed() throws Exception {
        for (Device d : List.of(lights, sensors, relay)) {
            assertEquals(DeviceState.CLOSED, d.state(), d.name());
            d.open();
            assertEquals(DeviceState.OPEN, d.state(), d.name());
            d.enable();
            assertEquals(DeviceState.ENABLED, d.state(), d.name());
            d.disable();
            assertEquals(DeviceState.OPEN, d.state(), d.name());
            d.close();
            assertEquals(DeviceState.CLOSED, d.state(), d.name());
        }
        assertTrue(pi4j.registry().all().isEmpty(), "every pin given back");
    }

    @Test
    void aDeviceCanBeOpenedAgainAfterClose() throws Exception {
        start(lights);
        lights.close();
        start(lights);
        lights.on(Light.GUIDE);
        await().atMost(PATIENCE).until(this::guideLit);
    }

    @Test
    void lightsFollowCommandsWithoutTheCallerWaiting() throws Exception {
        start(lights);
        lights.on(Light.GUIDE);
        await().atMost(PATIENCE).until(this::guideLit);
        lights.off(Light.GUIDE);
        await().atMost(PATIENCE).until(() -> !guideLit());
    }

    @Test
    void aBlinkingLightTogglesOnItsOwnAndIsDarkAfterClose() throws Exception {
        start(lights);
        DigitalOutput guide = pi4j.registry().allByType(DigitalOutput.class).values().stream()
                .filter(o -> o.address() == pins.guideLight()).findFirst().orElseThrow();
        List<Boolean> levels = new CopyOnWriteArrayList<>();
        guide.addListener(e -> levels.add(e.state().isHigh()));
        lights.blink(Light.GUIDE, Indicators.MIN_BLINK_PERIOD.multipliedBy(2));
        await().atMost(PATIENCE).until(() -> levels.size() >= 4);
        lights.close();
        assertEquals(pins.lightsActiveLow(), guide.state().isHigh(), "dark after close");
    }

    @Test
    void aPowerCycleCutsPowerThenRestoresItBeforeReopeningOnce() throws Exception {
        start(relay);
        String device = someRelay();
        List<Boolean> poweredAtReopen = new CopyOnWriteArrayList<>();
        CompletableFuture<PowerCycle> cycle = relay.powerCycle(device, () -> poweredAtReopen.add(powered(device)));
        await().atMost(PATIENCE).until(() -> !powered(device) || cycle.isDone());
        PowerCycle done = cycle.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(List.of(true), poweredAtReopen);
        assertTrue(powered(device));
        assertTrue(done.unpowered().compareTo(FAST_RELAY.offTime()) >= 0, "unpowered " + done.unpowered());
    }

    @Test
    void aCycleBeyondTheRateLimitIsRefusedAndPowerStaysOn() throws Exception {
        start(relay);
        String device = someRelay();
        relay.powerCycle(device, () -> { }).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> relay.powerCycle(device, () -> { }).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(DeviceError.RATE_LIMITED, assertInstanceOf(PowerCycleRefused.class, e.getCause()).error());
        assertTrue(powered(device));
    }

    @Test
    void presenceArrivesAtOnceAndLeavesAfterTheHoldTimeOnTheDeviceThread() throws Exception {
        start(sensors);
        MockGpio hand = needHand();
        hand.personArrives();
        await().atMost(PATIENCE).until(() -> events(PresenceDetected.class).size() == 1);
        assertTrue(sensors.someonePresent());
        hand.personLeaves();
        await().atMost(PATIENCE).until(() -> events(PresenceLost.class).size() == 1);
        assertTrue(events(PresenceLost.class).get(0).stayed().compareTo(FAST_SENSORS.presenceHold()) >= 0);
        assertTrue(eventThreads.stream().allMatch(n -> n.equals("gpio-sensors")), "events on the device thread: " + eventThreads);
    }

    @Test
    void anOpenDoorLatchesTheAlarmUntilAcknowledgedWithTheDoorClosed() throws Exception {
        // bounces shorter than the stable time are covered on a fake clock in Pi4jSensorsTest; real threads cannot time them
        start(sensors);
        MockGpio hand = needHand();
        hand.openDoor();
        await().atMost(PATIENCE).until(sensors::tamperAlarmRaised);
        assertEquals(TamperAck.DOOR_STILL_OPEN, sensors.acknowledgeTamper().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        hand.closeDoor();
        await().atMost(PATIENCE).until(() -> !sensors.doorOpen());
        assertTrue(sensors.tamperAlarmRaised(), "still latched after the door closed");
        assertEquals(TamperAck.CLEARED, sensors.acknowledgeTamper().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertFalse(sensors.tamperAlarmRaised());
        assertEquals(1, events(TamperAlarm.class).size());
    }

    @Test
    void theSelfTestPassesEveryPinWhileTheDevicesAreClosed() {
        List<PinCheck> checks = new GpioSelfTest(pi4j, pins).run();
        assertEquals(pins.uses().size(), checks.size());
        assertTrue(checks.stream().allMatch(PinCheck::passed), () -> checks.stream().map(PinCheck::line).toList().toString());
    }

    @Test
    void internalHealthIsGoodForEveryEnabledDeviceAtRest() throws Exception {
        for (Device d : List.of(lights, sensors, relay)) {
            start(d);
            var report = d.checkHealth(HealthLevel.INTERNAL);
            assertTrue(report.healthy(), d.name() + ": " + report.detail());
        }
    }
}
