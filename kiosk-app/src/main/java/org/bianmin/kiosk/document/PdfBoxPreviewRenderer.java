package org.bianmin.kiosk.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bianmin.kiosk.document.UntrustedDocumentException.Reason;

/**
 * Renders a verified document's pages with PDFBox, in memory only: the PDF is read from a copy of its
 * bytes that is zeroed afterwards, and nothing is written to disk. A document longer than the page
 * cap is refused rather than rendered, to bound the memory a preview takes.
 */
public final class PdfBoxPreviewRenderer implements PreviewRenderer {
    /** Certificates run to a few pages; 20 A4 pages at 96 dpi are about 100 MB of pixels. */
    public static final int DEFAULT_MAX_PAGES = 20;
    private static final float MIN_DPI = 18;
    private static final float MAX_DPI = 300;

    private final int maxPages;

    public PdfBoxPreviewRenderer(int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("preview page cap " + maxPages + " must be at least 1");
        }
        this.maxPages = maxPages;
    }

    public PdfBoxPreviewRenderer() {
        this(DEFAULT_MAX_PAGES);
    }

    @Override
    public List<BufferedImage> render(VerifiedDocument document, float dpi) throws UntrustedDocumentException {
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("preview resolution " + dpi + " dpi is out of range; use " + MIN_DPI + " to " + MAX_DPI);
        }
        if (document.wiped()) {
            throw new UntrustedDocumentException(Reason.UNREADABLE, "the document was wiped at the end of the visit; fetch it again");
        }
        byte[] pdf = document.pdf();
        try (PDDocument pd = Loader.loadPDF(pdf)) {
            int pages = pd.getNumberOfPages();
            if (pages < 1) {
                throw new UntrustedDocumentException(Reason.UNREADABLE, "the document has no pages to show");
            }
            if (pages > maxPages) {
                throw new UntrustedDocumentException(Reason.UNREADABLE, "the document has " + pages + " pages; the preview shows at most "
                        + maxPages + ": a document this long should be printed at a staffed counter");
            }
            PDFRenderer renderer = new PDFRenderer(pd);
            List<BufferedImage> images = new ArrayList<>(pages);
            for (int i = 0; i < pages; i++) {
                images.add(renderer.renderImageWithDPI(i, dpi, ImageType.RGB));
            }
            return List.copyOf(images);
        } catch (IOException e) {
            throw new UntrustedDocumentException(Reason.UNREADABLE, "the document's pages cannot be drawn: " + e.getMessage(), e);
        } finally {
            Arrays.fill(pdf, (byte) 0);
        }
    }
}
