package org.bianmin.device.printer;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Optional;

/** QR error correction: how much of the symbol may be smudged and still read (L 7 %, M 15 %, Q 25 %, H 30 %). */
public enum QrErrorLevel {
    L(0x30, ErrorCorrectionLevel.L),
    M(0x31, ErrorCorrectionLevel.M),
    Q(0x32, ErrorCorrectionLevel.Q),
    H(0x33, ErrorCorrectionLevel.H);

    private final int code;
    private final ErrorCorrectionLevel zxing;

    QrErrorLevel(int code, ErrorCorrectionLevel zxing) {
        this.code = code;
        this.zxing = zxing;
    }

    /** The GS ( k fn 69 parameter. */
    public int code() {
        return code;
    }

    public ErrorCorrectionLevel zxing() {
        return zxing;
    }

    /** fn 69 takes 0x30..0x33; printers also accept 0..3 for the same levels. */
    public static Optional<QrErrorLevel> ofEscPos(int n) {
        for (QrErrorLevel l : values()) {
            if (l.code == n || l.ordinal() == n) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
