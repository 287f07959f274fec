package org.bianmin.device.cli;

import java.util.Locale;
import org.bianmin.device.DeviceError;
import org.bianmin.device.link.DeviceLinks;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;
import org.bianmin.device.link.SerialSettings;
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
        return DeviceLinks.open(port, settings(defaultBaud));
    }
}
