package org.bianmin.device.scanner;

import java.util.Arrays;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;

/**
 * Frames of the Grow GM65 / GM805 / GM812 command protocol (PROTOCOLS.md §3.3), both directions, as pure
 * functions.
 *
 * <p>Host → scanner: {@code 7E 00} type len addrHi addrLo data… crcHi crcLo, CRC-16/XMODEM over
 * type…data, or {@code AB CD} in place of the CRC to skip the check. Scanner → host: {@code 02 00}
 * status len data… crcHi crcLo, CRC over status…data.
 */
public final class Gm65Codec {
    public static final int READ_ZONE = 0x07;
    public static final int WRITE_ZONE = 0x08;
    public static final int SAVE_ZONES = 0x09;

    /** Zone 0x0000 bits 1-0: 00 manual, 01 command trigger, 10 continuous, 11 sense. */
    public static final int ZONE_MODE = 0x0000;
    /** Zone 0x0002 bit 0: writing 1 starts one scan session in command-trigger mode. */
    public static final int ZONE_TRIGGER = 0x0002;
    /** Zones 0x002A/0x002B: baud rate. */
    public static final int ZONE_BAUD = 0x002A;
    /** GM812 zone whose bit 7 turns AIM identifiers on. */
    public static final int ZONE_AIM = 0x00D0;

    /** Replaces the CRC on host commands to tell the scanner not to check it. */
    public static final int NO_CRC = 0xABCD;

    private Gm65Codec() {}

    /** A host command: type (07 read, 08 write, 09 save), zone address and data (for a read: the byte count). */
    public record Command(int type, int address, byte[] data) {
        public Command {
            if (type < 0 || type > 0xFF) {
                throw new IllegalArgumentException("GM65 command type " + type + " must fit one byte (07 read, 08 write, 09 save)");
            }
            if (address < 0 || address > 0xFFFF) {
                throw new IllegalArgumentException("GM65 zone address " + address + " must be 0x0000..0xFFFF");
            }
            if (data.length > 0xFF) {
                throw new IllegalArgumentException("GM65 command data of " + data.length + " bytes is too long; at most 255");
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Command c && type == c.type && address == c.address && Arrays.equals(data, c.data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * type + address) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("GM65[type %02X, zone %04X, data %s]", type, address, Hex.of(data));
        }
    }

    /** A scanner reply: status (00 = accepted) and data (for a read: the zone bytes). */
    public record Reply(int status, byte[] data) {
        public Reply {
            if (status < 0 || status > 0xFF || data.length > 0xFF) {
                throw new IllegalArgumentException("GM65 reply status must fit one byte and data at most 255 bytes");
            }
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public boolean ok() {
            return status == 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reply r && status == r.status && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return 31 * status + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("GM65 reply[status %02X, data %s]", status, Hex.of(data));
        }
    }

    /** Write 01 to zone 0x0002: one scan session in command-trigger mode. */
    public static Command trigger() {
        return new Command(WRITE_ZONE, ZONE_TRIGGER, new byte[] {0x01});
    }

    /** Write 00 to zone 0x0002: end the scan session [U: only the start is documented]. */
    public static Command stopTrigger() {
        return new Command(WRITE_ZONE, ZONE_TRIGGER, new byte[] {0x00});
    }

    /** Save the zones to flash. */
    /** GM812: write 0x80 to zone 0x00D0, turning on AIM symbology identifiers before each code. */
    public static Command enableAimId() {
        return new Command(WRITE_ZONE, ZONE_AIM, new byte[] {(byte) 0x80});
    }

    public static Command save() {
        return new Command(SAVE_ZONES, 0x0000, new byte[] {0x00});
    }

    /** Read the two baud-rate bytes at 0x002A; harmless, so it serves as the health query. */
    public static Command queryBaud() {
        return new Command(READ_ZONE, ZONE_BAUD, new byte[] {0x02});
    }

    /** Write 39 01 to 0x002A/0x002B: 9600 baud. */
    public static Command setBaud9600() {
        return new Command(WRITE_ZONE, ZONE_BAUD, new byte[] {0x39, 0x01});
    }

    /** CRC-16/XMODEM: polynomial 0x1021, initial value 0, no reflection, no final XOR. */
    public static int crc16(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    /** The command on the wire; {@code withCrc} false puts {@code AB CD} where the CRC goes. */
    public static byte[] encode(Command c, boolean withCrc) {
        byte[] data = c.data;
        byte[] f = new byte[8 + data.length];
        f[0] = 0x7E;
        f[1] = 0x00;
        f[2] = (byte) c.type;
        f[3] = (byte) data.length;
        f[4] = (byte) (c.address >> 8);
        f[5] = (byte) c.address;
        System.arraycopy(data, 0, f, 6, data.length);
        int crc = withCrc ? crc16(f, 2, 4 + data.length) : NO_CRC;
        f[f.length - 2] = (byte) (crc >> 8);
        f[f.length - 1] = (byte) crc;
        return f;
    }

    /** Device side: length of the complete command at the start of {@code buf}; 0 = need more; -1 = no command starts here. */
    public static int commandLength(byte[] buf, int length) {
        if (length >= 1 && buf[0] != 0x7E) {
            return -1;
        }
        if (length >= 2 && buf[1] != 0x00) {
            return -1;
        }
        if (length < 4) {
            return 0;
        }
        int total = 8 + (buf[3] & 0xFF);
        return length >= total ? total : 0;
    }

    /** Device side: a complete command frame → the command, checking the CRC unless it is {@code AB CD}. */
    public static Command decodeCommand(byte[] frame) throws DeviceException {
        if (frame.length < 8 || frame[0] != 0x7E || frame[1] != 0x00) {
            throw new DeviceException(DeviceError.BAD_FRAME, "GM65 command must start 7E 00 and be at least 8 bytes: " + Hex.of(frame));
        }
        int len = frame[3] & 0xFF;
        if (frame.length != 8 + len) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "GM65 command says " + len + " data bytes but the frame is "
                    + frame.length + " bytes (expected " + (8 + len) + ")");
        }
        int sent = ((frame[frame.length - 2] & 0xFF) << 8) | (frame[frame.length - 1] & 0xFF);
        int crc = crc16(frame, 2, 4 + len);
        if (sent != NO_CRC && sent != crc) {
            throw new DeviceException(DeviceError.CHECKSUM, String.format("GM65 command CRC is %04X, computed %04X", sent, crc));
        }
        int address = ((frame[4] & 0xFF) << 8) | (frame[5] & 0xFF);
        return new Command(frame[2] & 0xFF, address, Arrays.copyOfRange(frame, 6, 6 + len));
    }

    /** Device side: the reply on the wire, {@code 02 00} status len data CRC. */
    public static byte[] encodeReply(Reply r) {
        byte[] data = r.data;
        byte[] f = new byte[6 + data.length];
        f[0] = 0x02;
        f[1] = 0x00;
        f[2] = (byte) r.status;
        f[3] = (byte) data.length;
        System.arraycopy(data, 0, f, 4, data.length);
        int crc = crc16(f, 2, 2 + data.length);
        f[f.length - 2] = (byte) (crc >> 8);
        f[f.length - 1] = (byte) crc;
        return f;
    }

    /** Host side: length of the complete reply at the start of {@code buf}; 0 = need more; -1 = no reply starts here. */
    public static int replyLength(byte[] buf, int length) {
        if (length >= 1 && buf[0] != 0x02) {
            return -1;
        }
        if (length >= 2 && buf[1] != 0x00) {
            return -1;
        }
        if (length < 4) {
            return 0;
        }
        int total = 6 + (buf[3] & 0xFF);
        return length >= total ? total : 0;
    }

    /** Host side: a complete reply frame → status and data, checking the CRC. */
    public static Reply decodeReply(byte[] frame) throws DeviceException {
        if (frame.length < 6 || frame[0] != 0x02 || frame[1] != 0x00) {
            throw new DeviceException(DeviceError.BAD_FRAME, "GM65 reply must start 02 00 and be at least 6 bytes: " + Hex.of(frame));
        }
        int len = frame[3] & 0xFF;
        if (frame.length != 6 + len) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "GM65 reply says " + len + " data bytes but the frame is "
                    + frame.length + " bytes (expected " + (6 + len) + ")");
        }
        int sent = ((frame[frame.length - 2] & 0xFF) << 8) | (frame[frame.length - 1] & 0xFF);
        int crc = crc16(frame, 2, 2 + len);
        if (sent != crc) {
            throw new DeviceException(DeviceError.CHECKSUM, String.format("GM65 reply CRC is %04X, computed %04X", sent, crc));
        }
        return new Reply(frame[2] & 0xFF, Arrays.copyOfRange(frame, 4, 4 + len));
    }
}
