package org.bianmin.config;

import java.util.Objects;

/**
 * The ESC/POS receipt printer.
 *
 * @param port      a serial port or a TCP address
 * @param baud      bits per second on a serial port; not used over TCP
 * @param flowControl the line\'s handshake (serial ports only)
 * @param width     the paper roll's width
 * @param required  whether services that need it go out of service while it is down
 * @param simulated run the built-in simulator instead of the hardware
 */
public record ReceiptPrinterSettings(DevicePort port, int baud, FlowControl flowControl, PaperWidth width, boolean required, boolean simulated) {

    public ReceiptPrinterSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(width, "width");
    }
}
