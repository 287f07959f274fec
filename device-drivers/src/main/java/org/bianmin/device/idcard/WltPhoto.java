package org.bianmin.device.idcard;

import java.util.Arrays;

/**
 * The card photo exactly as the reader returned it: 1024 bytes of the proprietary WLT format, which
 * only a vendor library can turn into the 102 × 126 picture (see {@link WltDecoder}).
 */
public record WltPhoto(byte[] wlt) {
    /** Bytes of a WLT photo on every card kind. */
    public static final int SIZE = 1024;

    public WltPhoto {
        wlt = wlt == null ? new byte[0] : wlt.clone();
    }

    @Override
    public byte[] wlt() {
        return wlt.clone();
    }

    public int size() {
        return wlt.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WltPhoto p && Arrays.equals(p.wlt, wlt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wlt);
    }

    @Override
    public String toString() {
        return "WltPhoto[" + wlt.length + " bytes]";
    }
}
