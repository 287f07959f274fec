package org.bianmin.device.idcard;

import java.util.Arrays;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * The data of a 30 01 or 30 10 reply, split into its parts: text length (2 bytes BE, 256), photo
 * length (2 bytes BE, 1024), for 30 10 a fingerprint length (2 bytes BE, 0/512/1024), then the text
 * block, the WLT photo and the fingerprints. {@link #toString()} shows sizes only.
 */
public record ReadReply(byte[] textBlock, WltPhoto photo, byte[] fingerprints) {

    public ReadReply {
        textBlock = textBlock.clone();
        fingerprints = fingerprints == null ? new byte[0] : fingerprints.clone();
    }

    @Override
    public byte[] textBlock() {
        return textBlock.clone();
    }

    @Override
    public byte[] fingerprints() {
        return fingerprints.clone();
    }

    /** Splits reply data; {@code withFingerprintField} is true for 30 10, whose header has a third length. */
    public static ReadReply parse(byte[] data, boolean withFingerprintField) throws DeviceException {
        int header = withFingerprintField ? 6 : 4;
        String cmd = withFingerprintField ? "30 10" : "30 01";
        if (data == null || data.length < header) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "a " + cmd + " reply starts with a " + header
                    + "-byte length header; got " + (data == null ? 0 : data.length) + " data bytes");
        }
        int text = u16(data, 0);
        int photo = u16(data, 2);
        int fp = withFingerprintField ? u16(data, 4) : 0;
        if (text != TextBlock.SIZE) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "the " + cmd + " reply announces " + text
                    + " text bytes; every card kind has " + TextBlock.SIZE);
        }
        if (header + text + photo + fp != data.length) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "the " + cmd + " reply announces " + text + " + " + photo + " + "
                    + fp + " bytes after its header, but carries " + (data.length - header));
        }
        byte[] t = Arrays.copyOfRange(data, header, header + text);
        byte[] p = Arrays.copyOfRange(data, header + text, header + text + photo);
        byte[] f = Arrays.copyOfRange(data, header + text + photo, data.length);
        return new ReadReply(t, new WltPhoto(p), f);
    }

    /** The reply data as the module sends it; the inverse of {@link #parse}. */
    public byte[] encode(boolean withFingerprintField) {
        int header = withFingerprintField ? 6 : 4;
        byte[] wlt = photo.wlt();
        byte[] out = new byte[header + textBlock.length + wlt.length + fingerprints.length];
        putU16(out, 0, textBlock.length);
        putU16(out, 2, wlt.length);
        if (withFingerprintField) {
            putU16(out, 4, fingerprints.length);
        } else if (fingerprints.length > 0) {
            throw new IllegalArgumentException("fingerprints are only sent in a 30 10 reply");
        }
        System.arraycopy(textBlock, 0, out, header, textBlock.length);
        System.arraycopy(wlt, 0, out, header + textBlock.length, wlt.length);
        System.arraycopy(fingerprints, 0, out, header + textBlock.length + wlt.length, fingerprints.length);
        return out;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int i, int v) {
        b[i] = (byte) (v >> 8);
        b[i + 1] = (byte) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadReply r && Arrays.equals(r.textBlock, textBlock) && r.photo.equals(photo)
                && Arrays.equals(r.fingerprints, fingerprints);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(textBlock) + photo.hashCode()) + Arrays.hashCode(fingerprints);
    }

    @Override
    public String toString() {
        return "ReadReply[text " + textBlock.length + " bytes, photo " + photo.size() + " bytes, fingerprints "
                + fingerprints.length + " bytes]";
    }
}
