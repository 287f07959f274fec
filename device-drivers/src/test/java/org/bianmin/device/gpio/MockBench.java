package org.bianmin.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceEvent;
import org.bianmin.device.DeviceException;
import org.bianmin.device.Statistics;
import org.bianmin.device.gpio.sim.MockGpio;

/** A mock Pi on a test's desk: the mock Pi4J context, a hand-moved clock, the hand on the pins, and the events heard. */
final class MockBench implements AutoCloseable {
    final Context pi4j = GpioContexts.mock();
    final ManualScheduler clock = new ManualScheduler();
    final GpioPins pins;
    final MockGpio hand;
    final Statistics statistics = Statistics.inMemory();
    final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final List<Device> devices = new ArrayList<>();

    MockBench(GpioPins pins) {
        this.pins = pins;
        this.hand = new MockGpio(pi4j, pins);
    }

    MockBench() {
        this(GpioPins.REFERENCE);
    }

    Pi4jIndicators indicators() throws DeviceException {
        return started(new Pi4jIndicators("indicators", pi4j, pins, clock, statistics));
    }

    Pi4jSensors sensors(SensorSettings settings) throws DeviceException {
        return started(new Pi4jSensors("sensors", pi4j, pins, settings, clock, statistics));
    }

    Pi4jPowerRelay relay(RelaySettings settings) throws DeviceException {
        return started(new Pi4jPowerRelay("power-relay", pi4j, pins, settings, clock, statistics));
    }

    /** Opens, listens to and enables the device; closed with the bench. */
    <D extends Device> D started(D device) throws DeviceException {
        devices.add(device);
        device.addListener(events::add);
        device.open();
        device.enable();
        return device;
    }

    /** The output object on a pin, kept by the test so its level can be read after the device gave it back. */
    DigitalOutput output(int bcm) {
        return pi4j.registry().allByType(DigitalOutput.class).values().stream()
                .filter(o -> o.address() == bcm).findFirst().orElseThrow();
    }

    <E extends DeviceEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        devices.forEach(Device::close);
        pi4j.shutdown();
    }
}
