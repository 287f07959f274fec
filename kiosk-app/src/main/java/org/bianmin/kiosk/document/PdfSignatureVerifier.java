package org.bianmin.kiosk.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bianmin.kiosk.document.UntrustedDocumentException.Reason;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a PDF's detached CMS signature (adbe.pkcs7.detached, as the backend signs) against the
 * kiosk's trust anchors with PDFBox and BouncyCastle: the signature must cover the whole file but
 * its own value, verify, come from a certificate that chains to an anchor and was valid when it
 * signed, and the bytes must be the ones the backend announced.
 */
public final class PdfSignatureVerifier implements DocumentVerifier {
    private static final Logger log = LoggerFactory.getLogger(PdfSignatureVerifier.class);
    private static final Set<String> DETACHED = Set.of(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName(), "ETSI.CAdES.detached");
    private static final Set<String> STRONG_DIGESTS = Set.of(NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(), NISTObjectIdentifiers.id_sha512.getId());

    private final List<X509Certificate> anchors;
    private final Set<TrustAnchor> trustAnchors = new HashSet<>();

    /** Trusts documents signed by one of {@code anchors} or by a certificate one of them issued. */
    public PdfSignatureVerifier(List<X509Certificate> anchors) {
        if (anchors == null || anchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor given; the kiosk needs the backend's signing certificate to check documents");
        }
        this.anchors = List.copyOf(anchors);
        for (X509Certificate a : this.anchors) {
            trustAnchors.add(new TrustAnchor(a, null));
        }
    }

    /**
     * Trust anchors from PEM files, e.g. the backend's {@code signing-certificate.pem}; a file may hold
     * several certificates.
     *
     * @throws TrustAnchorException naming the file that is missing, unreadable or not a certificate
     */
    public static PdfSignatureVerifier fromPemFiles(List<Path> files) throws TrustAnchorException {
        if (files == null || files.isEmpty()) {
            throw new TrustAnchorException("no trust anchor file is configured; copy the backend's signing-certificate.pem "
                    + "(the backend prints its path when it starts) to the kiosk and name it in the configuration");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            certificates.addAll(readPem(file));
        }
        return new PdfSignatureVerifier(certificates);
    }

    private static List<X509Certificate> readPem(Path file) throws TrustAnchorException {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (NoSuchFileException e) {
            throw new TrustAnchorException("trust anchor " + file + " does not exist; copy the backend's signing-certificate.pem there "
                    + "(the backend prints its path when it starts)", e);
        } catch (IOException e) {
            throw new TrustAnchorException("trust anchor " + file + " cannot be read (" + e.getMessage() + "); check its permissions", e);
        } catch (CertificateException e) {
            throw new TrustAnchorException("trust anchor " + file + " is not a PEM certificate (" + e.getMessage()
                    + "); it should begin with -----BEGIN CERTIFICATE-----: copy the backend's signing-certificate.pem again", e);
        }
        List<X509Certificate> x509 = read.stream().filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast).toList();
        if (x509.isEmpty()) {
            throw new TrustAnchorException("trust anchor " + file + " holds no certificate; it should begin with "
                    + "-----BEGIN CERTIFICATE-----: copy the backend's signing-certificate.pem again");
        }
        return x509;
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    @Override
    public VerifiedDocument verify(byte[] pdf, String expectedSha256) throws UntrustedDocumentException {
        if (pdf == null || pdf.length == 0) {
            throw new UntrustedDocumentException(Reason.UNREADABLE, "the document is empty");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = coveringSignature(document, pdf);
            byte[] signedContent = signature.getSignedContent(pdf);
            byte[] cms = signature.getContents(pdf);
            Signer signer = checkCms(signedContent, cms);
            Instant signedAt = signingTime(signer.info(), signature);
            checkTrust(signer.certificate(), signer.chain(), signedAt);
            String sha256 = sha256(pdf);
            if (expectedSha256 == null || !sha256.equalsIgnoreCase(expectedSha256.strip())) {
                throw new UntrustedDocumentException(Reason.NOT_THE_ANNOUNCED_DOCUMENT, "the document's SHA-256 is " + sha256
                        + " but the backend announced " + expectedSha256 + "; it is signed, but not the document that was issued");
            }
            String name = Optional.ofNullable(signature.getName()).filter(n -> !n.isBlank()).orElseGet(() -> commonName(signer.certificate()));
            log.info("document verified: {} bytes signed by {} at {}", pdf.length, name, signedAt);
            return new VerifiedDocument(pdf, name, signedAt, sha256);
        } catch (IOException e) {
            throw new UntrustedDocumentException(Reason.UNREADABLE, "the document is not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** The signature whose ByteRange runs from byte 0 to the end of the file, around exactly its own hex value. */
    private static PDSignature coveringSignature(PDDocument document, byte[] pdf) throws UntrustedDocumentException, IOException {
        List<PDSignature> signatures = document.getSignatureDictionaries();
        if (signatures.isEmpty()) {
            throw new UntrustedDocumentException(Reason.UNSIGNED, "the document carries no signature");
        }
        for (PDSignature s : signatures) {
            int[] r = s.getByteRange();
            if (r == null || r.length != 4 || r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0
                    || (long) r[2] + r[3] != pdf.length) {
                continue;
            }
            // the gap is the /Contents hex string <…> and nothing else
            if (pdf[r[1]] != '<' || pdf[r[2] - 1] != '>') {
                throw new UntrustedDocumentException(Reason.ALTERED, "the signature's byte range leaves out more than its own value");
            }
            String subFilter = s.getSubFilter();
            if (subFilter == null || !DETACHED.contains(subFilter)) {
                throw new UntrustedDocumentException(Reason.UNSIGNED, "the signature is of kind " + subFilter
                        + "; the kiosk checks only detached CMS signatures (adbe.pkcs7.detached)");
            }
            return s;
        }
        throw new UntrustedDocumentException(Reason.ALTERED, "no signature covers the whole file: bytes were added after the "
                + "last signature (" + signatures.size() + " found), so what follows it is not signed");
    }

    private record Signer(SignerInformation info, X509Certificate certificate, List<X509Certificate> chain) {}

    private static Signer checkCms(byte[] signedContent, byte[] cmsBytes) throws UntrustedDocumentException {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), contentInfo(cmsBytes));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new UntrustedDocumentException(Reason.ALTERED, "the signature has " + signers.size() + " signers; one is expected");
            }
            SignerInformation info = signers.iterator().next();
            if (!STRONG_DIGESTS.contains(info.getDigestAlgOID())) {
                throw new UntrustedDocumentException(Reason.UNTRUSTED_SIGNER, "the signature uses digest " + info.getDigestAlgOID()
                        + "; only SHA-256, SHA-384 or SHA-512 are accepted");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
            if (matches.isEmpty()) {
                throw new UntrustedDocumentException(Reason.UNTRUSTED_SIGNER, "the signature does not carry its signer's certificate");
            }
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            List<X509Certificate> chain = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
            for (X509CertificateHolder h : all) {
                chain.add(converter.getCertificate(h));
            }
            // by the public key: BouncyCastle would judge the certificate's validity itself; checkTrust does, with a clearer message
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))) {
                throw new UntrustedDocumentException(Reason.ALTERED, "the signature does not match the signed bytes: "
                        + "the document was changed after it was signed");
            }
            return new Signer(info, certificate, chain);
        } catch (CMSSignerDigestMismatchException e) {
            throw new UntrustedDocumentException(Reason.ALTERED, "the signed bytes' digest does not match the signature: "
                    + "the document was changed after it was signed", e);
        } catch (CMSException e) {
            throw new UntrustedDocumentException(Reason.ALTERED, "the signature value is damaged: " + e.getMessage(), e);
        } catch (CertificateException | OperatorCreationException e) {
            throw new UntrustedDocumentException(Reason.UNTRUSTED_SIGNER, "the signer's certificate cannot be used: " + e.getMessage(), e);
        }
    }

    /** The first DER object of /Contents: the signature reserves more room than it needs and the rest is zeros. */
    private static ContentInfo contentInfo(byte[] contents) throws UntrustedDocumentException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new UntrustedDocumentException(Reason.ALTERED, "the signature value is empty");
            }
            return ContentInfo.getInstance(object);
        } catch (IOException | IllegalArgumentException e) {
            throw new UntrustedDocumentException(Reason.ALTERED, "the signature value is damaged: " + e.getMessage(), e);
        }
    }

    /** The signed signingTime attribute, else the signature dictionary's /M. */
    private static Instant signingTime(SignerInformation info, PDSignature signature) throws UntrustedDocumentException {
        AttributeTable signed = info.getSignedAttributes();
        Attribute attribute = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (attribute != null && attribute.getAttrValues().size() > 0) {
            ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
            return Time.getInstance(value).getDate().toInstant();
        }
        if (signature.getSignDate() != null) {
            return signature.getSignDate().toInstant();
        }
        throw new UntrustedDocumentException(Reason.UNTRUSTED_SIGNER, "the signature does not say when it was made, "
                + "so its certificate's validity cannot be checked");
    }

    private void checkTrust(X509Certificate signer, List<X509Certificate> carried, Instant signedAt) throws UntrustedDocumentException {
        Date at = Date.from(signedAt);
        try {
            signer.checkValidity(at);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new UntrustedDocumentException(Reason.UNTRUSTED_SIGNER, "the signer's certificate (" + signer.getSubjectX500Principal()
                    + ") was not valid when the document was signed at " + signedAt + ": valid " + signer.getNotBefore().toInstant()
                    + " to " + signer.getNotAfter().toInstant(), e);
        }
        if (anchors.contains(signer)) {
            return;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trustAnchors, target);
            // kiosks on a government extranet cannot reach revocation services; anchors are provisioned per platform key
            params.setRevocationEnabled(false);
            params.setDate(at);
            List<Certificate> pool = new ArrayList<>(carried);
            pool.add(signer);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(params);
        } catch (CertPathBuilderException e) {
            throw new UntrustedDocumentException(Reason.UNTRUSTED_SIGNER, "the signer " + signer.getSubjectX500Principal()
                    + " is not vouched for by any of the kiosk's " + anchors.size() + " trust anchor(s): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new UntrustedDocumentException(Reason.UNTRUSTED_SIGNER, "the signer's certificate chain cannot be checked: " + e.getMessage(), e);
        }
    }

    private static String commonName(X509Certificate certificate) {
        RDN[] cn = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length > 0 ? IETFUtils.valueToString(cn[0].getFirst().getValue()) : certificate.getSubjectX500Principal().getName();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
