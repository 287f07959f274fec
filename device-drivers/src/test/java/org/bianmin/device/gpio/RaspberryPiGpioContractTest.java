package org.bianmin.device.gpio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pi4j.context.Context;
import java.util.Optional;
import org.bianmin.device.gpio.sim.MockGpio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The GPIO contract on a real Raspberry Pi through libgpiod. It switches the lights and power-cycles the
 * first configured relay's device, so it runs only when a technician asks for it.
 */
@Tag("hardware")
class RaspberryPiGpioContractTest extends GpioContract {
    private static final String HOW = "real-Pi GPIO contract skipped: on a Raspberry Pi wired as GpioPins.REFERENCE run "
            + "mvn -pl device-drivers test -Dgroups=hardware -Dtest=RaspberryPiGpioContractTest -Dkiosk.hw.gpio=true "
            + "(other wiring: -Dkiosk.hw.gpio.pins=guide-light=23,fault-light=24,...; another chip: -Dkiosk.hw.gpio.chip=gpiochip4); "
            + "it switches the lights and power-cycles one relay";

    @BeforeAll
    static void onlyWhenATechnicianAsks() {
        assumeTrue(Boolean.getBoolean("kiosk.hw.gpio"), HOW);
    }

    @Override
    protected Context newContext() {
        return GpioContexts.gpiod(Optional.ofNullable(System.getProperty("kiosk.hw.gpio.chip")));
    }

    @Override
    protected GpioPins pins() {
        String spec = System.getProperty("kiosk.hw.gpio.pins");
        return spec == null ? GpioPins.REFERENCE : GpioPins.parse(spec);
    }

    @Override
    protected Optional<MockGpio> hand(Context pi4j, GpioPins pins) {
        return Optional.empty();
    }
}
