package org.bianmin.kiosk.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bianmin.kiosk.document.TestSignatures.Authority;
import org.bianmin.kiosk.document.TestSignatures.Signer;
import org.bianmin.kiosk.document.UntrustedDocumentException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which PDFs the kiosk accepts: signed by a certificate its trust anchor vouches for, unchanged, and the one announced. */
class PdfSignatureVerifierTest {
    static Authority platform;
    static Signer signer;
    static byte[] signed;
    static PdfSignatureVerifier verifier;

    @BeforeAll
    static void signOne() {
        platform = Authority.create("Test Platform CA");
        signer = platform.issue("Test Document Signer");
        signed = TestSignatures.signedPdf(signer);
        verifier = new PdfSignatureVerifier(List.of(platform.certificate()));
    }

    static Reason refusal(byte[] pdf, String sha256) {
        return assertThrows(UntrustedDocumentException.class, () -> verifier.verify(pdf, sha256)).reason();
    }

    static Reason refusal(byte[] pdf) {
        return refusal(pdf, PdfSignatureVerifier.sha256(pdf));
    }

    @Test
    void aDocumentSignedByACertificateTheAnchorIssuedIsAccepted() throws Exception {
        VerifiedDocument d = verifier.verify(signed, PdfSignatureVerifier.sha256(signed));
        assertArrayEquals(signed, d.pdf());
        assertEquals(PdfSignatureVerifier.sha256(signed), d.sha256());
        assertEquals("测试签发机构", d.signer());
        assertTrue(Duration.between(d.signedAt(), Instant.now()).abs().toMinutes() < 10, d.signedAt().toString());
    }

    @Test
    void aSelfSignedPlatformCertificateThatIsItselfTheAnchorIsAccepted() throws Exception {
        Signer backendLike = TestSignatures.selfSigned("便民政务服务平台（示例） 文件签名（演示）");
        byte[] pdf = TestSignatures.signedPdf(backendLike);
        VerifiedDocument d = new PdfSignatureVerifier(List.of(backendLike.certificate())).verify(pdf, PdfSignatureVerifier.sha256(pdf));
        assertEquals(PdfSignatureVerifier.sha256(pdf), d.sha256());
    }

    @Test
    void theAnnouncedHashIsComparedWithoutRegardToCase() throws Exception {
        verifier.verify(signed, PdfSignatureVerifier.sha256(signed).toUpperCase());
    }

    @Test
    void anUnsignedDocumentIsUnsigned() {
        assertEquals(Reason.UNSIGNED, refusal(TestSignatures.unsignedPdf(1)));
    }

    @Test
    void oneByteChangedInsideTheSignedRangeIsAltered() {
        byte[] changed = signed.clone();
        int at = indexOf(changed, TestSignatures.MARKER.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "the marker is stored uncompressed");
        changed[at] = 'X';
        assertEquals(Reason.ALTERED, refusal(changed));
        assertEquals(Reason.ALTERED, refusal(changed, PdfSignatureVerifier.sha256(signed)), "the signature is checked before the hash");
    }

    @Test
    void bytesAppendedAfterTheSignatureAreAltered() {
        byte[] updated = TestSignatures.withIncrementalUpdate(signed);
        assertTrue(updated.length > signed.length && Arrays.equals(signed, Arrays.copyOf(updated, signed.length)),
                "an incremental update keeps the signed bytes and appends");
        UntrustedDocumentException e = assertThrows(UntrustedDocumentException.class,
                () -> verifier.verify(updated, PdfSignatureVerifier.sha256(updated)));
        assertEquals(Reason.ALTERED, e.reason());
        assertTrue(e.getMessage().contains("added after"), e.getMessage());
    }

    @Test
    void aDocumentSignedByAnotherKeyIsAnUntrustedSigner() {
        Signer stranger = Authority.create("Another CA").issue("Someone Else");
        assertEquals(Reason.UNTRUSTED_SIGNER, refusal(TestSignatures.signedPdf(stranger)));
        assertEquals(Reason.UNTRUSTED_SIGNER, refusal(TestSignatures.signedPdf(TestSignatures.selfSigned("Self Made"))));
    }

    @Test
    void aCertificateThatHadExpiredWhenItSignedIsAnUntrustedSigner() {
        Instant now = Instant.now();
        Signer expired = platform.issue("Expired Signer", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
        UntrustedDocumentException e = assertThrows(UntrustedDocumentException.class,
                () -> verifier.verify(TestSignatures.signedPdf(expired), null));
        assertEquals(Reason.UNTRUSTED_SIGNER, e.reason());
        assertTrue(e.getMessage().contains("not valid when the document was signed"), e.getMessage());
    }

    @Test
    void aValidlySignedDocumentThatIsNotTheAnnouncedOneIsRefused() {
        byte[] other = TestSignatures.signedPdf(signer);
        assertEquals(Reason.NOT_THE_ANNOUNCED_DOCUMENT, refusal(other, PdfSignatureVerifier.sha256(signed)));
        assertEquals(Reason.NOT_THE_ANNOUNCED_DOCUMENT, refusal(signed, null));
    }

    @Test
    void garbageIsUnreadable() {
        assertEquals(Reason.UNREADABLE, refusal("this is not a PDF at all".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Reason.UNREADABLE, refusal(new byte[0]));
        assertEquals(Reason.UNREADABLE, refusal(Arrays.copyOf(signed, 40)));
    }

    @Test
    void aVerifierNeedsAtLeastOneAnchor() {
        assertThrows(IllegalArgumentException.class, () -> new PdfSignatureVerifier(List.of()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
