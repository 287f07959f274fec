package org.bianmin.config;

import java.util.Objects;

/**
 * The SAM_V ID card reader.
 *
 * @param port      its serial port
 * @param baud      bits per second, 115200 by factory setting
 * @param flowControl the line's handshake, none for the readers we know
 * @param required  whether services that need it go out of service while it is down
 * @param simulated run the built-in simulator instead of the hardware
 */
public record IdCardSettings(DevicePort.Serial port, int baud, FlowControl flowControl, boolean required, boolean simulated) {

    public IdCardSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(flowControl, "flowControl");
    }
}
