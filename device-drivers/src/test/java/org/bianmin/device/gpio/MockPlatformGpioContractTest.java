package org.bianmin.device.gpio;

import com.pi4j.context.Context;
import java.util.Optional;
import org.bianmin.device.gpio.sim.MockGpio;

/** The GPIO contract on Pi4J's mock platform, inputs driven by {@link MockGpio}. */
class MockPlatformGpioContractTest extends GpioContract {

    @Override
    protected Context newContext() {
        return GpioContexts.mock();
    }

    @Override
    protected GpioPins pins() {
        return GpioPins.REFERENCE;
    }

    @Override
    protected Optional<MockGpio> hand(Context pi4j, GpioPins pins) {
        return Optional.of(new MockGpio(pi4j, pins));
    }
}
