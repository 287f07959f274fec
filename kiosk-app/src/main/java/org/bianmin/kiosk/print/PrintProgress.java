package org.bianmin.kiosk.print;

import java.util.Optional;
import org.bianmin.device.DeviceError;

/** Where one part of an order is: checking the printer, printing, done, failed (with the device's error), skipped. */
public record PrintProgress(PrintPart part, Phase phase, Optional<DeviceError> error) {

    public enum Phase { WAITING, CHECKING, PRINTING, DONE, FAILED, SKIPPED }

    public static PrintProgress of(PrintPart part, Phase phase) {
        return new PrintProgress(part, phase, Optional.empty());
    }

    public static PrintProgress failed(PrintPart part, DeviceError error) {
        return new PrintProgress(part, Phase.FAILED, Optional.of(error));
    }
}
