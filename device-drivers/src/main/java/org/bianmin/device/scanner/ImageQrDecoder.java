package org.bianmin.device.scanner;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a QR code from a camera frame with ZXing: local (hybrid) binarization first, which copes with
 * uneven light, then a global histogram, then a 3×3 median filter against speckle noise. A frame with no
 * readable QR gives empty.
 */
public final class ImageQrDecoder {
    private static final Logger log = LoggerFactory.getLogger(ImageQrDecoder.class);
    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    /** The text of the QR code in the frame, or empty when there is none or it cannot be read. */
    public Optional<String> decode(BufferedImage frame) {
        Objects.requireNonNull(frame, "frame");
        LuminanceSource source = new BufferedImageLuminanceSource(frame);
        Optional<String> text = tryDecode(new BinaryBitmap(new HybridBinarizer(source)));
        if (text.isEmpty()) {
            text = tryDecode(new BinaryBitmap(new GlobalHistogramBinarizer(source)));
        }
        if (text.isEmpty() && source.getWidth() >= 3 && source.getHeight() >= 3) {
            text = tryDecode(new BinaryBitmap(new HybridBinarizer(median3x3(source))));
        }
        log.debug("frame {}x{}: {}", frame.getWidth(), frame.getHeight(),
                text.map(t -> "QR of " + t.length() + " chars").orElse("no QR"));
        return text;
    }

    /** Reads an image file (PNG, JPEG, BMP, GIF) and decodes it. */
    public Optional<String> decode(Path file) throws DeviceException {
        if (!Files.isRegularFile(file)) {
            throw new DeviceException(DeviceError.UNREADABLE_CODE, file + " does not exist or is not a file; give the path of a PNG or JPEG image");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DeviceException(DeviceError.UNREADABLE_CODE, file + " could not be read: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DeviceException(DeviceError.UNREADABLE_CODE, file + " is not an image this decoder reads; use PNG, JPEG, BMP or GIF");
        }
        return decode(image);
    }

    /** Each pixel becomes the median of its 3×3 neighbourhood: single-pixel specks vanish, module edges stay. */
    static LuminanceSource median3x3(LuminanceSource source) {
        int w = source.getWidth();
        int h = source.getHeight();
        byte[] in = source.getMatrix();
        byte[] out = in.clone();
        int[] window = new int[9];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * w;
                    for (int dx = -1; dx <= 1; dx++) {
                        window[k++] = in[row + x + dx] & 0xFF;
                    }
                }
                Arrays.sort(window);
                out[y * w + x] = (byte) window[4];
            }
        }
        return new PlanarYUVLuminanceSource(out, w, h, 0, 0, w, h, false);
    }

    private static Optional<String> tryDecode(BinaryBitmap bitmap) {
        try {
            Result r = new QRCodeReader().decode(bitmap, HINTS);
            return Optional.ofNullable(r.getText());
        } catch (ReaderException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // ZXing may throw unchecked exceptions on odd geometry; such a frame is simply unread
            log.debug("ZXing failed on a frame: {}", e.toString());
            return Optional.empty();
        }
    }
}
