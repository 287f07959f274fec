package org.bianmin.kiosk.visit;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Identification;
import org.bianmin.kiosk.document.VerifiedDocument;

/**
 * Every piece of personal data the kiosk holds during one visit, in one place so that one call drops
 * it all. Confined to the machine's thread.
 */
final class VisitData {
    /** From the card, only until the backend has identified its holder. */
    String cardNumber;
    String cardName;
    IdentifyMethod method;
    Identification identification;
    ShownIdentity shown;
    DocumentTicket ticket;
    VerifiedDocument document;
    List<BufferedImage> pages = List.of();
    String orderKey;

    void dropCard() {
        cardNumber = null;
        cardName = null;
    }

    /** The document and its pages are no longer needed once printed. */
    void dropDocument() {
        if (document != null) {
            document.wipe();
            document = null;
        }
        clear(pages);
        pages = List.of();
    }

    /** Paints over rendered pages: views may still hold the images, and they show the citizen's document. */
    static void clear(List<BufferedImage> pages) {
        for (BufferedImage page : pages) {
            Graphics2D g = page.createGraphics();
            try {
                g.clearRect(0, 0, page.getWidth(), page.getHeight());
            } finally {
                g.dispose();
            }
        }
    }

    void wipe() {
        dropCard();
        dropDocument();
        method = null;
        identification = null;
        shown = null;
        ticket = null;
        orderKey = null;
    }

    boolean empty() {
        return cardNumber == null && cardName == null && method == null && identification == null && shown == null
                && ticket == null && document == null && pages.isEmpty() && orderKey == null;
    }
}
