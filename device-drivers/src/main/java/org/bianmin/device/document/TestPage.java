package org.bianmin.device.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The technician's A4 test page of {@code checkHealth(EXTERNAL)}: a frame at the margins and a few lines of text. */
public final class TestPage {
    /** The job title and the first line; tests look for it in what came out. */
    public static final String TITLE = "Bianmin kiosk A4 test page";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    // 10 mm in PDF points (1/72 inch)
    private static final float MARGIN = 10 / 25.4f * 72;

    private TestPage() {}

    /** One A4 page naming the printer and the time; Latin text only, so no font has to be found. */
    public static byte[] a4(String printer, Instant at) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDRectangle box = page.getMediaBox();
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.addRect(MARGIN, MARGIN, box.getWidth() - 2 * MARGIN, box.getHeight() - 2 * MARGIN);
                c.stroke();
                c.beginText();
                c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                c.newLineAtOffset(2 * MARGIN, box.getHeight() - 3 * MARGIN);
                c.showText(TITLE);
                c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                c.newLineAtOffset(0, -28);
                c.showText("Printer: " + printer.replaceAll("[^\\x20-\\x7E]", "?"));
                c.newLineAtOffset(0, -18);
                c.showText("Time: " + TIME.format(at) + " (Beijing)");
                c.newLineAtOffset(0, -18);
                c.showText("The frame should sit 10 mm inside every edge of the sheet.");
                c.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the A4 test page could not be made in memory", e);
        }
    }
}
