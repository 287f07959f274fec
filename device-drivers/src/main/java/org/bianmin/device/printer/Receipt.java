package org.bianmin.device.printer;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A receipt as the app describes it — lines of text with their style, separators, QR codes, images,
 * feeds and cuts — built with {@link #builder()} and turned into bytes by {@link EscPosEncoder}.
 * It may hold a citizen's name, so {@link #toString()} never shows its content.
 */
public final class Receipt {

    /** How a line looks: alignment, bold, and 1× or 2× width and height. */
    public record Style(Align align, boolean bold, int width, int height) {
        public static final Style NORMAL = new Style(Align.LEFT, false, 1, 1);

        public Style {
            if (align == null) {
                throw new IllegalArgumentException("style needs an alignment");
            }
            if (width < 1 || width > 2 || height < 1 || height > 2) {
                throw new IllegalArgumentException("character size " + width + "×" + height + " is not supported; use 1 or 2 for width and height");
            }
        }
    }

    /** One thing on the paper. */
    public sealed interface Element permits Text, Pair, Separator, Qr, Image, Feed, Cut {}

    /** A line of text, wrapped at the paper width; never contains a line break. */
    public record Text(String text, Style style) implements Element {
        @Override
        public String toString() {
            return "Text[" + text.length() + " chars, " + style + "]";
        }
    }

    /** A label on the left and a value on the right of the same line ("业务  社保证明"). */
    public record Pair(String left, String right, Style style) implements Element {
        @Override
        public String toString() {
            return "Pair[" + left.length() + " + " + right.length() + " chars]";
        }
    }

    /** A full-width rule made of one repeated character, e.g. '-' or '='. */
    public record Separator(char character) implements Element {}

    /** A QR code: payload sent as UTF-8, module size in dots, error level, alignment. */
    public record Qr(String payload, int moduleSize, QrErrorLevel level, Align align) implements Element {
        @Override
        public String toString() {
            return "Qr[" + payload.getBytes(StandardCharsets.UTF_8).length + " bytes, module " + moduleSize + ", " + level + ", " + align + "]";
        }
    }

    /** A picture, turned into black and white dots for the paper width when encoded. */
    public record Image(BufferedImage image, Dither dither, Align align) implements Element {
        @Override
        public String toString() {
            return "Image[" + image.getWidth() + "×" + image.getHeight() + ", " + dither + ", " + align + "]";
        }
    }

    /** Feed n blank lines. */
    public record Feed(int lines) implements Element {}

    /** Feed past the blade and cut (or feed to the tear bar when the printer has no cutter). */
    public record Cut() implements Element {}

    private final List<Element> elements;

    private Receipt(List<Element> elements) {
        this.elements = List.copyOf(elements);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Element> elements() {
        return elements;
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** How many cuts the receipt asks for. */
    public long cuts() {
        return elements.stream().filter(e -> e instanceof Cut).count();
    }

    @Override
    public String toString() {
        return "Receipt[" + elements.size() + " elements, " + cuts() + " cut(s)]";
    }

    /**
     * Builds a receipt top to bottom. Style calls ({@link #centre()}, {@link #bold(boolean)},
     * {@link #size(int, int)}) stay in force for the lines after them, as on the printer.
     */
    public static final class Builder {
        private final List<Element> elements = new ArrayList<>();
        private Style style = Style.NORMAL;

        private Builder() {}

        public Builder align(Align align) {
            style = new Style(align, style.bold(), style.width(), style.height());
            return this;
        }

        public Builder left() {
            return align(Align.LEFT);
        }

        public Builder centre() {
            return align(Align.CENTRE);
        }

        public Builder right() {
            return align(Align.RIGHT);
        }

        public Builder bold(boolean on) {
            style = new Style(style.align(), on, style.width(), style.height());
            return this;
        }

        /** Character size, 1 or 2 for each of width and height. */
        public Builder size(int width, int height) {
            style = new Style(style.align(), style.bold(), width, height);
            return this;
        }

        public Builder normalSize() {
            return size(1, 1);
        }

        public Builder doubleSize() {
            return size(2, 2);
        }

        /** Back to left, not bold, 1×. */
        public Builder plain() {
            style = Style.NORMAL;
            return this;
        }

        /** One or more lines of text; '\n' starts a new line, long lines wrap at the paper width. */
        public Builder line(String text) {
            if (text == null) {
                throw new IllegalArgumentException("receipt line is null; pass \"\" for an empty line");
            }
            for (String l : text.split("\r?\n", -1)) {
                elements.add(new Text(ReceiptText.sanitize(l), style));
            }
            return this;
        }

        /** A label left and a value right on one line; if both do not fit, the value goes on its own line. */
        public Builder pair(String label, String value) {
            if (label == null || value == null) {
                throw new IllegalArgumentException("receipt pair needs a label and a value; pass \"\" for an empty one");
            }
            elements.add(new Pair(ReceiptText.sanitize(label.replace('\n', ' ')),
                    ReceiptText.sanitize(value.replace('\n', ' ')), style));
            return this;
        }

        public Builder separator() {
            return separator('-');
        }

        public Builder separator(char c) {
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("separator character U+" + Integer.toHexString(c) + " cannot be printed; use '-', '=' or '*'");
            }
            elements.add(new Separator(c));
            return this;
        }

        /** A QR code at the current alignment, module 6 dots, error level M. */
        public Builder qr(String payload) {
            return qr(payload, 6, QrErrorLevel.M);
        }

        public Builder qr(String payload, int moduleSize, QrErrorLevel level) {
            if (payload == null || payload.isEmpty()) {
                throw new IllegalArgumentException("QR payload is empty; give the text or URL to encode");
            }
            int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > EscPos.QR_MAX_DATA_BYTES) {
                throw new IllegalArgumentException("QR payload is " + bytes + " UTF-8 bytes; a QR code holds at most " + EscPos.QR_MAX_DATA_BYTES + ": shorten it or print a URL");
            }
            if (moduleSize < 1 || moduleSize > 16) {
                throw new IllegalArgumentException("QR module size " + moduleSize + " dots is out of range; use 1..16 (4..8 reads well)");
            }
            if (level == null) {
                throw new IllegalArgumentException("QR error level is null; use QrErrorLevel.M if unsure");
            }
            elements.add(new Qr(payload, moduleSize, level, style.align()));
            return this;
        }

        /** A picture at the current alignment, scaled down to the paper width if wider. */
        public Builder image(BufferedImage image, Dither dither) {
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw new IllegalArgumentException("receipt image is missing or empty");
            }
            if (dither == null) {
                throw new IllegalArgumentException("say how to turn the image into dots: Dither.THRESHOLD or Dither.FLOYD_STEINBERG");
            }
            elements.add(new Image(copyOf(image), dither, style.align()));
            return this;
        }

        public Builder feed(int lines) {
            if (lines < 0 || lines > 255) {
                throw new IllegalArgumentException("feed of " + lines + " lines is out of range; use 0..255");
            }
            elements.add(new Feed(lines));
            return this;
        }

        public Builder cut() {
            elements.add(new Cut());
            return this;
        }

        public Receipt build() {
            return new Receipt(elements);
        }

        private static BufferedImage copyOf(BufferedImage src) {
            BufferedImage copy = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = copy.createGraphics();
            try {
                g.drawImage(src, 0, 0, null);
            } finally {
                g.dispose();
            }
            return copy;
        }
    }
}
