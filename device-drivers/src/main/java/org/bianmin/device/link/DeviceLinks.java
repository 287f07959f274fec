package org.bianmin.device.link;

import java.time.Duration;
import java.util.function.Consumer;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;

/**
 * Opens the link a configured device names: a serial port through jssc, or {@code tcp://HOST[:PORT]}
 * for a network printer (port 9100 when none is given) — once, or watched by a
 * {@link ReconnectingLink} that reopens it after a loss.
 */
public final class DeviceLinks {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private DeviceLinks() {}

    /** Opens the port once; a failure says what is wrong in one line. */
    public static SerialLink open(String port, SerialSettings settings) throws LinkException {
        if (port.startsWith("tcp://")) {
            String hostPort = port.substring("tcp://".length());
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (host.isBlank()) {
                throw new LinkException(DeviceError.BAD_SETTINGS, port + ": the printer's address is missing, e.g. tcp://192.0.2.10:9100");
            }
            int p = TcpLink.RAW_PRINT_PORT;
            if (colon >= 0) {
                try {
                    p = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    p = -1;
                }
                if (p < 1 || p > 65535) {
                    throw new LinkException(DeviceError.BAD_SETTINGS,
                            port + ": the TCP port must be a number from 1 to 65535, e.g. tcp://192.0.2.10:9100");
                }
            }
            return TcpLink.connect(host, p, CONNECT_TIMEOUT);
        }
        return JsscSerialLink.open(port, settings);
    }

    /**
     * Opens the port and keeps watching it: an I/O error or repeated unanswered requests fire
     * {@link DeviceEvent.Disconnected} to {@code events}, the port is reopened with backoff, then
     * {@link DeviceEvent.Reconnected} fires. Pass the driver's {@code onLinkEvent} (or its listeners) as
     * {@code events}.
     */
    public static ReconnectingLink watched(String device, String port, SerialSettings settings, Consumer<DeviceEvent> events)
            throws LinkException {
        ReconnectingLink link = new ReconnectingLink(device, port, () -> open(port, settings), ReconnectingLink.Policy.DEFAULT, events);
        link.open();
        return link;
    }
}
