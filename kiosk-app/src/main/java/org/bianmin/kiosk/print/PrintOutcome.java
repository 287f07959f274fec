package org.bianmin.kiosk.print;

import java.util.Optional;
import org.bianmin.device.DeviceError;

/**
 * How an order ended: the document printed or not, the receipt printed or not, each with the
 * device's error when it failed. A failed receipt does not fail the visit; a failed document does.
 */
public record PrintOutcome(PrintProgress document, PrintProgress receipt) {

    public boolean documentPrinted() {
        return document.phase() == PrintProgress.Phase.DONE;
    }

    public boolean receiptPrinted() {
        return receipt.phase() == PrintProgress.Phase.DONE;
    }

    /** The error that stopped the document, if it did not print. */
    public Optional<DeviceError> documentError() {
        return documentPrinted() ? Optional.empty() : document.error();
    }
}
