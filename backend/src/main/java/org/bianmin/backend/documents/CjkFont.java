package org.bianmin.backend.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font every document uses: WenQuanYi Zen Hei (TrueType outlines, Latin and Chinese),
 * loaded once from the Debian package fonts-wqy-zenhei and embedded in each document as a subset.
 * Documents that use it must be built and saved while holding its {@link #lock()}, because the
 * subset is read from the shared font file when the document is saved.
 */
public final class CjkFont implements DocumentFont, AutoCloseable {
    public static final Path DEFAULT_PATH = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    public static final String FONT_NAME = "WenQuanYiZenHei";
    static final String PACKAGE = "fonts-wqy-zenhei";

    private final TrueTypeCollection collection;
    private final TrueTypeFont font;
    private final Object lock = new Object();

    private CjkFont(TrueTypeCollection collection, TrueTypeFont font) {
        this.collection = collection;
        this.font = font;
    }

    /** Loads the font from {@link #DEFAULT_PATH}. */
    public static CjkFont load() {
        return load(DEFAULT_PATH);
    }

    /** Loads WenQuanYi Zen Hei from a TrueType collection file, or says which package to install. */
    public static CjkFont load(Path ttc) {
        if (!Files.isReadable(ttc)) {
            throw new FontUnavailableException("the Chinese document font " + ttc + " is missing; install the Debian "
                    + "package " + PACKAGE + " (apt-get install " + PACKAGE + ")", null);
        }
        TrueTypeCollection collection = null;
        try {
            collection = new TrueTypeCollection(ttc.toFile());
            TrueTypeFont font = collection.getFontByName(FONT_NAME);
            if (font == null) {
                throw new FontUnavailableException(ttc + " holds no font called " + FONT_NAME + "; reinstall the Debian "
                        + "package " + PACKAGE, null);
            }
            return new CjkFont(collection, font);
        } catch (IOException e) {
            closeQuietly(collection);
            throw new FontUnavailableException("cannot read the Chinese document font " + ttc + " (" + e.getMessage()
                    + "); reinstall the Debian package " + PACKAGE, e);
        } catch (FontUnavailableException e) {
            closeQuietly(collection);
            throw e;
        }
    }

    /** The font as a subset-embedded Type 0 font of {@code document}. */
    @Override
    public PDType0Font embedIn(PDDocument document) throws IOException {
        return PDType0Font.load(document, font, true);
    }

    /** Held while a document that embeds this font is built and saved: the subset is read from the shared font at save time. */
    @Override
    public Object lock() {
        return lock;
    }

    @Override
    public void close() throws IOException {
        collection.close();
    }

    private static void closeQuietly(TrueTypeCollection c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the font file is being given up anyway; the original failure is what the caller needs
            }
        }
    }
}
