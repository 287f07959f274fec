package org.bianmin.config;

import java.util.Locale;

/** The devices a kiosk configures, by their key in the configuration and the name the device layer gives them. */
public enum DeviceKind {
    ID_CARD("idCard"),
    QR_SCANNER("qrScanner"),
    RECEIPT_PRINTER("receiptPrinter"),
    DOCUMENT_PRINTER("documentPrinter");

    private final String key;

    DeviceKind(String key) {
        this.key = key;
    }

    /** The key under {@code devices}, e.g. {@code receiptPrinter}. */
    public String key() {
        return key;
    }

    /** The device's name in the device layer, logs and diagnostics, e.g. {@code receipt-printer}. */
    public String deviceName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
