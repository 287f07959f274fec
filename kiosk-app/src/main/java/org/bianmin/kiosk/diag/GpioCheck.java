package org.bianmin.kiosk.diag;

import com.pi4j.context.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bianmin.config.GpioSettings;
import org.bianmin.device.DeviceError;
import org.bianmin.device.gpio.GpioContexts;
import org.bianmin.device.gpio.GpioPins;
import org.bianmin.device.gpio.GpioSelfTest;
import org.bianmin.device.gpio.PinCheck;

/**
 * Checks the GPIO lights, sensors and relays when the config enables them: that a GPIO chip exists and
 * may be opened, then every pin through {@link GpioSelfTest} (lights switched and read back, inputs read,
 * relays reported but never switched). Simulated GPIO runs the same walk on Pi4J's mock platform.
 */
final class GpioCheck implements DeviceCheck {
    private static final Path DEV = Path.of("/dev");

    private final GpioSettings settings;

    GpioCheck(GpioSettings settings) {
        this.settings = settings;
    }

    @Override
    public String device() {
        return "gpio";
    }

    @Override
    public String port() {
        if (!settings.enabled()) {
            return "-";
        }
        if (settings.simulated()) {
            return "simulator";
        }
        List<Path> chips = chips();
        return chips.isEmpty() ? "/dev/gpiochip*" : String.join(",", chips.stream().map(Path::toString).toList());
    }

    /** Lights and sensors help the citizen but no service needs them: a GPIO failure only warns. */
    @Override
    public boolean required() {
        return false;
    }

    @Override
    public boolean simulated() {
        return settings.simulated();
    }

    @Override
    public Verdict check() {
        if (!settings.enabled()) {
            return Verdict.skipped("devices.gpio.enabled is false");
        }
        if (!settings.simulated()) {
            Optional<Verdict> chipProblem = chipProblem();
            if (chipProblem.isPresent()) {
                return chipProblem.get();
            }
        }
        Context pi4j;
        try {
            pi4j = settings.simulated() ? GpioContexts.mock() : GpioContexts.gpiod(Optional.empty());
        } catch (RuntimeException | LinkageError e) {
            return Verdict.fail(Finding.of(DeviceError.GPIO_FAULT)
                    .cause("GPIO 库无法启动", "the GPIO library could not start")
                    .remedy("安装 libgpiod（sudo apt-get install libgpiod2），然后再次自检",
                            "install libgpiod (sudo apt-get install libgpiod2), then run the self-test again"), e.toString());
        }
        try {
            List<PinCheck> checks = new GpioSelfTest(pi4j, pins()).run();
            List<PinCheck> failed = checks.stream().filter(c -> !c.passed()).toList();
            String summary = (settings.simulated() ? "simulated: " : "") + summary(checks);
            if (failed.isEmpty()) {
                return Verdict.ok(summary);
            }
            PinCheck first = failed.get(0);
            return Verdict.fail(Finding.of(DeviceError.GPIO_FAULT)
                    .cause(first.use() + "（BCM " + first.bcm() + "）：" + first.observed(), first.use() + " (BCM " + first.bcm() + "): " + first.observed()), summary);
        } finally {
            pi4j.shutdown();
        }
    }

    /** "2 lights switched and read back; presence-sensor LOW = nobody; door-switch LOW = closed; 2 relays not switched". */
    private static String summary(List<PinCheck> checks) {
        long lights = checks.stream().filter(c -> c.kind() == PinCheck.Kind.LIGHT && c.passed()).count();
        long relays = checks.stream().filter(c -> c.kind() == PinCheck.Kind.RELAY).count();
        List<String> parts = new ArrayList<>();
        parts.add(lights + " lights switched and read back");
        checks.stream().filter(c -> c.kind() == PinCheck.Kind.INPUT).forEach(c -> parts.add(c.use() + " " + c.observed()));
        checks.stream().filter(c -> c.outcome() == PinCheck.Outcome.FAILED && c.kind() != PinCheck.Kind.INPUT)
                .forEach(c -> parts.add(c.line()));
        if (relays > 0) {
            parts.add(relays + " relays not switched (that would cut a device's power)");
        }
        return String.join("; ", parts);
    }

    private GpioPins pins() {
        Map<String, Integer> relays = new LinkedHashMap<>();
        settings.relays().forEach((kind, pin) -> relays.put(kind.deviceName(), pin));
        return new GpioPins(settings.lights().cardReader(), settings.lights().fault(), settings.presenceSensor(), settings.doorSwitch(),
                relays, settings.relaysActiveLow(), settings.lightsActiveLow());
    }

    private Optional<Verdict> chipProblem() {
        List<Path> chips = chips();
        if (chips.isEmpty()) {
            return Optional.of(Verdict.fail(Finding.of(DeviceError.GPIO_FAULT)
                    .cause("本机没有 GPIO 芯片（/dev/gpiochip* 不存在）", "this machine has no GPIO chip (no /dev/gpiochip*)")
                    .remedy("这是自助机的主板吗？没有 GPIO 的自助机请设 devices.gpio.enabled: false；树莓派上请检查内核（ls /dev/gpiochip*）",
                            "is this the kiosk's board? On a kiosk without GPIO set devices.gpio.enabled: false; on a Raspberry Pi check the kernel (ls /dev/gpiochip*)"),
                    "no /dev/gpiochip*"));
        }
        for (Path chip : chips) {
            if (!Files.isReadable(chip) || !Files.isWritable(chip)) {
                String user = System.getProperty("user.name", "kiosk");
                String group = group(chip).orElse("gpio");
                return Optional.of(Verdict.fail(Finding.of(DeviceError.GPIO_FAULT)
                        .cause("没有使用 " + chip + " 的权限", "permission denied on " + chip)
                        .remedy("将自助机的运行用户加入 " + group + " 组（sudo usermod -aG " + group + " " + user + "），然后重新登录",
                                "add the kiosk's user to the " + group + " group (sudo usermod -aG " + group + " " + user + "), then log in again"),
                        chip + " is not readable and writable for " + user));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> group(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, PosixFileAttributes.class).group().getName());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static List<Path> chips() {
        try (Stream<Path> s = Files.list(DEV)) {
            return s.filter(p -> p.getFileName().toString().startsWith("gpiochip")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
