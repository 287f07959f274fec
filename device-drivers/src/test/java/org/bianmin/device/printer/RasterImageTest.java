package org.bianmin.device.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.bianmin.device.printer.sim.ReceiptRenderer;
import org.junit.jupiter.api.Test;

class RasterImageTest {

    private static BufferedImage filled(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void aThresholdTurnsDarkGreyBlackAndLightGreyWhite() {
        assertEquals(64 * 8, RasterImage.of(filled(64, 8, new Color(100, 100, 100)), 384, Dither.THRESHOLD).blackDots());
        assertEquals(0, RasterImage.of(filled(64, 8, new Color(200, 200, 200)), 384, Dither.THRESHOLD).blackDots());
    }

    @Test
    void ditheringMidGreyBlackensAboutHalfTheDots() {
        int black = RasterImage.of(filled(64, 64, new Color(128, 128, 128)), 384, Dither.FLOYD_STEINBERG).blackDots();
        assertTrue(black > 64 * 64 * 4 / 10 && black < 64 * 64 * 6 / 10, black + " of " + 64 * 64);
    }

    @Test
    void transparencyIsWhitePaper() {
        assertEquals(0, RasterImage.of(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), 384, Dither.THRESHOLD).blackDots());
    }

    @Test
    void theLeftmostDotIsTheHighBitOfTheFirstByte() {
        BufferedImage img = filled(9, 1, Color.WHITE);
        img.setRGB(0, 0, 0xFF000000);
        img.setRGB(8, 0, 0xFF000000);
        RasterImage r = RasterImage.of(img, 384, Dither.THRESHOLD);
        assertEquals(2, r.bytesPerRow());
        assertEquals("80 80", org.bianmin.device.link.Hex.of(r.rows(0, 1)));
        assertTrue(r.dot(0, 0));
        assertFalse(r.dot(1, 0));
    }

    @Test
    void aWidePictureIsScaledToTheMaximumWidthKeepingItsShape() {
        RasterImage r = RasterImage.of(filled(1000, 500, Color.BLACK), 576, Dither.THRESHOLD);
        assertEquals(576, r.width());
        assertEquals(288, r.height());
    }

    @Test
    void aQrRasterHasAQuietZoneAndScansBack() throws Exception {
        RasterImage qr = RasterImage.qr("便民", 3, QrErrorLevel.M);
        // version 1 = 21 modules + 2 × 4 quiet modules, 3 dots each
        assertEquals((21 + 8) * 3, qr.width());
        assertFalse(qr.dot(0, 0));
        assertTrue(qr.dot(4 * 3, 4 * 3), "the finder pattern starts after the quiet zone");
        assertEquals("便民", ReceiptRenderer.decodeQr(qr.toImage()).orElseThrow());
    }
}
