package org.bianmin.device;

/** Lifecycle of every device (after UnifiedPOS): closed → open → enabled, and back. */
public enum DeviceState {
    CLOSED,
    /** The link is open, the device answers, but it delivers no events and takes no jobs. */
    OPEN,
    /** Ready for use: events flow and jobs are accepted. */
    ENABLED,
    /** The link was lost; the watchdog is reopening it. */
    DISCONNECTED
}
