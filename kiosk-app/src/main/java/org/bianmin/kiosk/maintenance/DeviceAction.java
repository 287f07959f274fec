package org.bianmin.kiosk.maintenance;

/** What a technician can do with one device on its page. */
public enum DeviceAction {
    /** Talk to the device without moving paper or needing a card (CheckHealth INTERNAL). */
    INTERNAL_CHECK,
    /** Exercise it: print a test receipt, read a test card, wait for one scan. */
    EXTERNAL_CHECK,
    /** Ask a printer for its paper and cover. */
    STATUS,
    /** Cut and restore its power through its relay, then reopen it. */
    POWER_CYCLE
}
