package org.bianmin.device.link;

import java.util.HexFormat;

/** Hex helpers for traces, golden-byte tests and technician output ("AA AA AA 96 69"). */
public final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();

    private Hex() {}

    public static String of(byte[] data) {
        return SPACED.formatHex(data);
    }

    public static String of(byte[] data, int offset, int length) {
        return SPACED.formatHex(data, offset, offset + length);
    }

    /** Parses "AA AA 96" or "aaaa96"; whitespace is ignored. */
    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** Classic 16-bytes-a-line dump with offsets and printable ASCII. */
    public static String dump(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < data.length; row += 16) {
            int n = Math.min(16, data.length - row);
            sb.append(String.format("%06X  ", row));
            for (int i = 0; i < 16; i++) {
                sb.append(i < n ? String.format("%02X ", data[row + i]) : "   ");
            }
            sb.append(' ');
            for (int i = 0; i < n; i++) {
                int b = data[row + i] & 0xFF;
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
