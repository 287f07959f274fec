package org.bianmin.device.idcard;

import java.util.Arrays;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.Hex;

/**
 * Pure functions between SAM_V frames and {@link SamRequest}/{@link SamReply}: preamble, 2-byte
 * big-endian length, XOR checksum (PROTOCOLS.md §1.2). No I/O; every bad input is a typed
 * {@link DeviceException}.
 */
public final class SamCodec {
    /** Every frame in both directions starts with these five bytes. */
    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Preamble (5) + length (2): the length field counts everything after these seven bytes. */
    public static final int HEADER = 7;
    /** Smallest request Len: CMD + Para + CHK. */
    public static final int MIN_REQUEST_LENGTH = 3;
    /** Smallest reply Len: SW1 + SW2 + SW3 + CHK. */
    public static final int MIN_REPLY_LENGTH = 4;
    /** Largest Len we accept; the largest real reply (text + photo + two fingerprints) has Len 0x090A. */
    public static final int MAX_LENGTH = 0x1000;

    private SamCodec() {}

    public static byte[] encode(SamRequest r) {
        byte[] body = new byte[2 + r.dataLength()];
        body[0] = (byte) r.cmd();
        body[1] = (byte) r.para();
        for (int i = 0; i < r.dataLength(); i++) {
            body[2 + i] = r.dataAt(i);
        }
        return frame(body);
    }

    public static byte[] encode(SamReply r) {
        byte[] body = new byte[3 + r.dataLength()];
        body[0] = (byte) r.sw1();
        body[1] = (byte) r.sw2();
        body[2] = (byte) r.sw3();
        byte[] data = r.data();
        System.arraycopy(data, 0, body, 3, data.length);
        return frame(body);
    }

    /** 60 xx: set the module's UART rate; {@code rateCode} comes from {@link BaudCodes}. */
    public static SamRequest setBaud(int rateCode) {
        return new SamRequest(SamCommand.SET_BAUD, rateCode);
    }

    /** 61 FF nn: the largest RF frame the module may use towards the card, in bytes (1..255). */
    public static SamRequest setMaxRfFrame(int bytes) {
        if (bytes < 1 || bytes > 0xFF) {
            throw new IllegalArgumentException("max RF frame bytes " + bytes + " must be 1..255 (hev-idcard-reader sends 80)");
        }
        return new SamRequest(SamCommand.SET_MAX_RF_FRAME, 0xFF, new byte[] {(byte) bytes});
    }

    private static byte[] frame(byte[] body) {
        int len = body.length + 1;
        if (len > MAX_LENGTH) {
            throw new IllegalArgumentException("a SAM_V frame body of " + body.length + " bytes exceeds the " + MAX_LENGTH + "-byte limit");
        }
        byte[] f = new byte[HEADER + len];
        System.arraycopy(PREAMBLE, 0, f, 0, PREAMBLE.length);
        f[5] = (byte) (len >> 8);
        f[6] = (byte) len;
        System.arraycopy(body, 0, f, HEADER, body.length);
        f[f.length - 1] = checksum(f, 5, f.length - 1);
        return f;
    }

    /** XOR of {@code frame[from..to)}; on the wire from Len1 through the last data byte. */
    public static byte checksum(byte[] frame, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= frame[i];
        }
        return (byte) x;
    }

    public static SamReply decodeReply(byte[] frame) throws DeviceException {
        check(frame, MIN_REPLY_LENGTH, "reply");
        return new SamReply(frame[7] & 0xFF, frame[8] & 0xFF, frame[9] & 0xFF, Arrays.copyOfRange(frame, 10, frame.length - 1));
    }

    public static SamRequest decodeRequest(byte[] frame) throws DeviceException {
        check(frame, MIN_REQUEST_LENGTH, "request");
        return new SamRequest(frame[7] & 0xFF, frame[8] & 0xFF, Arrays.copyOfRange(frame, 9, frame.length - 1));
    }

    private static void check(byte[] frame, int minLen, String what) throws DeviceException {
        if (frame == null || frame.length < HEADER + minLen) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "a SAM_V " + what + " is at least " + (HEADER + minLen)
                    + " bytes; got " + (frame == null ? 0 : frame.length));
        }
        for (int i = 0; i < PREAMBLE.length; i++) {
            if (frame[i] != PREAMBLE[i]) {
                throw new DeviceException(DeviceError.BAD_FRAME, "a SAM_V " + what + " starts with AA AA AA 96 69; got "
                        + Hex.of(frame, 0, PREAMBLE.length));
            }
        }
        int len = lengthField(frame[5], frame[6]);
        if (len != frame.length - HEADER) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "the length field says " + len + " bytes follow it, but "
                    + (frame.length - HEADER) + " do");
        }
        byte expected = checksum(frame, 5, frame.length - 1);
        if (expected != frame[frame.length - 1]) {
            throw new DeviceException(DeviceError.CHECKSUM, String.format(
                    "SAM_V %s checksum is %02X, the XOR of its bytes is %02X (line noise or a wrong baud rate?)",
                    what, frame[frame.length - 1] & 0xFF, expected & 0xFF));
        }
    }

    static int lengthField(byte hi, byte lo) {
        return (hi & 0xFF) << 8 | (lo & 0xFF);
    }
}
