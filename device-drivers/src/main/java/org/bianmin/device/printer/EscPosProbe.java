package org.bianmin.device.printer;

import java.time.Duration;
import org.bianmin.device.link.LinkException;
import org.bianmin.device.link.SerialLink;

/** Tells whether an ESC/POS printer answers on a link, for {@code diag probe}; sends only DLE EOT 1. */
public final class EscPosProbe {
    private EscPosProbe() {}

    /**
     * Sends DLE EOT 1 and waits up to {@code timeout} for a reply of the form 0xx1xx10, skipping
     * XON/XOFF. Any other byte, or silence, means no. Link failures are reported as they are.
     */
    public static boolean answers(SerialLink link, Duration timeout) throws LinkException {
        link.discardInput();
        link.write(EscPos.statusRequest(1));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            int b = link.readByte(Duration.ofNanos(left));
            if (b < 0 || EscPosStatus.isFlowControl(b)) {
                continue;
            }
            return EscPosStatus.isStatusByte(b);
        }
    }
}
