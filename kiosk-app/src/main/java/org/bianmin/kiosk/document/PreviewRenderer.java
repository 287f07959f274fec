package org.bianmin.kiosk.document;

import java.awt.image.BufferedImage;
import java.util.List;

/** Renders a verified document's pages for the preview screen, in memory only (no temp files). */
public interface PreviewRenderer {

    /** One image per page, rendered at {@code dpi}; fails with {@link UntrustedDocumentException.Reason#UNREADABLE}. */
    List<BufferedImage> render(VerifiedDocument document, float dpi) throws UntrustedDocumentException;
}
