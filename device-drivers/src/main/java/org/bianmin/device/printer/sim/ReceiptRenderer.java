package org.bianmin.device.printer.sim;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.bianmin.device.DeviceException;
import org.bianmin.device.printer.Align;
import org.bianmin.device.printer.PrinterProfile;
import org.bianmin.device.printer.RasterImage;
import org.bianmin.device.printer.ReceiptText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws what the simulated printer put on the paper: as plain text (alignment by spaces, QR codes as
 * "[QR: payload]") and as a PNG of the roll at the profile's dot width, Chinese text in WenQuanYi
 * Zen Hei, bold and double size drawn, QR codes re-encoded with zxing, raster images dot for dot.
 */
public final class ReceiptRenderer {
    private static final Logger log = LoggerFactory.getLogger(ReceiptRenderer.class);

    public static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    /** Dots of one 1× line: 24-dot characters plus spacing (ESC 2 default ≈ 30 dots). */
    private static final int LINE_DOTS = 30;
    private static final int CHAR_DOTS = 24;
    private static final int MARGIN_DOTS = 16;

    private static final Map<Path, Optional<Font>> FONTS = new ConcurrentHashMap<>();

    private final PrinterProfile profile;
    private final Font font;
    private final Optional<String> fontProblem;

    /** Uses the WenQuanYi Zen Hei font of the Debian package fonts-wqy-zenhei. */
    public ReceiptRenderer(PrinterProfile profile) {
        this(profile, DEFAULT_FONT);
    }

    /** With another font collection; if it cannot be loaded, text is drawn in the JDK's font and {@link #fontProblem()} says why. */
    public ReceiptRenderer(PrinterProfile profile, Path fontFile) {
        this.profile = profile;
        Optional<Font> f = FONTS.computeIfAbsent(fontFile, ReceiptRenderer::loadFont);
        if (f.isPresent()) {
            this.font = f.get();
            this.fontProblem = Optional.empty();
        } else {
            this.font = new Font(Font.MONOSPACED, Font.PLAIN, CHAR_DOTS);
            this.fontProblem = Optional.of("receipt PNGs need the font " + fontFile
                    + "; install the Debian package fonts-wqy-zenhei (apt-get install fonts-wqy-zenhei) — Chinese is drawn as boxes until then");
            log.warn(fontProblem.get());
        }
    }

    private static Optional<Font> loadFont(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Font[] fonts = Font.createFonts(file.toFile());
            Font pick = fonts[0];
            for (Font f : fonts) {
                // the Mono face has half-width Latin, like a printer's 12×24 font
                if (f.getFamily().equals("WenQuanYi Zen Hei Mono")) {
                    pick = f;
                }
            }
            return Optional.of(pick.deriveFont(Font.PLAIN, (float) CHAR_DOTS));
        } catch (IOException | FontFormatException e) {
            log.warn("font {} could not be read: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Why Chinese text cannot be drawn properly, if it cannot. */
    public Optional<String> fontProblem() {
        return fontProblem;
    }

    /** The receipt as text: one line per printed line, aligned with spaces, codes as "[QR: …]". */
    public String text(List<PaperItem> items) {
        StringBuilder sb = new StringBuilder();
        for (PaperItem item : items) {
            switch (item) {
                case PaperItem.TextLine t -> {
                    int free = profile.columns() - ReceiptText.width(t.text()) * t.width();
                    int pad = free <= 0 || t.text().isEmpty() ? 0 : switch (t.align()) {
                        case LEFT -> 0;
                        case CENTRE -> free / 2;
                        case RIGHT -> free;
                    };
                    sb.append(" ".repeat(pad)).append(t.text());
                }
                case PaperItem.QrCode q -> sb.append(ReceiptText.place("[QR: " + q.payload() + "]", q.align(), profile.columns()));
                case PaperItem.Raster r -> sb.append(ReceiptText.place(decodeQr(r.image().toImage())
                        .map(p -> "[QR: " + p + "]")
                        .orElse("[image " + r.image().width() + "×" + r.image().height() + "]"), r.align(), profile.columns()));
                case PaperItem.Feed f -> {
                    continue;
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Reads a QR code in an image with zxing, its bytes taken as UTF-8 (what the driver sends). */
    public static Optional<String> decodeQr(BufferedImage image) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            Result r = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8", DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Optional.of(r.getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        }
    }

    /** The paper as a grey PNG, one pixel per dot, the profile's width across. */
    public byte[] png(List<PaperItem> items, boolean cut) {
        List<Placed> placed = new ArrayList<>();
        int y = MARGIN_DOTS;
        for (PaperItem item : items) {
            int h = switch (item) {
                case PaperItem.TextLine t -> LINE_DOTS * t.height();
                case PaperItem.QrCode q -> qrImage(q).map(BufferedImage::getHeight).orElse(LINE_DOTS);
                case PaperItem.Raster r -> r.image().height();
                case PaperItem.Feed f -> f.dots();
            };
            placed.add(new Placed(item, y));
            y += h;
        }
        int height = Math.max(y + MARGIN_DOTS, 2 * MARGIN_DOTS);
        BufferedImage img = new BufferedImage(profile.dots(), height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Placed p : placed) {
                switch (p.item()) {
                    case PaperItem.TextLine t -> drawLine(g, t, p.y());
                    case PaperItem.QrCode q -> qrImage(q).ifPresentOrElse(
                            qi -> g.drawImage(qi, x(q.align(), qi.getWidth()), p.y(), null),
                            () -> drawLine(g, new PaperItem.TextLine("[QR?]", q.align(), false, 1, 1), p.y()));
                    case PaperItem.Raster r -> g.drawImage(r.image().toImage(), x(r.align(), r.image().width()), p.y(), null);
                    case PaperItem.Feed f -> {
                        // blank paper
                    }
                }
            }
            if (cut) {
                // the cut edge: a dashed line at the bottom
                for (int x = 0; x < img.getWidth(); x += 12) {
                    g.fillRect(x, height - 2, 6, 2);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding to memory failed", e);
        }
        return out.toByteArray();
    }

    private record Placed(PaperItem item, int y) {}

    private int x(Align align, int width) {
        int free = Math.max(0, profile.dots() - width);
        return switch (align) {
            case LEFT -> 0;
            case CENTRE -> free / 2;
            case RIGHT -> free;
        };
    }

    private Optional<BufferedImage> qrImage(PaperItem.QrCode q) {
        try {
            return Optional.of(RasterImage.qr(q.payload(), q.moduleSize(), q.level()).toImage());
        } catch (DeviceException e) {
            return Optional.empty();
        }
    }

    private void drawLine(Graphics2D g, PaperItem.TextLine t, int top) {
        int cell = profile.dotsPerColumn();
        int lineWidth = ReceiptText.width(t.text()) * cell * t.width();
        int x = x(t.align(), lineWidth);
        // baseline about 5/6 down the 24-dot character cell, scaled with the height
        int baseline = top + (CHAR_DOTS * 5 / 6) * t.height();
        for (int cp : t.text().codePoints().toArray()) {
            if (cp != ' ') {
                Graphics2D glyph = (Graphics2D) g.create();
                try {
                    glyph.translate(x, baseline);
                    glyph.scale(t.width(), t.height());
                    glyph.setFont(font);
                    String s = new String(Character.toChars(cp));
                    glyph.drawString(s, 0f, 0f);
                    if (t.bold()) {
                        // bold as a thermal head does it: the same dots again, one dot to the right
                        glyph.drawString(s, 1f / t.width(), 0f);
                    }
                } finally {
                    glyph.dispose();
                }
            }
            x += ReceiptText.width(cp) * cell * t.width();
        }
    }
}
