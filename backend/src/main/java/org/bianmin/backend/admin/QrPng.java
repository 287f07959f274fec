package org.bianmin.backend.admin;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** Writes a text as a QR code PNG: error correction M, 8 pixels a module, the 4-module quiet zone the standard asks. */
final class QrPng {
    static final int PIXELS_PER_MODULE = 8;

    private QrPng() {
    }

    static void write(String text, Path file) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IOException("the code does not fit a QR code: " + e.getMessage(), e);
        }
        int size = matrix.getWidth() * PIXELS_PER_MODULE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = matrix.get(x / PIXELS_PER_MODULE, y / PIXELS_PER_MODULE);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("this Java runtime cannot write PNG");
        }
    }
}
