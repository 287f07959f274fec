package org.bianmin.backend.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A document under construction, page by page on A4: keeps the cursor, opens a new page when content
 * would run into the footer, and stamps "验证码 … 第 N 页 共 M 页" on every page at the end.
 */
final class PageFlow implements AutoCloseable {
    static final PDRectangle A4 = PDRectangle.A4;
    static final float MARGIN = 50;
    static final float LEFT = MARGIN;
    static final float RIGHT = A4.getWidth() - MARGIN;
    static final float TOP = A4.getHeight() - MARGIN;
    static final float BOTTOM = 60;
    static final DateTimeFormatter PRINT_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream stream;
    private Canvas canvas;
    private float y;

    PageFlow(DocumentFont cjk, String title, String author, LocalDateTime printedAt) throws IOException {
        this.font = cjk.embedIn(document);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator("Bianmin Kiosk reference backend");
        Calendar created = GregorianCalendar.from(printedAt.atZone(TimeZone.getDefault().toZoneId()));
        info.setCreationDate(created);
        newPage();
    }

    Canvas canvas() {
        return canvas;
    }

    float y() {
        return y;
    }

    void down(float by) {
        y -= by;
    }

    /** True when {@code height} more points fit above the footer of the current page. */
    boolean fits(float height) {
        return y - height >= BOTTOM;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        canvas = new Canvas(stream, font);
        y = TOP;
    }

    /** Closes the last page, stamps every page's footer and returns the unsigned PDF. */
    byte[] finish(String verificationCode) throws IOException {
        stream.close();
        stream = null;
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream s = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                Canvas c = new Canvas(s, font);
                c.line(LEFT, 44, RIGHT, 44, 0.4f);
                c.text("验证码 " + verificationCode, LEFT, 32, 8);
                c.centred("第 " + (i + 1) + " 页 共 " + total + " 页", A4.getWidth() / 2, 32, 8);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        document.close();
    }
}
