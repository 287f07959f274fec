package org.bianmin.device.printer.sim;

import java.util.List;

/**
 * One receipt the simulator printed: its number, the text and PNG renderings, the raw bytes it was
 * printed from, and how it ended. It may show a citizen's name, so {@link #toString()} shows no content.
 */
public record PrintedReceipt(int number, String text, byte[] png, byte[] raw, List<PaperItem> items,
                             EscPosInterpreter.Ending ending) {

    /** True when the paper ran out before the receipt was finished. */
    public boolean partial() {
        return ending == EscPosInterpreter.Ending.PAPER_OUT;
    }

    public boolean cut() {
        return ending == EscPosInterpreter.Ending.CUT;
    }

    /** The QR payloads on the receipt, native ones only (raster codes are in {@link #text()}). */
    public List<String> qrPayloads() {
        return items.stream().filter(i -> i instanceof PaperItem.QrCode).map(i -> ((PaperItem.QrCode) i).payload()).toList();
    }

    @Override
    public String toString() {
        return String.format("receipt-%03d[%s, %d lines, %d raw bytes, %d PNG bytes]",
                number, ending, text.lines().count(), raw.length, png.length);
    }
}
