package org.bianmin.device.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the Pi4J context the GPIO devices run on: the mock platform (tests, demo, technicians'
 * simulation) or the Linux GPIO character device through libgpiod — chosen by config, never by looking
 * at the host. Providers are added explicitly; nothing is auto-detected from the class path.
 *
 * <p>The caller owns the context and shuts it down ({@link Context#shutdown()}) after closing the devices.
 */
public final class GpioContexts {

    /** Which GPIO provider to use ({@code gpio.provider} in config). */
    public enum Provider {
        /** Pi4J's mock platform: outputs remember their level, inputs are driven with {@code sim.MockGpio}. */
        MOCK,
        /** The real pins through libgpiod (works on Pi 5, no root needed). */
        GPIOD;

        /**
         * Reads the config value "mock" or "gpiod".
         *
         * @throws IllegalArgumentException naming the value and the accepted ones
         */
        public static Provider parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "mock" -> MOCK;
                case "gpiod" -> GPIOD;
                default -> throw new IllegalArgumentException("gpio.provider '" + value
                        + "' is not known; write mock (simulated pins) or gpiod (real pins on a Raspberry Pi)");
            };
        }
    }

    private GpioContexts() {}

    /** The context for the configured provider; {@code gpioChip} is only used by {@link Provider#GPIOD}. */
    public static Context create(Provider provider, Optional<String> gpioChip) {
        return switch (provider) {
            case MOCK -> mock();
            case GPIOD -> gpiod(gpioChip);
        };
    }

    /** A mock context: the mock platform with mock digital inputs and outputs, no shutdown hook. */
    public static Context mock() {
        return Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
                .build();
    }

    /**
     * A libgpiod context. {@code gpioChip} names the chip when the default is wrong for the board
     * [U: e.g. "gpiochip4" on a Pi 5 with an older kernel]; pins are claimed only when a device opens.
     */
    public static Context gpiod(Optional<String> gpioChip) {
        var builder = Pi4J.newContextBuilder()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance());
        gpioChip.filter(c -> !c.isBlank()).ifPresent(builder::setGpioChipName);
        return builder.build();
    }

    /** True when the context runs on Pi4J's mock digital providers. */
    public static boolean isMock(Context context) {
        return context.hasProvider(MockDigitalInputProvider.ID);
    }
}
