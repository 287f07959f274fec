package org.bianmin.device.printer;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * A black-and-white dot image as {@code GS v 0} carries it: rows top to bottom, each row
 * {@link #bytesPerRow()} bytes, MSB = leftmost dot, 1 = black.
 */
public final class RasterImage {
    /** Blank modules around a QR symbol so a scanner finds its edges. */
    public static final int QR_QUIET_MODULES = 4;

    private final int width;
    private final int height;
    private final int bytesPerRow;
    private final byte[] bits;

    private RasterImage(int width, int height, byte[] bits) {
        this.width = width;
        this.height = height;
        this.bytesPerRow = (width + 7) / 8;
        this.bits = bits;
    }

    /** Wraps raster bytes as received: {@code bytesPerRow × rows}, width = 8 dots per byte. */
    public static RasterImage ofBytes(int bytesPerRow, int rows, byte[] data) {
        if (bytesPerRow < 1 || rows < 1 || data.length != bytesPerRow * rows) {
            throw new IllegalArgumentException("raster of " + bytesPerRow + " bytes × " + rows + " rows needs " + (long) bytesPerRow * rows + " data bytes, got " + data.length);
        }
        return new RasterImage(bytesPerRow * 8, rows, data.clone());
    }

    /** A blank image of the given size in dots. */
    public static RasterImage blank(int width, int height) {
        return new RasterImage(width, height, new byte[((width + 7) / 8) * height]);
    }

    /**
     * Turns a picture into dots: transparent parts count as white paper, a picture wider than
     * {@code maxWidth} dots is scaled down keeping its proportions, then thresholded or dithered.
     */
    public static RasterImage of(BufferedImage picture, int maxWidth, Dither dither) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        if (w > maxWidth) {
            h = Math.max(1, (int) Math.round((double) h * maxWidth / w));
            w = maxWidth;
        }
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(picture, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        float[] lum = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = grey.getRGB(x, y);
                // ITU-R BT.601 luma, 0 = black, 255 = white
                lum[y * w + x] = 0.299f * ((rgb >> 16) & 0xFF) + 0.587f * ((rgb >> 8) & 0xFF) + 0.114f * (rgb & 0xFF);
            }
        }
        RasterImage out = blank(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float old = lum[y * w + x];
                boolean black = old < 128f;
                out.set(x, y, black);
                if (dither == Dither.FLOYD_STEINBERG) {
                    float err = old - (black ? 0f : 255f);
                    spread(lum, w, h, x + 1, y, err * 7 / 16);
                    spread(lum, w, h, x - 1, y + 1, err * 3 / 16);
                    spread(lum, w, h, x, y + 1, err * 5 / 16);
                    spread(lum, w, h, x + 1, y + 1, err / 16);
                }
            }
        }
        return out;
    }

    private static void spread(float[] lum, int w, int h, int x, int y, float err) {
        if (x >= 0 && x < w && y < h) {
            lum[y * w + x] += err;
        }
    }

    /**
     * The QR symbol of {@code payload}'s UTF-8 bytes, exactly as a printer's {@code GS ( k} would
     * draw it (byte mode, no ECI), {@code moduleSize} dots per module, with a quiet zone.
     */
    public static RasterImage qr(String payload, int moduleSize, QrErrorLevel level) throws DeviceException {
        ByteMatrix m = qrModules(payload.getBytes(StandardCharsets.UTF_8), level);
        int side = (m.getWidth() + 2 * QR_QUIET_MODULES) * moduleSize;
        RasterImage out = blank(side, side);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y) == 1) {
                    int x0 = (x + QR_QUIET_MODULES) * moduleSize;
                    int y0 = (y + QR_QUIET_MODULES) * moduleSize;
                    for (int dy = 0; dy < moduleSize; dy++) {
                        for (int dx = 0; dx < moduleSize; dx++) {
                            out.set(x0 + dx, y0 + dy, true);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Modules across the QR symbol of these bytes at this level (21 for version 1, +4 per version). */
    public static int qrModulesAcross(byte[] data, QrErrorLevel level) throws DeviceException {
        return qrModules(data, level).getWidth();
    }

    private static ByteMatrix qrModules(byte[] data, QrErrorLevel level) throws DeviceException {
        // each byte becomes one ISO-8859-1 char, zxing's default: raw bytes in byte mode, no ECI (a charset hint would add one)
        String raw = new String(data, StandardCharsets.ISO_8859_1);
        try {
            QRCode code = Encoder.encode(raw, level.zxing());
            return code.getMatrix();
        } catch (WriterException e) {
            throw new DeviceException(DeviceError.BAD_LENGTH, "QR payload of " + data.length + " bytes does not fit a QR code at level " + level + ": " + e.getMessage(), e);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bytesPerRow() {
        return bytesPerRow;
    }

    public boolean dot(int x, int y) {
        return (bits[y * bytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0;
    }

    private void set(int x, int y, boolean black) {
        int i = y * bytesPerRow + x / 8;
        if (black) {
            bits[i] |= (byte) (0x80 >> (x % 8));
        } else {
            bits[i] &= (byte) ~(0x80 >> (x % 8));
        }
    }

    /** The bytes of rows {@code from} .. {@code from + count − 1}, ready to follow a GS v 0 header. */
    public byte[] rows(int from, int count) {
        return Arrays.copyOfRange(bits, from * bytesPerRow, (from + count) * bytesPerRow);
    }

    /** Black dots on white, one pixel per dot. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, dot(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return img;
    }

    public int blackDots() {
        int n = 0;
        for (byte b : bits) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    @Override
    public String toString() {
        return "RasterImage[" + width + "×" + height + " dots]";
    }
}
