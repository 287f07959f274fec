package org.bianmin.device.idcard;

import java.time.Duration;
import java.util.Optional;
import org.bianmin.device.DeviceException;
import org.bianmin.device.link.SerialLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells whether a SAM_V ID card reader answers on a link, for {@code ./kiosk diag probe}. */
public final class SamProbe {
    private static final Logger log = LoggerFactory.getLogger(SamProbe.class);

    private SamProbe() {}

    /**
     * Sends a SAM status check (11 FF) and returns true when a well-formed SAM_V reply (any SW3)
     * comes back within {@code timeout}. Never throws; the link stays open.
     */
    public static boolean answers(SerialLink link, Duration timeout) {
        try {
            link.discardInput();
            link.write(SamCommand.SAM_STATUS.frame());
            SamFrameReceiver receiver = SamFrameReceiver.forReplies();
            byte[] buf = new byte[256];
            long deadline = System.nanoTime() + timeout.toNanos();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                int n = link.read(buf, 0, buf.length, Duration.ofNanos(left));
                for (int i = 0; i < n; i++) {
                    Optional<SamFrameReceiver.Result> r = receiver.push(buf[i]);
                    if (r.isPresent()) {
                        log.debug("{}: SAM_V probe got {}", link.name(), r.get());
                        return r.get() instanceof SamFrameReceiver.Frame;
                    }
                }
            }
            return false;
        } catch (DeviceException e) {
            log.debug("{}: SAM_V probe failed: {}", link.name(), e.technicianLine());
            return false;
        }
    }
}
