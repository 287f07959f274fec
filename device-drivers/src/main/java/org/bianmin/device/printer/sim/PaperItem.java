package org.bianmin.device.printer.sim;

import org.bianmin.device.printer.Align;
import org.bianmin.device.printer.QrErrorLevel;
import org.bianmin.device.printer.RasterImage;

/** One thing the simulated printer put on the paper, top to bottom. */
public sealed interface PaperItem {

    /** A printed line: its text (GB18030 decoded), alignment, bold, and size (1 or 2 each way). */
    record TextLine(String text, Align align, boolean bold, int width, int height) implements PaperItem {
        @Override
        public String toString() {
            return "TextLine[" + text.length() + " chars, " + align + (bold ? ", bold" : "") + ", " + width + "×" + height + "]";
        }
    }

    /** A native QR code ({@code GS ( k}): the stored bytes, read as UTF-8 into {@code payload}. */
    record QrCode(String payload, byte[] data, int moduleSize, QrErrorLevel level, Align align) implements PaperItem {
        @Override
        public String toString() {
            return "QrCode[" + data.length + " bytes, module " + moduleSize + ", " + level + ", " + align + "]";
        }
    }

    /** A raster image ({@code GS v 0}), one band or several joined. */
    record Raster(RasterImage image, Align align) implements PaperItem {}

    /** Blank paper fed by {@code ESC J n}, in dots. */
    record Feed(int dots) implements PaperItem {}
}
