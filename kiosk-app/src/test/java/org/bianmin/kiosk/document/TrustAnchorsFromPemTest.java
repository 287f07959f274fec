package org.bianmin.kiosk.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.bianmin.kiosk.document.TestSignatures.Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust anchors come from PEM files; a missing or garbled file is named with what to do. */
class TrustAnchorsFromPemTest {
    @TempDir
    Path dir;

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void aPemCertificateBecomesTheAnchorThatDocumentsAreCheckedAgainst() throws Exception {
        Signer platform = TestSignatures.selfSigned("Platform");
        Path file = dir.resolve("signing-certificate.pem");
        Files.writeString(file, pem(platform.certificate().getEncoded()));
        PdfSignatureVerifier v = PdfSignatureVerifier.fromPemFiles(List.of(file));
        assertEquals(List.of(platform.certificate()), v.anchors());
        byte[] pdf = TestSignatures.signedPdf(platform);
        v.verify(pdf, PdfSignatureVerifier.sha256(pdf));
    }

    @Test
    void aMissingFileIsNamedWithWhereToGetIt() {
        Path missing = dir.resolve("nowhere.pem");
        TrustAnchorException e = assertThrows(TrustAnchorException.class, () -> PdfSignatureVerifier.fromPemFiles(List.of(missing)));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("signing-certificate.pem"), e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
    }

    @Test
    void aGarbledFileIsNamedAndSaysWhatAPemLooksLike() throws Exception {
        Path garbled = dir.resolve("garbled.pem");
        Files.writeString(garbled, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        TrustAnchorException e = assertThrows(TrustAnchorException.class, () -> PdfSignatureVerifier.fromPemFiles(List.of(garbled)));
        assertTrue(e.getMessage().contains(garbled.toString()) && e.getMessage().contains("BEGIN CERTIFICATE"), e.getMessage());
    }

    @Test
    void anEmptyListSaysNoAnchorIsConfigured() {
        TrustAnchorException e = assertThrows(TrustAnchorException.class, () -> PdfSignatureVerifier.fromPemFiles(List.of()));
        assertTrue(e.getMessage().contains("no trust anchor"), e.getMessage());
    }
}
