package org.bianmin.kiosk.visit;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.kiosk.document.PreviewRenderer;
import org.bianmin.kiosk.document.UntrustedDocumentException;
import org.bianmin.kiosk.document.VerifiedDocument;

/** Renders small patterned pages (never a blank one), or fails as unreadable when told; keeps every page it made. */
final class FakeRenderer implements PreviewRenderer {
    static final int SIZE = 8;
    private final List<BufferedImage> rendered = new ArrayList<>();
    private int pages = 2;
    private boolean failNext;

    void pagesPerDocument(int n) {
        pages = n;
    }

    void willFailAsUnreadable() {
        failNext = true;
    }

    @Override
    public List<BufferedImage> render(VerifiedDocument document, float dpi) throws UntrustedDocumentException {
        document.pdf(); // a wiped document throws: rendering one is a defect
        if (failNext) {
            failNext = false;
            throw new UntrustedDocumentException(UntrustedDocumentException.Reason.UNREADABLE, "scripted: unreadable");
        }
        List<BufferedImage> out = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    img.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x202020 + p);
                }
            }
            out.add(img);
        }
        rendered.addAll(out);
        return out;
    }

    List<BufferedImage> rendered() {
        return List.copyOf(rendered);
    }

    /** Whether the image is one flat colour (cleared), not the pattern it was rendered with. */
    static boolean blank(BufferedImage img) {
        int first = img.getRGB(0, 0);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }
}
