package org.bianmin.kiosk.print;

import java.util.Locale;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.document.VerifiedDocument;

/**
 * One visit's print job: the verified document, the ticket the receipt is made from, and a key
 * (no personal data in it) from which both parts' idempotency keys are derived.
 */
public record PrintOrder(String idempotencyKey, DocumentTicket ticket, VerifiedDocument document, String serviceName,
                         Locale locale) {

    @Override
    public String toString() {
        return "PrintOrder[" + idempotencyKey + ", " + ticket + "]";
    }
}
