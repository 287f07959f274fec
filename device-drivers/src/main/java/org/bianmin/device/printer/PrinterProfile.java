package org.bianmin.device.printer;

import java.util.Locale;

/**
 * What one printer model can do: paper width in dots and columns, its cutter and how to drive it,
 * whether it has native QR ({@code GS ( k}), and how tall a raster band it accepts. The cut form,
 * QR support and band height differ between clones [U], so they are settings, not constants.
 *
 * @param name           shown on the test receipt and in {@code diag}, e.g. "80mm"
 * @param paperMm        nominal roll width
 * @param dots           printable dots per line at 203 dpi (384 for 58 mm, 576 for 80 mm)
 * @param columns        12×24 ASCII characters per line at 1× size (a Chinese character takes two)
 * @param cut            how to cut; {@link CutCommand#NONE} for a tear bar
 * @param cutFeed        n of {@code GS V 65/66 n}: extra feed before the cut, in vertical units
 * @param tearFeedLines  lines fed before a legacy cut or before tearing off, so the text clears the blade
 * @param nativeQr       true if {@code GS ( k} prints QR codes; false draws them as raster images
 * @param rasterBandRows dot rows per {@code GS v 0} command (some firmware limits the height)
 */
public record PrinterProfile(String name, int paperMm, int dots, int columns, CutCommand cut, int cutFeed,
                             int tearFeedLines, boolean nativeQr, int rasterBandRows) {

    /** How the printer is told to cut. */
    public enum CutCommand {
        /** {@code GS V 66 n}: feed to the blade + n, partial cut (one point left). */
        FEED_AND_PARTIAL_CUT,
        /** {@code GS V 65 n}: feed to the blade + n, full cut. */
        FEED_AND_FULL_CUT,
        /** {@code ESC d n} then {@code ESC m}: legacy partial cut of older clones. */
        LEGACY_PARTIAL_CUT,
        /** {@code ESC d n} then {@code ESC i}: legacy full cut. */
        LEGACY_FULL_CUT,
        /** No cutter: feed {@code tearFeedLines} so the receipt can be torn off. */
        NONE
    }

    /** 58 mm, 384 dots, 32 columns, tear bar, native QR. */
    public static final PrinterProfile MM58 = new PrinterProfile("58mm", 58, 384, 32, CutCommand.NONE, 0, 4, true, 128);

    /** 80 mm, 576 dots, 48 columns, partial-cut cutter, native QR. */
    public static final PrinterProfile MM80 = new PrinterProfile("80mm", 80, 576, 48, CutCommand.FEED_AND_PARTIAL_CUT, 3, 4, true, 128);

    /** An older 58 mm clone without {@code GS ( k}: QR codes go out as raster images. */
    public static final PrinterProfile MM58_NO_NATIVE_QR = MM58.withName("58mm-raster-qr").withNativeQr(false);

    public PrinterProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("printer profile needs a name, e.g. \"80mm\"");
        }
        if (dots < 8 || dots % 8 != 0 || dots > 2040) {
            throw new IllegalArgumentException("printer profile " + name + ": " + dots + " dots per line must be a multiple of 8 up to 2040 (384 for 58 mm, 576 for 80 mm)");
        }
        if (columns < 8 || columns > 255) {
            throw new IllegalArgumentException("printer profile " + name + ": " + columns + " columns is out of range; use 32 for 58 mm, 48 for 80 mm");
        }
        if (cut == null) {
            throw new IllegalArgumentException("printer profile " + name + ": say how it cuts (CutCommand.NONE for a tear bar)");
        }
        if (cutFeed < 0 || cutFeed > 255 || tearFeedLines < 0 || tearFeedLines > 255) {
            throw new IllegalArgumentException("printer profile " + name + ": cut feed and tear feed must be 0..255");
        }
        if (rasterBandRows < 1 || rasterBandRows > 2303) {
            throw new IllegalArgumentException("printer profile " + name + ": raster band of " + rasterBandRows + " rows is out of range; use 24..256 (at most 2303)");
        }
    }

    /** The profile for a paper width given on the command line: 58 or 80. */
    public static PrinterProfile ofWidth(int mm) {
        return switch (mm) {
            case 58 -> MM58;
            case 80 -> MM80;
            default -> throw new IllegalArgumentException("paper width " + mm + " mm is not known; use 58 or 80");
        };
    }

    public boolean hasCutter() {
        return cut != CutCommand.NONE;
    }

    /** Bytes in one raster row across the whole paper: 48 for 58 mm, 72 for 80 mm. */
    public int bytesPerRow() {
        return dots / 8;
    }

    /** Dots of one column: 12 for the 12×24 font at 384/32 or 576/48. */
    public int dotsPerColumn() {
        return dots / columns;
    }

    public PrinterProfile withName(String newName) {
        return new PrinterProfile(newName, paperMm, dots, columns, cut, cutFeed, tearFeedLines, nativeQr, rasterBandRows);
    }

    public PrinterProfile withNativeQr(boolean on) {
        return new PrinterProfile(name, paperMm, dots, columns, cut, cutFeed, tearFeedLines, on, rasterBandRows);
    }

    public PrinterProfile withCut(CutCommand newCut) {
        return new PrinterProfile(name, paperMm, dots, columns, newCut, cutFeed, tearFeedLines, nativeQr, rasterBandRows);
    }

    public PrinterProfile withRasterBandRows(int rows) {
        return new PrinterProfile(name, paperMm, dots, columns, cut, cutFeed, tearFeedLines, nativeQr, rows);
    }

    @Override
    public String toString() {
        return summary();
    }

    /** One line for a technician: "80mm: 576 dots, 48 columns, cutter FEED_AND_PARTIAL_CUT, native QR". */
    public String summary() {
        return name + ": " + dots + " dots, " + columns + " columns, "
                + (hasCutter() ? "cutter " + cut.name().toLowerCase(Locale.ROOT) : "no cutter")
                + ", " + (nativeQr ? "native QR" : "raster QR") + ", bands of " + rasterBandRows + " rows";
    }
}
