package org.bianmin.backend.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued document as the store keeps it, without its PDF bytes.
 *
 * @param holder           the masked name of the person, or the licence holder's organisation name
 * @param verificationCode the 验证码 printed on the document and used in its verify URL
 * @param sha256           lower-case hex SHA-256 of the PDF as issued
 * @param validUntil       the last day the document vouches for (a licence's validity end), or null for no end
 */
public record IssuedDocument(String id, String kioskId, String serviceCode, String caseNumber, String title,
                             String holder, Subject subject, String verificationCode, String sha256, Instant issuedAt,
                             LocalDate validUntil) {
    public IssuedDocument {
        Checks.text("id", id, 36);
        Checks.text("kioskId", kioskId, 64);
        Checks.text("serviceCode", serviceCode, 64);
        Checks.text("caseNumber", caseNumber, 64);
        Checks.text("title", title, 100);
        Checks.text("holder", holder, 200);
        Checks.present("subject", subject);
        Checks.text("verificationCode", verificationCode, 16);
        Checks.text("sha256", sha256, 64);
        Checks.present("issuedAt", issuedAt);
    }

    /** Whether the document still vouches for its content on {@code day}. */
    public boolean isValidOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }
}
