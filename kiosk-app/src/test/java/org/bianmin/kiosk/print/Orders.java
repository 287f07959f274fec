package org.bianmin.kiosk.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.document.VerifiedDocument;

/** Print orders for the tests: a one-page A4 PDF and a ticket as the backend issues one. */
final class Orders {
    static final String CASE_NUMBER = "BM20250301000123";
    static final String VERIFICATION_CODE = "7K3P-9QX2";
    static final String VERIFY_URL = "http://localhost:8080/verify/7K3P9QX2";

    private Orders() {}

    static DocumentTicket ticket(String holder) {
        return new DocumentTicket("doc-0001", CASE_NUMBER, "si-participation-certificate", "社会保险参保证明", holder,
                Instant.parse("2025-03-01T02:00:00Z"), Optional.of(LocalDate.parse("2025-06-01")), VERIFICATION_CODE, VERIFY_URL,
                "00".repeat(32));
    }

    static PrintOrder order(Locale locale) {
        return order("order-" + UUID.randomUUID(), "张*三", locale);
    }

    static PrintOrder order(String key, String holder, Locale locale) {
        return new PrintOrder(key, ticket(holder), new VerifiedDocument(pdf(), "测试签发机构", Instant.now(), "00".repeat(32)),
                "社保参保证明打印", locale);
    }

    static byte[] pdf() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.addRect(72, 72, 200, 100);
                c.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
