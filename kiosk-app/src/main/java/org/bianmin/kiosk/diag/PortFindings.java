package org.bianmin.kiosk.diag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialPorts;

/**
 * Turns a port that would not open into a finding that names this port: the serial ports that do exist,
 * the group that may open it, the command that finds the program holding it.
 */
final class PortFindings {
    private PortFindings() {}

    static Verdict linkFailed(LinkException e, String port, String configKey) {
        String detail = e.getMessage();
        if (port.startsWith("tcp://")) {
            return Verdict.fail(network(e.error(), port), detail);
        }
        return Verdict.fail(switch (e.error()) {
            case PORT_NOT_FOUND -> notFound(port, configKey);
            case PERMISSION_DENIED -> permissionDenied(port);
            case PORT_BUSY -> busy(port);
            case BAD_SETTINGS -> Finding.of(DeviceError.BAD_SETTINGS)
                    .cause(port + " 打不开或不是串口", port + " cannot be set up as a serial port")
                    .remedy("改正 " + configKey + ".port（./kiosk diag ports 列出本机串口）",
                            "correct " + configKey + ".port (./kiosk diag ports lists this machine's serial ports)");
            default -> Finding.of(e.error());
        }, detail);
    }

    private static Finding notFound(String port, String configKey) {
        List<SerialPorts.Found> found = SerialPorts.list();
        String list = String.join(", ", found.stream().map(f -> f.port() + (f.byId() == null ? "" : " (" + f.byId() + ")")).toList());
        Finding f = Finding.of(DeviceError.PORT_NOT_FOUND).cause(port + " 不存在", port + " does not exist");
        if (found.isEmpty()) {
            return f.remedy("本机一个串口也没有：检查线缆和设备电源，用 dmesg | tail 看 USB 转串口是否被识别",
                    "this machine has no serial ports at all: check the cable and the device's power, and whether dmesg | tail shows the USB adapter");
        }
        return f.remedy("本机现有串口：" + list + "；检查线缆，再把 " + configKey + ".port 改成正确的端口",
                "serial ports here: " + list + "; check the cable, then set " + configKey + ".port to the right one");
    }

    private static Finding permissionDenied(String port) {
        String user = System.getProperty("user.name", "kiosk");
        String group = "dialout";
        String mode = "";
        boolean groupMayUseIt = true;
        try {
            PosixFileAttributes a = Files.readAttributes(Path.of(port), PosixFileAttributes.class);
            group = a.group().getName();
            mode = " (" + PosixFilePermissions.toString(a.permissions()) + " " + a.owner().getName() + ":" + group + ")";
            groupMayUseIt = a.permissions().containsAll(Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE))
                    && !group.equals("root");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // the usual group of serial ports stands in when the port's own cannot be read
        }
        Finding f = Finding.of(DeviceError.PERMISSION_DENIED).cause("没有打开 " + port + " 的权限" + mode, "permission denied on " + port + mode);
        if (groupMayUseIt) {
            return f.remedy("将自助机的运行用户加入 " + group + " 组（sudo usermod -aG " + group + " " + user + "），然后重新登录",
                    "add the kiosk's user to the " + group + " group (sudo usermod -aG " + group + " " + user + "), then log in again");
        }
        // joining the port's group would not help (or would mean joining root): the port itself must be given to dialout
        String rule = "KERNEL==\"ttyUSB*|ttyACM*\", GROUP=\"dialout\", MODE=\"0660\"";
        return f.remedy("端口只对所有者开放：在 /etc/udev/rules.d/99-kiosk-serial.rules 写入 " + rule + "，重新插拔设备，"
                        + "并将 " + user + " 加入 dialout 组（sudo usermod -aG dialout " + user + "）",
                "only its owner may open the port: give it to the dialout group with a udev rule (/etc/udev/rules.d/99-kiosk-serial.rules: "
                        + rule + "), replug the device, and add " + user + " to dialout (sudo usermod -aG dialout " + user + ")");
    }

    private static Finding busy(String port) {
        return Finding.of(DeviceError.PORT_BUSY)
                .cause(port + " 正被另一个程序占用", port + " is busy: another program has it open")
                .remedy("用 sudo fuser -v " + port + " 找出占用的程序并停止它（自助机本身在运行？另一个诊断命令？ModemManager？），然后再次自检",
                        "find it with sudo fuser -v " + port + " and stop it (the kiosk itself? another diag command? ModemManager?), then run the self-test again");
    }

    /** Other programs have the port open: two programs on one port steal each other's replies. */
    static Verdict busy(String port, List<String> holders) {
        String who = String.join(", ", holders);
        return Verdict.fail(Finding.of(DeviceError.PORT_BUSY)
                .cause(port + " 正被 " + who + " 占用", port + " is held by " + who)
                .remedy("停止那个程序（自助机本身在运行？自检前先停止它；诊断命令？按 Ctrl-C 结束），用 sudo fuser -v " + port + " 确认后再次自检",
                        "stop that program (the kiosk itself? stop it before the self-test; a diag command? end it with Ctrl-C), check with"
                                + " sudo fuser -v " + port + ", then run the self-test again"), "open by " + who);
    }

    private static Finding network(DeviceError error, String port) {
        Finding f = Finding.of(error == DeviceError.BAD_SETTINGS ? DeviceError.BAD_SETTINGS : DeviceError.PRINTER_OFFLINE);
        return switch (error) {
            case BAD_SETTINGS -> f;
            case TIMEOUT -> f.cause(port + " 没有回应连接：打印机关机、网线断开或地址不对",
                            port + " does not answer the connection: the printer is off, its network cable is out, or the address is wrong")
                    .remedy("检查打印机电源和网线；打印机自检页（开机时按住 FEED）上有它的 IP 地址，与配置核对",
                            "check the printer's power and network cable; its self-test page (hold FEED while switching on) shows its IP address: compare it with the config");
            default -> f.cause(port + " 拒绝连接或地址找不到：打印机未开机，或没有开启 9100 端口的直接打印",
                            port + " refuses the connection or the host is unknown: the printer is off, or raw printing on port 9100 is not enabled")
                    .remedy("打开打印机，核对它自检页上的 IP 地址和端口，在打印机网页设置里开启 RAW/9100 打印",
                            "switch the printer on, compare the IP address and port on its self-test page with the config, and enable RAW/9100 printing in its web settings");
        };
    }
}
