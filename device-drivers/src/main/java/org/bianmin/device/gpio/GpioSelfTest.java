package org.bianmin.device.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every configured pin for {@code diag selftest}: each light is switched on and off and read back,
 * each input is read, each relay is only reported (switching it would cut a device's power).
 *
 * <p>Pins already claimed by an open device are borrowed and left as they were; free pins are claimed for
 * the test and given back. Lights are read back from the pin; only a person can see whether the LED lit.
 */
public final class GpioSelfTest {
    private static final Logger log = LoggerFactory.getLogger(GpioSelfTest.class);

    private final Context pi4j;
    private final GpioPins pins;

    public GpioSelfTest(Context pi4j, GpioPins pins) {
        this.pi4j = Objects.requireNonNull(pi4j, "pi4j context");
        this.pins = Objects.requireNonNull(pins, "pins");
    }

    /** One {@link PinCheck} per configured pin, in the order of {@link GpioPins#uses()}. */
    public List<PinCheck> run() {
        List<PinCheck> checks = new ArrayList<>();
        checks.add(light(GpioPins.GUIDE_LIGHT, pins.guideLight()));
        checks.add(light(GpioPins.FAULT_LIGHT, pins.faultLight()));
        checks.add(input(GpioPins.PRESENCE_SENSOR, pins.presenceSensor(), PullResistance.PULL_DOWN, "someone there", "nobody"));
        checks.add(input(GpioPins.DOOR_SWITCH, pins.doorSwitch(), PullResistance.PULL_UP,
                "OPEN or switch wire cut; close the door before you leave", "closed"));
        for (Map.Entry<String, Integer> r : pins.relays().entrySet()) {
            checks.add(relay(r.getKey(), r.getValue()));
        }
        checks.forEach(c -> log.info("self-test {}", c.line()));
        return List.copyOf(checks);
    }

    private PinCheck light(String use, int bcm) {
        boolean litHigh = !pins.lightsActiveLow();
        Optional<DigitalOutput> held = held(DigitalOutput.class, bcm);
        DigitalOutput out = null;
        try {
            out = held.orElseGet(() -> pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("selftest." + use).name(use)
                    .address(bcm).initial(DigitalState.getState(!litHigh)).shutdown(DigitalState.getState(!litHigh))));
            DigitalState before = out.state();
            String failure = setAndReadBack(out, litHigh);
            if (failure == null) {
                failure = setAndReadBack(out, !litHigh);
            }
            if (held.isPresent() && before != null && before != DigitalState.UNKNOWN) {
                out.state(before);
            }
            if (failure != null) {
                return new PinCheck(use, bcm, PinCheck.Kind.LIGHT, PinCheck.Outcome.FAILED, failure);
            }
            return new PinCheck(use, bcm, PinCheck.Kind.LIGHT, PinCheck.Outcome.PASSED, "lit (" + level(litHigh) + ") then dark ("
                    + level(!litHigh) + "), both read back" + (held.isPresent() ? "; borrowed from the open indicators" : ""));
        } catch (RuntimeException e) {
            return new PinCheck(use, bcm, PinCheck.Kind.LIGHT, PinCheck.Outcome.FAILED, cannot(e));
        } finally {
            if (held.isEmpty() && out != null) {
                giveBack(out);
            }
        }
    }

    private static String setAndReadBack(DigitalOutput out, boolean high) {
        out.state(DigitalState.getState(high));
        DigitalState now = out.state();
        if (now == null || now.isHigh() != high) {
            return "set " + level(high) + " but reads " + now + "; check the GPIO provider and the LED wiring";
        }
        return null;
    }

    private PinCheck input(String use, int bcm, PullResistance pull, String highMeans, String lowMeans) {
        Optional<DigitalInput> held = held(DigitalInput.class, bcm);
        DigitalInput in = null;
        try {
            in = held.orElseGet(() -> pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("selftest." + use).name(use)
                    .address(bcm).pull(pull)));
            DigitalState s = in.state();
            if (s == null || s == DigitalState.UNKNOWN) {
                return new PinCheck(use, bcm, PinCheck.Kind.INPUT, PinCheck.Outcome.FAILED,
                        "level is unknown; check the GPIO provider and the sensor wiring");
            }
            return new PinCheck(use, bcm, PinCheck.Kind.INPUT, PinCheck.Outcome.PASSED,
                    level(s.isHigh()) + " = " + (s.isHigh() ? highMeans : lowMeans));
        } catch (RuntimeException e) {
            return new PinCheck(use, bcm, PinCheck.Kind.INPUT, PinCheck.Outcome.FAILED, cannot(e));
        } finally {
            if (held.isEmpty() && in != null) {
                giveBack(in);
            }
        }
    }

    private PinCheck relay(String device, int bcm) {
        String use = GpioPins.RELAY_PREFIX + device;
        String why = "not switched: that would cut power to " + device + "; test it with a power cycle";
        Optional<DigitalOutput> held = held(DigitalOutput.class, bcm);
        if (held.isPresent()) {
            DigitalState s = held.get().state();
            boolean released = s != null && s.isHigh() == pins.relaysActiveLow();
            why = (released ? "released (powered)" : "energised (power cut)") + ", " + why;
        }
        return new PinCheck(use, bcm, PinCheck.Kind.RELAY, PinCheck.Outcome.SKIPPED, why);
    }

    private <T extends Digital<?, ?, ?>> Optional<T> held(Class<T> type, int bcm) {
        return pi4j.registry().allByType(type).values().stream().filter(io -> io.address() == bcm).findFirst();
    }

    private void giveBack(Digital<?, ?, ?> io) {
        try {
            pi4j.shutdown(io.id());
        } catch (RuntimeException e) {
            log.warn("self-test could not give back {}: {}", io.id(), e.toString());
        }
    }

    private static String cannot(RuntimeException e) {
        return "cannot use the pin: " + e.getMessage() + "; check gpio.provider and that no other program holds it";
    }

    private static String level(boolean high) {
        return high ? "HIGH" : "LOW";
    }
}
