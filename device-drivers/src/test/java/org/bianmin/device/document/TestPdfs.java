package org.bianmin.device.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small A4 PDFs made in the test: a Chinese title (WenQuanYi Zen Hei when installed) and an ASCII marker on every page. */
public final class TestPdfs {
    public static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private TestPdfs() {}

    public static byte[] withMarker(String marker, int pages) {
        try (PDDocument doc = new PDDocument()) {
            TrueTypeCollection wqy = Files.isRegularFile(WQY) ? new TrueTypeCollection(WQY.toFile()) : null;
            try {
                PDFont chinese = wqy == null ? null : PDType0Font.load(doc, wqy.getFontByName("WenQuanYiZenHei"), true);
                // the marker in Helvetica: cups-pdf's Ghostscript turns the embedded TrueType into Type 3 glyphs
                // without a text mapping, so pdftotext could not read the marker back from WenQuanYi
                PDFont latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                for (int i = 1; i <= pages; i++) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                        c.beginText();
                        c.newLineAtOffset(72, 760);
                        if (chinese != null) {
                            c.setFont(chinese, 18);
                            c.showText("社会保险参保证明（测试）");
                            c.newLineAtOffset(0, -30);
                        }
                        c.setFont(latin, 14);
                        c.showText(marker + " page " + i + " of " + pages);
                        c.endText();
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } finally {
                if (wqy != null) {
                    wqy.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
