package org.bianmin.kiosk.visit;

/** Which devices can serve a visit now; the receipt printer is optional (the document carries its own code). */
public record Availability(boolean idCardReader, boolean scanner, boolean documentPrinter, boolean receiptPrinter) {

    public static Availability all() {
        return new Availability(true, true, true, true);
    }
}
