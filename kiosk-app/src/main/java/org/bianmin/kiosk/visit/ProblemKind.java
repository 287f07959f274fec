package org.bianmin.kiosk.visit;

/** The failures a citizen can meet; each has its own plain-words screen. */
public enum ProblemKind {
    /** The backend has no record for this person or licence for the chosen service. */
    NO_RECORD,
    /** The document could not be issued or fetched. */
    DOCUMENT_UNAVAILABLE,
    /** The document's signature did not check out: it is not printed. */
    DOCUMENT_REFUSED,
    /** The A4 printer is out of paper. */
    PRINTER_OUT_OF_PAPER,
    /** The document did not print for another device reason (cover open, offline, fault). */
    PRINT_FAILED,
    /** The backend does not answer. */
    BACKEND_UNREACHABLE,
    /** A device the service needs is out of service, or the kiosk is not set up right. */
    DEVICE_OUT_OF_SERVICE,
    /** The card cannot be used here (number fails its check, unsupported card). */
    CARD_NOT_ACCEPTED,
    /** The identification expired before the document was requested. */
    IDENTIFICATION_EXPIRED,
    /** Too many identifications at this kiosk just now. */
    BUSY
}
