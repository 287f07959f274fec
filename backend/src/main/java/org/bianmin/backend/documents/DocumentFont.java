package org.bianmin.backend.documents;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font as the renderers see it: something that puts itself into one document under
 * construction. {@link CjkFont} is the one the backend uses; the documents benchmark brings a naive one.
 */
public interface DocumentFont {
    /** The font as a Type 0 font of {@code document}; the document is built and saved while holding {@link #lock()}. */
    PDType0Font embedIn(PDDocument document) throws IOException;

    /** Held while a document that embeds this font is built and saved; a font private to each document needs none to be shared. */
    Object lock();
}
