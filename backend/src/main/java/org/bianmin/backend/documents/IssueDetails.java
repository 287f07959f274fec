package org.bianmin.backend.documents;

import java.net.URI;
import java.time.LocalDateTime;
import org.bianmin.backend.domain.Organisation;

/**
 * What a document says about its own issue: the issuing agency of a certificate, when it was printed,
 * its verification code and the base URL of the public verification page its QR code points to. A
 * licence names its own issuing authority and ignores the agency.
 */
public record IssueDetails(Organisation agency, LocalDateTime printedAt, String verificationCode, URI baseUrl) {
    public IssueDetails {
        if (agency == null || printedAt == null || baseUrl == null) {
            throw new IllegalArgumentException("issue details: agency, printedAt and baseUrl are required");
        }
        VerificationCodes.requireWellFormed(verificationCode);
        if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("issue details: baseUrl must be an absolute http(s) URL, got " + baseUrl);
        }
    }

    /** {@code <baseUrl>/verify/<code>}, the address the QR code carries. */
    public String verifyUrl() {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + verificationCode;
    }
}
