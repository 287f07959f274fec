package org.bianmin.device;

/** How deep a health check goes (after UnifiedPOS CheckHealth). */
public enum HealthLevel {
    /** Talk to the device without moving paper or needing a card. */
    INTERNAL,
    /** Exercise the device: print a test receipt, read a test card, trigger a scan. */
    EXTERNAL,
    /** Like EXTERNAL, with a person watching and confirming the result. */
    INTERACTIVE
}
