package org.bianmin.device.link;

import java.util.List;
import java.util.Locale;

/**
 * Line settings of a serial port. Defaults are 115200 8N1 with no flow control, the SAM_V reader's
 * factory setting.
 */
public record SerialSettings(int baud, int dataBits, Parity parity, int stopBits, FlowControl flowControl) {

    /** Baud rates a technician may choose; anything else is refused with this list. */
    public static final List<Integer> STANDARD_BAUDS =
            List.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600);

    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    /** RTS/CTS is hardware handshake; XON/XOFF obeys the device's XOFF (0x13) and XON (0x11). */
    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    public SerialSettings {
        if (!STANDARD_BAUDS.contains(baud)) {
            throw new IllegalArgumentException("baud " + baud + " is not a standard rate; use one of " + STANDARD_BAUDS);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits " + dataBits + " must be 5, 6, 7 or 8");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits " + stopBits + " must be 1 or 2");
        }
        if (parity == null || flowControl == null) {
            throw new IllegalArgumentException("parity and flow control must be given");
        }
    }

    public static SerialSettings of(int baud) {
        return new SerialSettings(baud, 8, Parity.NONE, 1, FlowControl.NONE);
    }

    public SerialSettings withBaud(int newBaud) {
        return new SerialSettings(newBaud, dataBits, parity, stopBits, flowControl);
    }

    public SerialSettings withFlowControl(FlowControl fc) {
        return new SerialSettings(baud, dataBits, parity, stopBits, fc);
    }

    /** Bits on the wire per byte: start + data + parity + stop. */
    public int bitsPerByte() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** Nanoseconds the given number of bytes occupies on the wire at this baud rate. */
    public long wireNanos(long bytes) {
        return bytes * bitsPerByte() * 1_000_000_000L / baud;
    }

    /** E.g. "115200 8N1". */
    @Override
    public String toString() {
        return baud + " " + dataBits + parity.name().charAt(0) + stopBits
                + (flowControl == FlowControl.NONE ? "" : " " + flowControl.name().toLowerCase(Locale.ROOT));
    }
}
