package org.bianmin.kiosk.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A test certificate authority and PDFs signed the way the backend signs them (adbe.pkcs7.detached,
 * SHA-256, incremental save), built here with BouncyCastle and PDFBox: kiosk tests use no backend code.
 */
final class TestSignatures {
    /** The text in every test PDF's info dictionary, stored uncompressed so a test can change one byte of it. */
    static final String MARKER = "BIANMIN-SIGNED-MARKER";

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestSignatures() {}

    /** A key and its certificate, plus the certificates above it. */
    record Signer(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {}

    /** A root CA that issues signing certificates. */
    record Authority(KeyPair keys, X509Certificate certificate) {
        static Authority create(String name) {
            KeyPair keys = rsa();
            X500Name dn = new X500Name("CN=" + name + ", O=Bianmin Test, C=CN");
            Instant now = Instant.now();
            return new Authority(keys, TestSignatures.certificate(dn, keys.getPublic(), dn, keys.getPrivate(), true,
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650))));
        }

        Signer issue(String name, Instant notBefore, Instant notAfter) {
            KeyPair pair = rsa();
            X509Certificate cert = TestSignatures.certificate(new X500Name("CN=" + name + ", O=Bianmin Test, C=CN"), pair.getPublic(),
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), keys.getPrivate(), false, notBefore, notAfter);
            return new Signer(pair.getPrivate(), cert, List.of(certificate));
        }

        Signer issue(String name) {
            Instant now = Instant.now();
            return issue(name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        }
    }

    /** A self-signed signing certificate, as the reference backend makes for itself. */
    static Signer selfSigned(String name) {
        KeyPair pair = rsa();
        X500Name dn = new X500Name("CN=" + name + ", O=Bianmin Test, C=CN");
        Instant now = Instant.now();
        X509Certificate cert = certificate(dn, pair.getPublic(), dn, pair.getPrivate(), false, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));
        return new Signer(pair.getPrivate(), cert, List.of());
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey, boolean ca,
                                       Instant notBefore, Instant notAfter) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, key);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("test certificate: " + e.getMessage(), e);
        }
    }

    /** An unsigned A4 PDF of {@code pages} pages with {@link #MARKER} as its title, objects uncompressed. */
    static byte[] unsignedPdf(int pages) {
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(MARKER);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.addRect(72, 72 + i * 10, 200, 100);
                    c.fill();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] signedPdf(Signer signer) {
        return sign(unsignedPdf(1), signer);
    }

    /** Signs as the backend's PdfSigner does: detached CMS over the byte range, appended as an incremental update. */
    static byte[] sign(byte[] pdf, Signer signer) {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("测试签发机构");
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            doc.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator g = new CMSSignedDataGenerator();
                    g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.key()), signer.certificate()));
                    List<X509Certificate> certs = new ArrayList<>(signer.chain());
                    certs.add(0, signer.certificate());
                    g.addCertificates(new JcaCertStore(certs));
                    return g.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new IOException("test CMS signature: " + e.getMessage(), e);
                }
            }, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A later incremental update of a signed PDF: the title changed, the signature left as it was. */
    static byte[] withIncrementalUpdate(byte[] signed) {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            doc.getDocumentInformation().setTitle("changed after signing");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
