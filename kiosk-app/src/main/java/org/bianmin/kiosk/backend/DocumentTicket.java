package org.bianmin.kiosk.backend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A document the backend issued: what the receipt and the 好差评 need, and where its PDF is. */
public record DocumentTicket(String documentId, String caseNumber, String serviceCode, String title, String holder,
                             Instant issuedAt, Optional<LocalDate> validUntil, String verificationCode, String verifyUrl,
                             String sha256) {

    @Override
    public String toString() {
        return "DocumentTicket[" + documentId + ", case " + caseNumber + ", " + serviceCode + "]";
    }
}
