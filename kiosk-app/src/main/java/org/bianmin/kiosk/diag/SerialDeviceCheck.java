package org.bianmin.kiosk.diag;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.DeviceLinks;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.scanner.TriggerProtocol;
import org.bianmin.kiosk.diag.Handshake.Reply;

/**
 * Checks a serial device (or a network receipt printer) on the port its config names: opens the port,
 * asks the device its status at the configured baud rate, and when nothing sensible answers looks
 * further — does another kind of device answer there, does this one answer at another baud rate — so
 * the line it prints names the cause, not just "no answer".
 *
 * <p>The printer is asked first among the others, because DLE EOT is harmless to any device, while a
 * SAM_V or scanner frame sent to a printer would be printed as garbage; for the same reason a silent
 * printer is looked for at other baud rates before anything else is sent to it.
 */
final class SerialDeviceCheck implements DeviceCheck {
    /** How long the device's own handshake waits for each answer. */
    static final Duration WAIT = Duration.ofMillis(500);
    /** How long a look for another device or baud rate waits. */
    static final Duration LOOK = Duration.ofMillis(300);

    private final String device;
    private final String configKey;
    private final String port;
    private final int baud;
    private final Handshake expected;
    private final Optional<TriggerProtocol> scannerProtocol;
    private final boolean required;
    private final Map<Handshake, String> elsewhere;

    /**
     * @param configKey       the device's key in the config, e.g. {@code devices.receiptPrinter}, for remedies
     * @param scannerProtocol the trigger protocol the config gives a scanner; empty for other devices
     * @param elsewhere       the ports the config gives the other serial devices, to spot swapped cables
     */
    SerialDeviceCheck(String device, String configKey, String port, int baud, Handshake expected,
                      Optional<TriggerProtocol> scannerProtocol, boolean required, Map<Handshake, String> elsewhere) {
        this.device = device;
        this.configKey = configKey;
        this.port = port;
        this.baud = baud;
        this.expected = expected;
        this.scannerProtocol = scannerProtocol;
        this.required = required;
        this.elsewhere = Map.copyOf(elsewhere);
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public String port() {
        return port;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    private boolean tcp() {
        return port.startsWith("tcp://");
    }

    /** A continuous-mode scanner has no command channel: it cannot be asked anything. */
    private boolean cannotBeAsked() {
        return scannerProtocol.orElse(null) == TriggerProtocol.NONE;
    }

    @Override
    public Verdict check() {
        if (!tcp()) {
            List<String> holders = PortHolders.of(port);
            if (!holders.isEmpty()) {
                return PortFindings.busy(port, holders);
            }
        }
        try {
            Reply first = cannotBeAsked() ? new Reply.Silent() : ask(expected, baud, WAIT);
            if (first instanceof Reply.Answered a) {
                return judge(a);
            }
            return lookFurther(first);
        } catch (LinkException e) {
            return PortFindings.linkFailed(e, port, configKey);
        }
    }

    private Verdict judge(Reply.Answered a) {
        if (a.problem().isPresent()) {
            return Verdict.fail(a.problem().get(), a.detail());
        }
        if (expected == Handshake.SCANNER && a.speaks().isPresent() && scannerProtocol.isPresent()
                && a.speaks().get() != scannerProtocol.get()) {
            String speaks = a.speaks().get().name().toLowerCase(java.util.Locale.ROOT);
            String configured = scannerProtocol.get().name().toLowerCase(java.util.Locale.ROOT);
            return Verdict.fail(Finding.of(DeviceError.BAD_SETTINGS)
                            .cause("扫描枪应答的是 " + speaks + " 指令，配置里写的是 " + configured,
                                    "the scanner answers " + speaks + " commands; the config says protocol " + configured)
                            .remedy("把配置改为 " + configKey + ".protocol: " + speaks,
                                    "set " + configKey + ".protocol: " + speaks + " in the config"),
                    a.detail());
        }
        return a.warning().map(w -> Verdict.okWithWarning(a.detail(), w)).orElseGet(() -> Verdict.ok(a.detail()));
    }

    /** The device did not answer in its protocol: who answers here, and does it answer at another baud rate? */
    private Verdict lookFurther(Reply first) throws LinkException {
        List<Integer> otherBauds = tcp() ? List.of() : expected.usualBauds().stream().filter(b -> b != baud).toList();
        if (expected == Handshake.ESC_POS) {
            Optional<Verdict> atOtherBaud = atOtherBaud(otherBauds);
            if (atOtherBaud.isPresent()) {
                return atOtherBaud.get();
            }
        }
        if (!tcp()) {
            for (Handshake other : Handshake.values()) {
                if (other == expected) {
                    continue;
                }
                if (ask(other, baud, LOOK) instanceof Reply.Answered a) {
                    return anotherDevice(other, a);
                }
            }
        }
        if (cannotBeAsked()) {
            return continuousScanner();
        }
        if (expected != Handshake.ESC_POS) {
            Optional<Verdict> atOtherBaud = atOtherBaud(otherBauds);
            if (atOtherBaud.isPresent()) {
                return atOtherBaud.get();
            }
        }
        String probe = "./kiosk diag probe --port " + port;
        if (first instanceof Reply.Garbage g) {
            return Verdict.fail(Finding.of(DeviceError.BAD_FRAME)
                    .cause("收到乱码而不是" + expected.zh() + "的应答（" + baud + " 波特）：多半是波特率不匹配",
                            "garbage instead of the answer of " + expected.en() + " at " + baud + " baud: most likely a baud-rate mismatch")
                    .remedy("用 " + probe + " 找出设备的波特率，改正 " + configKey + ".baud",
                            "find the device's baud rate with " + probe + " and correct " + configKey + ".baud"), g.detail());
        }
        if (tcp()) {
            return Verdict.fail(Finding.of(DeviceError.TIMEOUT)
                    .cause("连上了 " + port + "，但它不应答 ESC/POS 状态查询", "connected to " + port + ", but it does not answer the ESC/POS status request")
                    .remedy("确认这个地址是小票打印机（打印机自检页上有 IP 地址），并在打印机设置里打开状态回传",
                            "make sure the address is the receipt printer (its self-test page shows its IP address) and that status replies are on in its settings"),
                    "nothing came back within " + WAIT.toMillis() + " ms");
        }
        return Verdict.fail(Finding.of(DeviceError.TIMEOUT)
                .cause("端口上没有应答：没有" + expected.zh() + "在这里应答（试过 " + baud + " 波特和常用波特率）",
                        "no answer: nothing answers like " + expected.en() + " on this port (tried " + baud + " baud and the usual rates)")
                .remedy("检查设备电源指示灯和线缆两头；波特率不对？用 " + probe + " 查看端口上是什么",
                        "check the device's power light and both ends of the cable; wrong baud rate? see what answers with " + probe),
                "nothing came back within " + WAIT.toMillis() + " ms");
    }

    private Optional<Verdict> atOtherBaud(List<Integer> bauds) throws LinkException {
        for (int b : bauds) {
            if (ask(expected, b, LOOK) instanceof Reply.Answered a) {
                return Optional.of(Verdict.fail(Finding.of(DeviceError.BAD_SETTINGS)
                        .cause("设备以 " + b + " 波特应答，配置里写的是 " + baud, "the device answers at " + b + " baud; the config says " + baud)
                        .remedy("把配置改为 " + configKey + ".baud: " + b, "set " + configKey + ".baud: " + b + " in the config"),
                        a.detail()));
            }
        }
        return Optional.empty();
    }

    private Verdict anotherDevice(Handshake other, Reply.Answered a) {
        String swapped = elsewhere.get(other);
        Finding f = Finding.of(DeviceError.UNEXPECTED_REPLY)
                .cause("此端口上应答的是" + other.zh() + "，而不是" + expected.zh(),
                        "this port answers like " + other.en() + ", not " + expected.en());
        if (swapped != null && !swapped.equals(port)) {
            f = f.remedy("配置把它放在 " + swapped + "：两根线插反了？对调线缆，或对调配置里两个设备的端口",
                    "the config puts that device on " + swapped + ": are the two cables swapped? Swap them, or swap the two ports in the config");
        } else {
            f = f.remedy("把" + expected.zh() + "插到这个端口，或改正 " + configKey + ".port（./kiosk diag ports 列出端口）",
                    "plug " + expected.en() + " into this port, or correct " + configKey + ".port (./kiosk diag ports lists the ports)");
        }
        return Verdict.fail(f, a.detail());
    }

    private Verdict continuousScanner() {
        return Verdict.ok("port opens and no other device answers there; protocol none: the scanner cannot be asked, "
                + "so scan a code to test it: ./kiosk diag scan --port " + port);
    }

    private Reply ask(Handshake h, int atBaud, Duration wait) throws LinkException {
        try (SerialLink link = DeviceLinks.open(port, SerialSettings.of(atBaud))) {
            return h.ask(link, wait);
        }
    }
}
