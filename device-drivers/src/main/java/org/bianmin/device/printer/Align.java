package org.bianmin.device.printer;

import java.util.Optional;

/** Where a line, QR code or image sits across the paper; the ordinal is the ESC a parameter. */
public enum Align {
    LEFT,
    CENTRE,
    RIGHT;

    /** ESC a accepts 0/1/2 and their ASCII digits 48/49/50; anything else leaves the alignment as it was. */
    public static Optional<Align> ofEscPos(int n) {
        return switch (n) {
            case 0, '0' -> Optional.of(LEFT);
            case 1, '1' -> Optional.of(CENTRE);
            case 2, '2' -> Optional.of(RIGHT);
            default -> Optional.empty();
        };
    }
}
