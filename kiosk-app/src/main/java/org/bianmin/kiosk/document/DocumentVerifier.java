package org.bianmin.kiosk.document;

/** Checks a PDF's signature against the kiosk's trust anchors before anything is shown or printed. */
public interface DocumentVerifier {

    /**
     * @param expectedSha256 the hash the backend announced for this document (lower-case hex)
     * @throws UntrustedDocumentException when the PDF is unsigned, altered after signing, signed by a
     *     certificate no trust anchor vouches for, or not the document announced
     */
    VerifiedDocument verify(byte[] pdf, String expectedSha256) throws UntrustedDocumentException;
}
