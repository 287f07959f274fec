package org.bianmin.device.idcard;

import java.util.Arrays;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * The SAM_V module's 16-byte management number (reply to 12 FF). Opaque: shown to technicians and
 * logged, never used in business logic.
 */
public record SamId(byte[] raw) {
    public static final int SIZE = 16;

    public SamId {
        if (raw == null || raw.length != SIZE) {
            throw new IllegalArgumentException("a SAM ID is " + SIZE + " bytes");
        }
        raw = raw.clone();
    }

    /** The first 16 bytes of a 12 FF reply's data. */
    public static SamId parse(byte[] data) throws DeviceException {
        if (data == null || data.length < SIZE) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "a SAM ID reply carries " + SIZE + " data bytes; got "
                    + (data == null ? 0 : data.length));
        }
        return new SamId(Arrays.copyOf(data, SIZE));
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * The usual display form {@code NN.NN-NNNNNNNN-NNNNNNNNNN-NNNNNNNNNN}: two little-endian 16-bit
     * numbers from bytes 0–3, then three little-endian unsigned 32-bit numbers from bytes 4–15.
     * (Vendor tools differ slightly in the first part; treat the string as a label.)
     */
    public String display() {
        return String.format("%02d.%02d-%08d-%010d-%010d", u16(0), u16(2), u32(4), u32(8), u32(12));
    }

    private int u16(int i) {
        return (raw[i] & 0xFF) | (raw[i + 1] & 0xFF) << 8;
    }

    private long u32(int i) {
        return (raw[i] & 0xFFL) | (raw[i + 1] & 0xFFL) << 8 | (raw[i + 2] & 0xFFL) << 16 | (raw[i + 3] & 0xFFL) << 24;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamId s && Arrays.equals(s.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return display();
    }
}
