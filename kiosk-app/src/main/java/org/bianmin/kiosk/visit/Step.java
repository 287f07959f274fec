package org.bianmin.kiosk.visit;

/** The screens of a visit, in the order a visit moves through them; PROBLEM may come after any. */
public enum Step {
    /** Attract screen; no visit. Touch, the presence sensor, a card or a code starts one. */
    IDLE,
    /** Service tiles. */
    HOME,
    /** Place the ID card or show a QR code. */
    IDENTIFY,
    /** 办事指南 of the chosen service; the citizen confirms to get the document. */
    SERVICE_GUIDE,
    /** The kiosk fetches and checks the document. */
    FETCH,
    /** The document's pages on screen. */
    PREVIEW,
    /** A4 document and receipt printing. */
    PRINT,
    /** Take your documents and your card. */
    DONE,
    /** 好差评. */
    EVALUATE,
    /** Something the citizen can meet went wrong: what happened and what to do next. */
    PROBLEM,
    /**
     * The kiosk is held for a technician (the PIN keypad, then the maintenance console): no visit starts, and cards,
     * codes and touches go to the technician's tests. Entered from IDLE only; leaving returns to IDLE.
     */
    MAINTENANCE;

    /** Steps where the kiosk, not the citizen, is working: their timer is a watchdog, not inactivity. */
    public boolean busy() {
        return this == FETCH || this == PRINT;
    }

    /** Steps of a citizen's visit, each with its timeout and countdown: all but IDLE and MAINTENANCE. */
    public boolean inVisit() {
        return this != IDLE && this != MAINTENANCE;
    }
}
