package org.bianmin.device.idcard;

import java.time.Instant;
import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceEvent;

/** What an armed ID card reader reports on its own: a card read, a card lifted, a read that failed. */
public sealed interface IdCardEvent extends DeviceEvent {

    /** A card arrived and was read completely. */
    record CardPlaced(String device, Instant at, CardRead card) implements IdCardEvent {
        public Identity identity() {
            return card.identity();
        }
    }

    /** The card that was read has left the reader. */
    record CardRemoved(String device, Instant at) implements IdCardEvent {}

    /**
     * A card was seen but could not be read or was refused: {@link DeviceError#CARD_READ_FAILED},
     * {@link DeviceError#CARD_REMOVED}, {@link DeviceError#INVALID_ID_NUMBER}, … The detail is masked.
     */
    record CardReadFailed(String device, Instant at, DeviceError error, String detail) implements IdCardEvent {}
}
