package org.bianmin.device.cli;

import java.time.Duration;
import java.util.Locale;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.JsscSerialLink;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
import org.bianmin.device.link.TcpLink;
import picocli.CommandLine.Option;

/** The options every command that talks to one device shares: where it is and how the line is set. */
final class LinkOptions {
    @Option(names = "--port", required = true, paramLabel = "PORT",
            description = "serial port (/dev/ttyUSB0, one end of a pty pair) or tcp://HOST[:9100] for a network printer")
    String port;

    @Option(names = "--baud", paramLabel = "N", description = "baud rate (default: the device kind's usual rate)")
    Integer baud;

    @Option(names = "--flow", paramLabel = "MODE", defaultValue = "none",
            description = "flow control: none, rts-cts or xon-xoff (default: ${DEFAULT-VALUE})")
    String flow;

    SerialSettings settings(int defaultBaud) throws LinkException {
        int b = baud == null ? defaultBaud : baud;
        SerialSettings.FlowControl fc = switch (flow.toLowerCase(Locale.ROOT)) {
            case "none" -> SerialSettings.FlowControl.NONE;
            case "rts-cts", "rtscts" -> SerialSettings.FlowControl.RTS_CTS;
            case "xon-xoff", "xonxoff" -> SerialSettings.FlowControl.XON_XOFF;
            default -> throw new LinkException(DeviceError.BAD_SETTINGS, "--flow " + flow + " is not known; use none, rts-cts or xon-xoff");
        };
        try {
            return SerialSettings.of(b).withFlowControl(fc);
        } catch (IllegalArgumentException e) {
            throw new LinkException(DeviceError.BAD_SETTINGS, "--baud " + b + ": " + e.getMessage());
        }
    }

    /** Opens the link: TCP for tcp://host[:port], else a serial port through jssc. */
    SerialLink open(int defaultBaud) throws LinkException {
        SerialSettings s = settings(defaultBaud);
        if (port.startsWith("tcp://")) {
            String hostPort = port.substring("tcp://".length());
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int p = TcpLink.RAW_PRINT_PORT;
            if (colon >= 0) {
                try {
                    p = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new LinkException(DeviceError.BAD_SETTINGS, port + ": the TCP port must be a number, e.g. tcp://192.0.2.10:9100");
                }
            }
            return TcpLink.connect(host, p, Duration.ofSeconds(3));
        }
        return JsscSerialLink.open(port, s);
    }
}
