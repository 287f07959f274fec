package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bianmin.device.gpio.sim.MockGpio;
import org.junit.jupiter.api.Test;

class GpioContextsTest {

    @Test
    void theProviderIsChosenByItsConfigNameAndAnUnknownNameListsTheAcceptedOnes() {
        assertEquals(GpioContexts.Provider.MOCK, GpioContexts.Provider.parse("mock"));
        assertEquals(GpioContexts.Provider.GPIOD, GpioContexts.Provider.parse(" GpioD "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpioContexts.Provider.parse("pigpio"));
        assertEquals("gpio.provider 'pigpio' is not known; write mock (simulated pins) or gpiod (real pins on a Raspberry Pi)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GpioContexts.Provider.parse(null));
    }

    @Test
    void theMockContextIsMockAndTheGpiodContextIsNotEvenOnAMachineWithoutGpio() {
        Context mock = GpioContexts.create(GpioContexts.Provider.MOCK, Optional.empty());
        Context gpiod = GpioContexts.create(GpioContexts.Provider.GPIOD, Optional.of("gpiochip0"));
        try {
            assertTrue(GpioContexts.isMock(mock));
            assertFalse(GpioContexts.isMock(gpiod));
        } finally {
            mock.shutdown();
            gpiod.shutdown();
        }
    }

    @Test
    void theMockHandSetsAnInputByItsBcmPinAndListenersHearIt() {
        Context pi4j = GpioContexts.mock();
        try {
            DigitalInput in = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("t.door").name("door").address(27)
                    .pull(PullResistance.PULL_UP));
            List<DigitalState> heard = new ArrayList<>();
            in.addListener(e -> heard.add(e.state()));
            MockGpio hand = new MockGpio(pi4j, GpioPins.REFERENCE);
            hand.setInput(27, true);
            hand.openDoor();
            hand.closeDoor();
            assertEquals(List.of(DigitalState.HIGH, DigitalState.LOW), heard, "the mock only reports changes");
        } finally {
            pi4j.shutdown();
        }
    }

    @Test
    void theMockHandSaysToOpenTheSensorsWhenNoInputIsClaimedOnThePin() {
        Context pi4j = GpioContexts.mock();
        try {
            MockGpio hand = new MockGpio(pi4j, GpioPins.REFERENCE);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, hand::personArrives);
            assertEquals("no mock input is claimed on BCM 17; open the sensors first (inputs on: [])", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> hand.outputHigh(23));
            assertThrows(IllegalArgumentException.class, () -> hand.powered("qr-scanner"));
        } finally {
            pi4j.shutdown();
        }
    }

    @Test
    void theMockHandRefusesARealContext() {
        Context gpiod = GpioContexts.gpiod(Optional.empty());
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MockGpio(gpiod, GpioPins.REFERENCE));
            assertEquals("MockGpio drives the mock GPIO provider only; build the context with gpio.provider=mock", e.getMessage());
        } finally {
            gpiod.shutdown();
        }
    }
}
