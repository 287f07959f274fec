package org.bianmin.kiosk.backend;

import java.time.Instant;
import java.util.Objects;

/**
 * The backend's answer to a technician code scanned at this kiosk: whose it is and until when it lets them in.
 *
 * @param technician the name the office issued the code to, e.g. 王师傅
 * @param expiresAt  when the code stops working (it may be used again on this kiosk until then)
 */
public record TechnicianAccess(String technician, Instant expiresAt) {
    public TechnicianAccess {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
