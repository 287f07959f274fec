package org.bianmin.kiosk.visit;

import java.util.Optional;
import org.bianmin.device.DeviceError;

/** A passing message on the current screen (the card could not be read, this code is not for this service). */
public record Hint(Kind kind, Optional<DeviceError> deviceError) {

    public enum Kind {
        /** A device reported an error the citizen can fix (place the card again). */
        DEVICE,
        /** The scanned code is not one this service accepts. */
        WRONG_CODE,
        /** A card was read while the service needs a QR code. */
        CARD_NOT_FOR_SERVICE,
        /** The service is not offered for this person or licence. */
        SERVICE_NOT_AVAILABLE_FOR_SUBJECT
    }

    public static Hint device(DeviceError e) {
        return new Hint(Kind.DEVICE, Optional.of(e));
    }

    public static Hint of(Kind kind) {
        return new Hint(kind, Optional.empty());
    }
}
