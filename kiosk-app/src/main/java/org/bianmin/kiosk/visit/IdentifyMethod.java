package org.bianmin.kiosk.visit;

/** How a citizen proves who they are (or which licence they hold) for a service. */
public enum IdentifyMethod {
    /** Second-generation ID card on the reader. */
    ID_CARD,
    /** A QR code on the scanner: e-social-security card (ESSC1:) or e-business licence (EBL1:). */
    QR_CODE
}
