package org.bianmin.kiosk.visit;

/** Why a visit ended. */
public enum EndReason {
    /** Evaluated, or skipped the evaluation: the visit ran its course. */
    COMPLETED,
    /** The citizen pressed Exit. */
    EXIT,
    /** The ID card used to identify was lifted. */
    CARD_LIFTED,
    /** No input before a screen's timeout ran out. */
    TIMEOUT,
    /** The kiosk is shutting down or leaving service. */
    SHUTDOWN
}
