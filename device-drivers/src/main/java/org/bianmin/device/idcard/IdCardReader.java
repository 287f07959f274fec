package org.bianmin.device.idcard;

import java.util.concurrent.CompletableFuture;
import org.bianmin.device.Device;
import org.bianmin.device.DeviceError;

/**
 * The ID card reader as the kiosk uses it: read the card on the reader now, or arm it to report
 * {@link IdCardEvent.CardPlaced} and {@link IdCardEvent.CardRemoved} on its own.
 */
public interface IdCardReader extends Device {

    /**
     * Reads the card on the reader once. Fails with {@link DeviceError#NO_CARD} when there is none —
     * including a card that was already read and not lifted since — and with
     * {@link DeviceError#INVALID_ID_NUMBER} (an {@link InvalidIdNumberException} that still carries
     * the read) when its number fails the check digit.
     */
    CompletableFuture<CardRead> read();

    /** Starts polling for cards; events go to the listeners. Needs the reader enabled. */
    void arm();

    /** Stops polling; a read in progress finishes. */
    void disarm();

    boolean armed();

    /** The reader module's SAM ID, for the technician. */
    CompletableFuture<SamId> samId();
}
