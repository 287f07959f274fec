package org.bianmin.config;

import java.util.Objects;

/**
 * Every device of the kiosk: which is real and which simulated, where each is attached, which are required, and how
 * a hung one is brought back.
 */
public record DeviceSettings(IdCardSettings idCard, QrScannerSettings qrScanner, ReceiptPrinterSettings receiptPrinter,
                             DocumentPrinterSettings documentPrinter, GpioSettings gpio, RecoverySettings recovery) {

    public DeviceSettings {
        Objects.requireNonNull(idCard, "idCard");
        Objects.requireNonNull(qrScanner, "qrScanner");
        Objects.requireNonNull(receiptPrinter, "receiptPrinter");
        Objects.requireNonNull(documentPrinter, "documentPrinter");
        Objects.requireNonNull(gpio, "gpio");
        Objects.requireNonNull(recovery, "recovery");
    }

    /** Whether the device of {@code kind} must be up for the services that need it. */
    public boolean required(DeviceKind kind) {
        return switch (kind) {
            case ID_CARD -> idCard.required();
            case QR_SCANNER -> qrScanner.required();
            case RECEIPT_PRINTER -> receiptPrinter.required();
            case DOCUMENT_PRINTER -> documentPrinter.required();
        };
    }

    /** Whether the device of {@code kind} is the built-in simulator. */
    public boolean simulated(DeviceKind kind) {
        return switch (kind) {
            case ID_CARD -> idCard.simulated();
            case QR_SCANNER -> qrScanner.simulated();
            case RECEIPT_PRINTER -> receiptPrinter.simulated();
            case DOCUMENT_PRINTER -> documentPrinter.simulated();
        };
    }
}
