package org.bianmin.device.idcard;

import org.bianmin.device.DeviceError;
import org.bianmin.device.DeviceException;

/**
 * A card was read but its number fails the check: {@link DeviceError#INVALID_ID_NUMBER}. The read is
 * kept so a staffed counter can still see what the card holds; the message is masked.
 */
public final class InvalidIdNumberException extends DeviceException {
    private final transient CardRead card;

    public InvalidIdNumberException(CardRead card, String detail) {
        super(DeviceError.INVALID_ID_NUMBER, detail);
        this.card = card;
    }

    public CardRead card() {
        return card;
    }
}
