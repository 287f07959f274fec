package org.bianmin.config;

import java.util.Objects;

/**
 * The serial QR scanner.
 *
 * @param port      its serial port
 * @param baud      bits per second, usually 9600
 * @param flowControl the line\'s handshake (serial ports only)
 * @param protocol  how the kiosk triggers it, if at all
 * @param required  whether services that need it go out of service while it is down
 * @param simulated run the built-in simulator instead of the hardware
 */
public record QrScannerSettings(DevicePort.Serial port, int baud, FlowControl flowControl, ScannerProtocol protocol, boolean required, boolean simulated) {

    public QrScannerSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(protocol, "protocol");
    }
}
