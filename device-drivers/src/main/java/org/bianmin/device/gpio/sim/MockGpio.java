package org.bianmin.device.gpio.sim;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.Objects;
import java.util.function.Consumer;
import org.bianmin.device.gpio.GpioContexts;
import org.bianmin.device.gpio.GpioPins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's hand on the mock pins: sets mock inputs by BCM pin and reads outputs, with named hooks
 * for the kiosk's sensors ({@link #personArrives()}, {@link #openDoor()}, {@link #cutDoorWire()} …).
 *
 * <p>Pi4J's mock delivers an input change to its listeners synchronously, and only when the level changes.
 * An input must be claimed (its device open) before it can be driven.
 */
public final class MockGpio {
    private static final Logger log = LoggerFactory.getLogger(MockGpio.class);

    private final Context pi4j;
    private final GpioPins pins;

    /**
     * @throws IllegalArgumentException when the context is not a mock one
     */
    public MockGpio(Context pi4j, GpioPins pins) {
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j context");
        this.pins = Objects.requireNonNull(pins, "pins");
        if (!GpioContexts.isMock(pi4j)) {
            throw new IllegalArgumentException("MockGpio drives the mock GPIO provider only; build the context with gpio.provider=mock");
        }
    }

    /**
     * Sets the level of the mock input on {@code bcm}.
     *
     * @throws IllegalArgumentException when no input is claimed on that pin
     */
    public void setInput(int bcm, boolean high) {
        MockDigitalInput in = pi4j.registry().allByType(MockDigitalInput.class).values().stream()
                .filter(i -> i.address() == bcm).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mock input is claimed on BCM " + bcm
                        + "; open the sensors first (inputs on: " + claimedInputs() + ")"));
        log.info("mock BCM {} ({}) -> {}", bcm, in.name(), high ? "HIGH" : "LOW");
        in.mockState(DigitalState.getState(high));
    }

    /**
     * The level of the output on {@code bcm}.
     *
     * @throws IllegalArgumentException when no output is claimed on that pin
     */
    public boolean outputHigh(int bcm) {
        DigitalOutput out = pi4j.registry().allByType(DigitalOutput.class).values().stream()
                .filter(o -> o.address() == bcm).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no output is claimed on BCM " + bcm + "; open the lights or relays first"));
        return out.state() == DigitalState.HIGH;
    }

    /** The presence sensor goes HIGH. */
    public void personArrives() {
        setInput(pins.presenceSensor(), true);
    }

    /** The presence sensor goes LOW. */
    public void personLeaves() {
        setInput(pins.presenceSensor(), false);
    }

    /** The normally-closed door switch opens: HIGH through the pull-up. */
    public void openDoor() {
        setInput(pins.doorSwitch(), true);
    }

    /** The door switch closes to GND: LOW. */
    public void closeDoor() {
        setInput(pins.doorSwitch(), false);
    }

    /** The switch wire is cut: the pull-up reads HIGH, exactly like an open door. */
    public void cutDoorWire() {
        setInput(pins.doorSwitch(), true);
    }

    /** True when the light is lit, honouring {@link GpioPins#lightsActiveLow()}. */
    public boolean guideLightLit() {
        return outputHigh(pins.guideLight()) != pins.lightsActiveLow();
    }

    /** True when the light is lit, honouring {@link GpioPins#lightsActiveLow()}. */
    public boolean faultLightLit() {
        return outputHigh(pins.faultLight()) != pins.lightsActiveLow();
    }

    /** True when the device behind the relay has power (relay released), honouring {@link GpioPins#relaysActiveLow()}. */
    public boolean powered(String device) {
        Integer bcm = pins.relays().get(device);
        if (bcm == null) {
            throw new IllegalArgumentException("no relay is configured for '" + device + "'; configured: " + pins.relays().keySet());
        }
        return outputHigh(bcm) == pins.relaysActiveLow();
    }

    /**
     * Calls {@code powered} with the device's new power state each time its relay switches: true when the relay
     * is released (powered), honouring {@link GpioPins#relaysActiveLow()}. Pi4J's mock calls it on the thread
     * that switched the relay. The relay must be claimed (the power relay open) first.
     *
     * @throws IllegalArgumentException when no relay is configured for the device, or it is not claimed
     */
    public void onPowerChange(String device, Consumer<Boolean> powered) {
        Integer bcm = pins.relays().get(device);
        if (bcm == null) {
            throw new IllegalArgumentException("no relay is configured for '" + device + "'; configured: " + pins.relays().keySet());
        }
        DigitalOutput out = pi4j.registry().allByType(DigitalOutput.class).values().stream()
                .filter(o -> o.address() == bcm).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the relay of '" + device + "' (BCM " + bcm
                        + ") is not claimed; open the power relay first"));
        out.addListener(e -> powered.accept(e.state().isHigh() == pins.relaysActiveLow()));
    }

    private String claimedInputs() {
        return pi4j.registry().allByType(MockDigitalInput.class).values().stream()
                .map(i -> i.name() + "=BCM " + i.address()).sorted().toList().toString();
    }
}
