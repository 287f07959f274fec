package org.bianmin.device.idcard;

import java.util.Arrays;

/**
 * One module → host SAM_V reply: status bytes SW1, SW2, SW3 and the data. {@link #toString()} shows
 * only the data length, because read replies carry a citizen's name, number and photo.
 */
public record SamReply(int sw1, int sw2, int sw3, byte[] data) {

    public SamReply {
        if ((sw1 | sw2 | sw3) < 0 || sw1 > 0xFF || sw2 > 0xFF || sw3 > 0xFF) {
            throw new IllegalArgumentException("SW1, SW2 and SW3 are single bytes (0..FF)");
        }
        data = data == null ? new byte[0] : data.clone();
    }

    /** A reply with SW1 = SW2 = 00, as every module sends. */
    public static SamReply of(int sw3, byte[] data) {
        return new SamReply(0, 0, sw3, data);
    }

    public static SamReply of(Sw3 sw3) {
        return new SamReply(0, 0, sw3.code(), new byte[0]);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int dataLength() {
        return data.length;
    }

    public boolean is(Sw3 status) {
        return sw3 == status.code();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamReply r && r.sw1 == sw1 && r.sw2 == sw2 && r.sw3 == sw3 && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * sw1 + sw2) + sw3) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("SamReply[SW %02X %02X %s, %d data bytes]", sw1, sw2, Sw3.describe(sw3), data.length);
    }
}
