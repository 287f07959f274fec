package org.bianmin.kiosk.document;

import java.time.Instant;
import java.util.Arrays;

/**
 * A PDF whose signature was checked against a trust anchor: the bytes as received, who signed them
 * and when. It holds the citizen's document, so the visit wipes it when it ends.
 */
public final class VerifiedDocument {
    private final byte[] pdf;
    private final String signer;
    private final Instant signedAt;
    private final String sha256;
    private volatile boolean wiped;

    public VerifiedDocument(byte[] pdf, String signer, Instant signedAt, String sha256) {
        this.pdf = pdf.clone();
        this.signer = signer;
        this.signedAt = signedAt;
        this.sha256 = sha256;
    }

    /** A copy of the PDF's bytes. */
    public byte[] pdf() {
        if (wiped) {
            throw new IllegalStateException("the document was wiped at the end of the visit");
        }
        return pdf.clone();
    }

    public String signer() {
        return signer;
    }

    public Instant signedAt() {
        return signedAt;
    }

    /** Lower-case hex SHA-256 of the PDF, as the backend recorded it. */
    public String sha256() {
        return sha256;
    }

    /** Overwrites the bytes; the document cannot be read afterwards. */
    public void wipe() {
        wiped = true;
        Arrays.fill(pdf, (byte) 0);
    }

    public boolean wiped() {
        return wiped;
    }

    @Override
    public String toString() {
        return "VerifiedDocument[" + pdf.length + " bytes, signed by " + signer + "]";
    }
}
