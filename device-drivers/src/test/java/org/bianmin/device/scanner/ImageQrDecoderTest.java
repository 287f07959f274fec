package org.bianmin.device.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageQrDecoderTest {
    private static final String CHINESE = "https://zwfw.example.cn/预约?事项=户籍证明&编号=A7F3";
    private static final String ASCII = "BMKIOSK:APPT:20261125:0042";
    private final ImageQrDecoder decoder = new ImageQrDecoder();

    private static BufferedImage qr(String text, int size) throws Exception {
        BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                        EncodeHintType.MARGIN, 4));
        BufferedImage bw = MatrixToImageWriter.toBufferedImage(m);
        BufferedImage rgb = new BufferedImage(bw.getWidth(), bw.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(bw, 0, 0, null);
        return rgb;
    }

    private static BufferedImage rotate(BufferedImage src, double degrees) {
        double r = Math.toRadians(degrees);
        int w = src.getWidth();
        int h = src.getHeight();
        int side = (int) Math.ceil(Math.hypot(w, h));
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(side / 2.0, side / 2.0);
        t.rotate(r);
        t.translate(-w / 2.0, -h / 2.0);
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scale(BufferedImage src, double f) {
        int w = (int) (src.getWidth() * f);
        int h = (int) (src.getHeight() * f);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Salt and pepper: {@code fraction} of the pixels set to black or white, seeded. */
    private static BufferedImage saltAndPepper(BufferedImage src, double fraction, long seed) {
        BufferedImage out = copy(src);
        Random rnd = new Random(seed);
        int n = (int) (out.getWidth() * out.getHeight() * fraction);
        for (int i = 0; i < n; i++) {
            out.setRGB(rnd.nextInt(out.getWidth()), rnd.nextInt(out.getHeight()), rnd.nextBoolean() ? 0xFFFFFF : 0x000000);
        }
        return out;
    }

    /** Gaussian noise of standard deviation {@code sigma} grey levels, seeded. */
    private static BufferedImage gaussian(BufferedImage src, double sigma, long seed) {
        BufferedImage out = copy(src);
        Random rnd = new Random(seed);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int v = out.getRGB(x, y) & 0xFF;
                int n = (int) Math.max(0, Math.min(255, v + rnd.nextGaussian() * sigma));
                out.setRGB(x, y, n << 16 | n << 8 | n);
            }
        }
        return out;
    }

    private static BufferedImage blur(BufferedImage src) {
        float ninth = 1f / 9f;
        float[] k = {ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth, ninth};
        return new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(src, 0, 0, null);
        return out;
    }

    /** A 1280×720 "counter top": grey gradient, random boxes, lines and text; the QR placed off-centre. */
    private static BufferedImage onClutter(BufferedImage code, long seed) {
        BufferedImage out = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(90, 90, 100), 1280, 720, new Color(200, 190, 180)));
        g.fillRect(0, 0, 1280, 720);
        Random rnd = new Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            if (rnd.nextBoolean()) {
                g.fillRect(rnd.nextInt(1280), rnd.nextInt(720), 10 + rnd.nextInt(120), 10 + rnd.nextInt(80));
            } else {
                g.drawLine(rnd.nextInt(1280), rnd.nextInt(720), rnd.nextInt(1280), rnd.nextInt(720));
            }
        }
        g.setColor(Color.BLACK);
        g.drawString("政务服务 自助一体机 SELF-SERVICE", 40, 60);
        g.drawImage(code, 700, 200, null);
        g.dispose();
        return out;
    }

    @Test
    void aCleanChineseQrIsDecodedAsUtf8() throws Exception {
        assertEquals(Optional.of(CHINESE), decoder.decode(qr(CHINESE, 300)));
    }

    @ParameterizedTest(name = "{0}°")
    @ValueSource(doubles = {15, 90, 180, -30})
    void aRotatedQrIsDecoded(double degrees) throws Exception {
        assertEquals(Optional.of(CHINESE), decoder.decode(rotate(qr(CHINESE, 300), degrees)));
    }

    @ParameterizedTest(name = "{0}×")
    @ValueSource(doubles = {0.5, 2.0})
    void aScaledQrIsDecoded(double factor) throws Exception {
        assertEquals(Optional.of(ASCII), decoder.decode(scale(qr(ASCII, 300), factor)));
    }

    @Test
    void aQrWithSaltAndPepperNoiseIsDecoded() throws Exception {
        assertEquals(Optional.of(CHINESE), decoder.decode(saltAndPepper(qr(CHINESE, 400), 0.03, 42)));
    }

    @Test
    void aQrWithGaussianNoiseAndASlightBlurIsDecoded() throws Exception {
        assertEquals(Optional.of(CHINESE), decoder.decode(blur(gaussian(qr(CHINESE, 400), 40, 7))));
    }

    @Test
    void aSmallTiltedQrOnAClutteredCounterIsDecoded() throws Exception {
        BufferedImage frame = onClutter(rotate(scale(qr(CHINESE, 300), 0.9), 15), 99);
        assertEquals(Optional.of(CHINESE), decoder.decode(gaussian(frame, 12, 3)));
    }

    @Test
    void aFrameWithNoQrGivesEmptyNeverAnException() {
        BufferedImage frame = onClutter(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 5);
        assertEquals(Optional.empty(), decoder.decode(frame));
        assertEquals(Optional.empty(), decoder.decode(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY)));
        assertEquals(Optional.empty(), decoder.decode(saltAndPepper(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), 0.5, 1)));
    }

    @Test
    void anImageFileIsReadAndAFileThatIsNoImageIsATypedError(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("frame.png");
        javax.imageio.ImageIO.write(qr(ASCII, 200), "png", png.toFile());
        assertEquals(Optional.of(ASCII), decoder.decode(png));
        Path txt = Files.writeString(dir.resolve("frame.png.txt"), "not an image");
        DeviceException e = assertThrows(DeviceException.class, () -> decoder.decode(txt));
        assertEquals(DeviceError.UNREADABLE_CODE, e.error());
        assertEquals(txt + " is not an image this decoder reads; use PNG, JPEG, BMP or GIF", e.getMessage());
    }
}
