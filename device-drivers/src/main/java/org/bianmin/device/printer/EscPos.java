package org.bianmin.device.printer;

/**
 * The ESC/POS command vocabulary of PROTOCOLS.md §2 as byte sequences: what the encoder writes, what
 * the simulator reads, and what the golden-byte tests pin down.
 */
public final class EscPos {
    public static final int LF = 0x0A;
    public static final int CR = 0x0D;
    public static final int HT = 0x09;
    public static final int DLE = 0x10;
    public static final int ESC = 0x1B;
    public static final int FS = 0x1C;
    public static final int GS = 0x1D;
    public static final int EOT = 0x04;
    public static final int ENQ = 0x05;

    /** XON and XOFF of software flow control; never a status reply (bit0 = 1). */
    public static final int XON = 0x11;
    public static final int XOFF = 0x13;

    /** QR store-data header is fn 80 plus "cn m" = 3 bytes counted in pL pH; k ≤ 7089. */
    public static final int QR_MAX_DATA_BYTES = 7089;

    private EscPos() {}

    /** ESC @: clears the buffer and the print modes. */
    public static byte[] initialise() {
        return bytes(ESC, '@');
    }

    /** FS &: Chinese mode, bytes ≥ 0x81 start a 2- or 4-byte GB18030 character. */
    public static byte[] chineseModeOn() {
        return bytes(FS, '&');
    }

    /** FS .: single-byte mode, every byte is one character of the ESC t code page. */
    public static byte[] chineseModeOff() {
        return bytes(FS, '.');
    }

    /** ESC t n: single-byte code page; only effective outside Chinese mode. */
    public static byte[] codePage(int n) {
        return bytes(ESC, 't', checkByte("code page", n));
    }

    /** ESC a n: 0 left, 1 centre, 2 right; applies to text, QR codes and raster images. */
    public static byte[] align(Align align) {
        return bytes(ESC, 'a', align.ordinal());
    }

    /** ESC E n: bold on (1) or off (0). */
    public static byte[] bold(boolean on) {
        return bytes(ESC, 'E', on ? 1 : 0);
    }

    /** ESC ! n: bit3 bold, bit4 double height, bit5 double width (font A, no underline). */
    public static byte[] printMode(boolean bold, boolean doubleHeight, boolean doubleWidth) {
        return bytes(ESC, '!', (bold ? 0x08 : 0) | (doubleHeight ? 0x10 : 0) | (doubleWidth ? 0x20 : 0));
    }

    /** FS ! n: Chinese print mode, bit2 double width, bit3 double height. */
    public static byte[] chinesePrintMode(boolean doubleHeight, boolean doubleWidth) {
        return bytes(FS, '!', (doubleWidth ? 0x04 : 0) | (doubleHeight ? 0x08 : 0));
    }

    /** GS ! n: high nibble = width − 1, low nibble = height − 1; this encoder uses 1× or 2×. */
    public static byte[] characterSize(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size " + width + "×" + height + " is out of range; use 1..8 for each");
        }
        return bytes(GS, '!', ((width - 1) << 4) | (height - 1));
    }

    /** ESC d n: print and feed n lines. */
    public static byte[] feedLines(int n) {
        return bytes(ESC, 'd', checkByte("feed lines", n));
    }

    /** GS ( k fn 65: QR model; 0x31 model 1, 0x32 model 2, 0x33 micro QR. */
    public static byte[] qrModel(int n1) {
        return bytes(GS, '(', 'k', 0x04, 0x00, 0x31, 0x41, checkByte("QR model", n1), 0x00);
    }

    /** GS ( k fn 67: QR module size in dots, 1..16. */
    public static byte[] qrModuleSize(int dots) {
        if (dots < 1 || dots > 16) {
            throw new IllegalArgumentException("QR module size " + dots + " dots is out of range; use 1..16");
        }
        return bytes(GS, '(', 'k', 0x03, 0x00, 0x31, 0x43, dots);
    }

    /** GS ( k fn 69: QR error correction level, 0x30 L .. 0x33 H. */
    public static byte[] qrErrorLevel(QrErrorLevel level) {
        return bytes(GS, '(', 'k', 0x03, 0x00, 0x31, 0x45, level.code());
    }

    /** GS ( k fn 80: stores the data bytes; pL + 256·pH = k + 3, counted in bytes, not characters. */
    public static byte[] qrStore(byte[] data) {
        if (data.length > QR_MAX_DATA_BYTES) {
            throw new IllegalArgumentException("QR payload is " + data.length + " bytes; GS ( k takes at most " + QR_MAX_DATA_BYTES);
        }
        int len = data.length + 3;
        byte[] out = new byte[8 + data.length];
        byte[] head = bytes(GS, '(', 'k', len & 0xFF, len >> 8, 0x31, 0x50, 0x30);
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        return out;
    }

    /** GS ( k fn 81: prints the stored QR symbol. */
    public static byte[] qrPrint() {
        return bytes(GS, '(', 'k', 0x03, 0x00, 0x31, 0x51, 0x30);
    }

    /** GS v 0 m xL xH yL yH: raster header; x = bytes per row, y = dot rows, m 0 = normal size. */
    public static byte[] rasterHeader(int bytesPerRow, int rows) {
        if (bytesPerRow < 1 || bytesPerRow > 0xFFFF || rows < 1 || rows > 0xFFFF) {
            throw new IllegalArgumentException("raster of " + bytesPerRow + " bytes × " + rows + " rows is out of range");
        }
        return bytes(GS, 'v', '0', 0, bytesPerRow & 0xFF, bytesPerRow >> 8, rows & 0xFF, rows >> 8);
    }

    /** GS V 65 n / GS V 66 n: feed to the cutter plus n units, then full (65) or partial (66) cut. */
    public static byte[] feedAndCut(boolean partial, int n) {
        return bytes(GS, 'V', partial ? 0x42 : 0x41, checkByte("cut feed", n));
    }

    /** GS V 0 / GS V 1: cut at once, full or partial (not on all models). */
    public static byte[] cut(boolean partial) {
        return bytes(GS, 'V', partial ? 0x01 : 0x00);
    }

    /** ESC i (full) / ESC m (partial): the legacy cut many clones accept. */
    public static byte[] legacyCut(boolean partial) {
        return bytes(ESC, partial ? 'm' : 'i');
    }

    /** DLE EOT n: real-time status, n = 1 printer, 2 offline cause, 3 error cause, 4 paper sensor. */
    public static byte[] statusRequest(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT " + n + " does not exist; use 1..4");
        }
        return bytes(DLE, EOT, n);
    }

    /** DLE ENQ n: recover from a recoverable error, n = 1 restart the line, 2 clear the buffers first. */
    public static byte[] recover(int n) {
        if (n != 1 && n != 2) {
            throw new IllegalArgumentException("DLE ENQ " + n + " does not exist; use 1 or 2");
        }
        return bytes(DLE, ENQ, n);
    }

    private static int checkByte(String what, int n) {
        if (n < 0 || n > 255) {
            throw new IllegalArgumentException(what + " " + n + " does not fit in one byte; use 0..255");
        }
        return n;
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
