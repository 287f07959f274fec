package org.bianmin.kiosk.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.bianmin.kiosk.document.UntrustedDocumentException.Reason;
import org.junit.jupiter.api.Test;

/** Preview pages: one image per page at the asked resolution, a cap on pages, nothing after the wipe. */
class PdfBoxPreviewRendererTest {

    static VerifiedDocument document(int pages) {
        return new VerifiedDocument(TestSignatures.unsignedPdf(pages), "test", Instant.now(), "00");
    }

    @Test
    void aTwoPageDocumentGivesTwoA4ImagesAtTheAskedResolution() throws Exception {
        List<BufferedImage> pages = new PdfBoxPreviewRenderer().render(document(2), 96);
        assertEquals(2, pages.size());
        for (BufferedImage page : pages) {
            // A4 is 595.28 × 841.89 points of 1/72 inch
            assertEquals((int) Math.floor(PDRectangle.A4.getWidth() * 96 / 72), page.getWidth());
            assertEquals((int) Math.floor(PDRectangle.A4.getHeight() * 96 / 72), page.getHeight());
        }
        assertTrue(pages.get(0).getRGB(72 * 96 / 72 + 5, page0Row(pages.get(0))) != 0xFFFFFFFF, "the filled box is drawn");
    }

    // the box spans 72..172 pt from the bottom: 100 pt above the bottom edge is inside it
    private static int page0Row(BufferedImage page) {
        return page.getHeight() - 100 * 96 / 72;
    }

    @Test
    void aDocumentLongerThanTheCapIsRefusedWithTheCount() {
        UntrustedDocumentException e = assertThrows(UntrustedDocumentException.class,
                () -> new PdfBoxPreviewRenderer(3).render(document(4), 72));
        assertEquals(Reason.UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("4 pages") && e.getMessage().contains("at most 3"), e.getMessage());
    }

    @Test
    void aWipedDocumentIsNotRendered() {
        VerifiedDocument d = document(1);
        d.wipe();
        assertEquals(Reason.UNREADABLE, assertThrows(UntrustedDocumentException.class,
                () -> new PdfBoxPreviewRenderer().render(d, 72)).reason());
    }

    @Test
    void anAbsurdResolutionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PdfBoxPreviewRenderer().render(document(1), 5000));
    }
}
