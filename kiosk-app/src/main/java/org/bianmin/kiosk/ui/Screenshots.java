package org.bianmin.kiosk.ui;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Pictures of the scene as PNG files, with no AWT–JavaFX bridge: pixels are copied through an int buffer. */
public final class Screenshots {
    private Screenshots() {}

    /** Lays out and draws the scene as it is now, on the FX thread. */
    public static BufferedImage take(Scene scene) {
        WritableImage fx = scene.snapshot(null);
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        // the image's own int buffer receives the pixels: no per-pixel colour conversion (the scene is opaque)
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        fx.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), rgb, 0, w);
        return image;
    }

    /** Takes a screenshot and writes it to {@code file} as PNG (parent directories are made). */
    public static Path save(Scene scene, Path file) throws IOException {
        BufferedImage image = take(scene);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        // screens are flat colour: light compression is nearly as small and several times faster
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }
}
