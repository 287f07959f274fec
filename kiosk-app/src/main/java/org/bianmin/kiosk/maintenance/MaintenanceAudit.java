package org.bianmin.kiosk.maintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of maintenance mode, on its own logger ({@value #LOGGER}) in the kiosk's log: every entry (how, and
 * for a technician code whose), every action (device, action, result) and every exit (why). Never a PIN, a code or a
 * citizen's data: callers pass masked words only.
 */
public final class MaintenanceAudit {
    public static final String LOGGER = "org.bianmin.kiosk.audit.maintenance";
    private static final Logger audit = LoggerFactory.getLogger(LOGGER);

    public void entered(String how) {
        audit.info("entered: {}", how);
    }

    public void refused(String how, String why) {
        audit.warn("entry refused: {}: {}", how, why);
    }

    public void action(String device, String action, String result) {
        audit.info("action: {} {}: {}", device, action, result);
    }

    public void left(String why) {
        audit.info("left: {}", why);
    }
}
