package org.bianmin.backend.documents;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/** Draws text, lines, QR codes and the demo seal onto one page's content stream, in points from the bottom left. */
final class Canvas {
    static final Color BLACK = Color.BLACK;
    static final Color SEAL_RED = new Color(0xD0, 0x1C, 0x1F);

    private final PDPageContentStream out;
    private final PDType0Font font;

    Canvas(PDPageContentStream out, PDType0Font font) {
        this.out = out;
        this.font = font;
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    void text(String text, float x, float y, float size) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    void centred(String text, float centreX, float y, float size) throws IOException {
        text(text, centreX - width(text, size) / 2, y, size);
    }

    void right(String text, float rightX, float y, float size) throws IOException {
        text(text, rightX - width(text, size), y, size);
    }

    /** Breaks text into lines no wider than {@code maxWidth}, between any two characters (Chinese has no spaces). */
    List<String> wrap(String text, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && width(line + ch, size) > maxWidth) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    void line(float x1, float y1, float x2, float y2, float width) throws IOException {
        out.setLineWidth(width);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    void box(float x, float y, float w, float h, float width) throws IOException {
        out.setLineWidth(width);
        out.addRect(x, y, w, h);
        out.stroke();
    }

    void fill(float x, float y, float w, float h, Color colour) throws IOException {
        out.setNonStrokingColor(colour);
        out.addRect(x, y, w, h);
        out.fill();
        out.setNonStrokingColor(BLACK);
    }

    /** A QR code (error correction M, UTF-8) as vector squares, {@code side} points wide including a 4-module quiet zone. */
    void qrCode(String content, float x, float y, float side) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new DocumentException("cannot encode a QR code of " + content.length() + " characters", e);
        }
        float module = side / m.getWidth();
        out.setNonStrokingColor(BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                out.addRect(x + start * module, y + side - (row + 1) * module, (col - start) * module, module);
            }
        }
        out.fill();
    }

    /**
     * A generated demo e-seal: a red ring, the agency's name along the upper arc, a five-pointed star
     * and "样章 DEMO" beneath it, so nobody can take it for a real seal.
     */
    void demoSeal(String agencyName, float cx, float cy, float radius) throws IOException {
        out.saveGraphicsState();
        out.setStrokingColor(SEAL_RED);
        out.setNonStrokingColor(SEAL_RED);
        out.setLineWidth(radius * 0.05f);
        circle(cx, cy, radius);
        out.stroke();
        star(cx, cy + radius * 0.05f, radius * 0.28f);
        int[] cps = agencyName.codePoints().toArray();
        float size = Math.min(radius * 0.24f, (float) (Math.PI * 1.25 * radius * 0.78 / Math.max(cps.length, 1)));
        double sweep = Math.toRadians(Math.min(240, 20 + cps.length * 17));
        double startAngle = Math.PI / 2 + sweep / 2;
        float textRadius = radius * 0.78f;
        for (int i = 0; i < cps.length; i++) {
            double a = cps.length == 1 ? Math.PI / 2 : startAngle - sweep * i / (cps.length - 1);
            String ch = new String(cps, i, 1);
            float w = width(ch, size);
            out.beginText();
            out.setFont(font, size);
            Matrix m = Matrix.getTranslateInstance((float) (cx + textRadius * Math.cos(a)), (float) (cy + textRadius * Math.sin(a)));
            m.rotate(a - Math.PI / 2);
            m.translate(-w / 2, -size * 0.35f);
            out.setTextMatrix(m);
            out.showText(ch);
            out.endText();
        }
        float small = radius * 0.16f;
        String demo = "样章 DEMO";
        out.beginText();
        out.setFont(font, small);
        out.newLineAtOffset(cx - width(demo, small) / 2, cy - radius * 0.55f);
        out.showText(demo);
        out.endText();
        out.restoreGraphicsState();
    }

    private void circle(float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        out.moveTo(cx + r, cy);
        out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        out.closePath();
    }

    private void star(float cx, float cy, float r) throws IOException {
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            float rr = i % 2 == 0 ? r : r * 0.382f;
            float x = (float) (cx + rr * Math.cos(a));
            float y = (float) (cy + rr * Math.sin(a));
            if (i == 0) {
                out.moveTo(x, y);
            } else {
                out.lineTo(x, y);
            }
        }
        out.closePath();
        out.fill();
    }
}
