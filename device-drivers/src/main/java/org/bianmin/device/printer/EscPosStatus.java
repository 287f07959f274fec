package org.bianmin.device.printer;

import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;

/**
 * The real-time status codec: {@code DLE EOT n} requests and their one-byte replies, checked
 * against the fixed bits every reply carries (bit0 = 0, bit1 = 1, bit4 = 1, bit7 = 0, i.e.
 * {@code 0xx1xx10}). XON/XOFF bytes on the line are flow control, never status.
 */
public final class EscPosStatus {
    private static final int FIXED_MASK = 0x93;
    private static final int FIXED_VALUE = 0x12;

    private EscPosStatus() {}

    /** True for a byte that can be a DLE EOT reply: 0xx1xx10. */
    public static boolean isStatusByte(int b) {
        return (b & FIXED_MASK) == FIXED_VALUE;
    }

    /** XON (0x11) or XOFF (0x13): the printer's flow control, to be skipped. */
    public static boolean isFlowControl(int b) {
        return b == EscPos.XON || b == EscPos.XOFF;
    }

    /** Returns the reply byte to {@code DLE EOT n} if it carries the fixed bits, else a typed error. */
    public static int check(int n, int b) throws DeviceException {
        if (b < 0 || b > 0xFF || !isStatusByte(b)) {
            throw new DeviceException(DeviceError.UNEXPECTED_REPLY, String.format(
                    "DLE EOT %d was answered with 0x%02X, which is not a status byte (0xx1xx10); check the baud rate and that an ESC/POS printer is on this port",
                    n, b & 0xFFFF));
        }
        return b;
    }

    /**
     * The one status byte in what arrived after {@code DLE EOT n}: XON/XOFF are skipped, anything
     * else that is not a status byte, a missing reply or a second reply is a typed error.
     */
    public static int reply(int n, byte[] received) throws DeviceException {
        int found = -1;
        for (byte x : received) {
            int b = x & 0xFF;
            if (isFlowControl(b)) {
                continue;
            }
            if (found >= 0) {
                throw new DeviceException(DeviceError.BAD_LENGTH, "DLE EOT " + n + " got more than one reply byte: " + Hex.of(received));
            }
            found = check(n, b);
        }
        if (found < 0) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "DLE EOT " + n + " got no status byte"
                    + (received.length == 0 ? "" : " (only flow control: " + Hex.of(received) + ")"));
        }
        return found;
    }

    /** The replies to DLE EOT 1, 2, 3 and 4, in that order. */
    public static PrinterStatus decode(byte[] replies) throws DeviceException {
        if (replies.length != 4) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "a full status is 4 bytes (DLE EOT 1..4), got " + replies.length
                    + (replies.length == 0 ? "" : ": " + Hex.of(replies)));
        }
        return new PrinterStatus(check(1, replies[0] & 0xFF), check(2, replies[1] & 0xFF),
                check(3, replies[2] & 0xFF), check(4, replies[3] & 0xFF));
    }
}
