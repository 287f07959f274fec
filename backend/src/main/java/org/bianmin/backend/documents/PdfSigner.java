package org.bianmin.backend.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF with a detached CMS signature (adbe.pkcs7.detached, SHA-256) appended as an incremental
 * update, so the signed bytes are the unsigned document plus the signature.
 */
public final class PdfSigner {
    private final SigningKeys keys;

    public PdfSigner(SigningKeys keys) {
        this.keys = keys;
    }

    public byte[] sign(byte[] pdf, String signerName, String reason, ZonedDateTime signedAt) {
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(signerName);
            signature.setReason(reason);
            signature.setSignDate(GregorianCalendar.from(signedAt));
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            document.addSignature(signature, content -> cms(content.readAllBytes()), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 20_000);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new DocumentException("cannot sign the PDF: " + e.getMessage(), e);
        }
    }

    private byte[] cms(byte[] signedContent) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(keys.signatureAlgorithm()).build(keys.privateKey()), keys.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(keys.certificate())));
            return generator.generate(new CMSProcessableByteArray(signedContent), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("CMS signature failed: " + e.getMessage(), e);
        }
    }
}
