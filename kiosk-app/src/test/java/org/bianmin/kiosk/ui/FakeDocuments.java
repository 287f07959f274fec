package org.bianmin.kiosk.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.bianmin.kiosk.document.DocumentVerifier;
import org.bianmin.kiosk.document.PreviewRenderer;
import org.bianmin.kiosk.document.UntrustedDocumentException;
import org.bianmin.kiosk.document.VerifiedDocument;

/** A document check that trusts one fixed PDF (or refuses all) and a renderer that draws two A4-shaped pages. */
final class FakeDocuments implements DocumentVerifier, PreviewRenderer {
    static final byte[] PDF = "%PDF-1.7 fake signed certificate".getBytes(StandardCharsets.US_ASCII);
    static final String SHA256 = "0".repeat(64);

    /** When true, every document is refused as altered. */
    volatile boolean refuse;

    @Override
    public VerifiedDocument verify(byte[] pdf, String expectedSha256) throws UntrustedDocumentException {
        if (refuse) {
            throw new UntrustedDocumentException(UntrustedDocumentException.Reason.ALTERED, "fake: altered after signing");
        }
        return new VerifiedDocument(pdf, "CN=Demo platform", Instant.parse("2026-06-01T02:00:00Z"), expectedSha256);
    }

    @Override
    public List<BufferedImage> render(VerifiedDocument document, float dpi) {
        return List.of(page(1), page(2));
    }

    /** 595 × 842 pt at 110 dpi: 909 × 1286 pixels, a white sheet with a header band, text lines and a seal. */
    private static BufferedImage page(int n) {
        BufferedImage img = new BufferedImage(909, 1286, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 909, 1286);
            g.setColor(new Color(0x1d2b44));
            g.fillRect(120, 110, 670, 36);
            g.setColor(new Color(0x8a98ad));
            for (int i = 0; i < 18 + n; i++) {
                g.fillRect(120, 200 + i * 48, i % 4 == 3 ? 380 : 670, 14);
            }
            g.setColor(new Color(0xc8102e));
            g.setStroke(new BasicStroke(6));
            g.drawOval(600, 1040, 150, 150);
            g.setColor(Color.BLACK);
            g.fillRect(140, 1060, 110, 110);
        } finally {
            g.dispose();
        }
        return img;
    }
}
