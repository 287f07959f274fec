package org.bianmin.backend.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.bianmin.backend.documents.DocumentFont;

/**
 * The naive baseline's font: a standalone .ttf file parsed anew for every document and embedded whole,
 * nothing shared between documents, so no lock is shared either.
 */
final class WholeFontPerDocument implements DocumentFont {
    private final Path ttf;

    WholeFontPerDocument(Path ttf) {
        this.ttf = ttf;
    }

    @Override
    public PDType0Font embedIn(PDDocument document) throws IOException {
        // PDFBox parses the stream and closes the parsed font with the document
        try (InputStream in = Files.newInputStream(ttf)) {
            return PDType0Font.load(document, in, false);
        }
    }

    @Override
    public Object lock() {
        return new Object();
    }
}
