package org.bianmin.kiosk.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bianmin.device.printer.Receipt;
import org.junit.jupiter.api.Test;

/** The receipt's content: what it says, and that it names nobody in full. */
class VisitReceiptTest {

    static String content(Receipt r) {
        return r.elements().stream().map(e -> switch (e) {
            case Receipt.Text t -> t.text();
            case Receipt.Pair p -> p.left() + " " + p.right();
            case Receipt.Qr q -> "QR " + q.payload();
            default -> "";
        }).collect(Collectors.joining("\n"));
    }

    @Test
    void itNamesTheServiceCaseTimeDocumentAndVerification() {
        String text = content(VisitReceipt.of(Orders.order("order-0000001", "张*三", Locale.SIMPLIFIED_CHINESE), "1号机",
                Instant.parse("2025-03-01T02:30:00Z")));
        for (String expected : new String[] {"办事回执", "1号机", "社保参保证明打印", Orders.CASE_NUMBER, "2025-03-01 10:30",
                "社会保险参保证明", "张*三", Orders.VERIFICATION_CODE, "QR " + Orders.VERIFY_URL}) {
            assertTrue(text.contains(expected), expected + " missing from:\n" + text);
        }
    }

    @Test
    void aCitizensFullNameOrIdNumberIsMaskedEvenIfTheBackendSentItWhole() {
        String text = content(VisitReceipt.of(Orders.order("order-0000002", "张三丰", Locale.SIMPLIFIED_CHINESE), "1号机", Instant.now()));
        assertFalse(text.contains("张三丰"), text);
        assertTrue(text.contains("张*丰"), text);
        assertEquals("110105********002X", VisitReceipt.maskedHolder("11010519491231002X"));
        assertEquals("买****力", VisitReceipt.maskedHolder("买买提·艾力"));
    }

    @Test
    void aMaskedNameAndAnOrganisationStayAsTheBackendSentThem() {
        assertEquals("张*三", VisitReceipt.maskedHolder("张*三"));
        assertEquals("城关镇惠民农资经营部", VisitReceipt.maskedHolder("城关镇惠民农资经营部"));
        assertEquals("", VisitReceipt.maskedHolder(null));
    }
}
