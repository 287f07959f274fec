package org.bianmin.backend;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A private CA for tests, made fresh with BouncyCastle, and the server certificates it signs, written as the PEM files
 * a county's CA hands out: {@code ca.pem}, {@code server.pem} (the chain, leaf first) and {@code server-key.pem}.
 * Keys are EC P-256: quick to make.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificates(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** The three files of a usable set: a CA, and a server certificate for localhost and 127.0.0.1 valid for a year. */
    public record PemFiles(Path ca, Path certificate, Path key) {
    }

    /** A server's certificate and key as its CA issued them. */
    public record Server(X509Certificate certificate, KeyPair keys) {
        /** Writes the chain to {@code certificateFile} and the key as PKCS#8 ("BEGIN PRIVATE KEY") to {@code keyFile}. */
        public void write(Path certificateFile, Path keyFile) {
            writePem(certificateFile, certificate);
            writePkcs8Key(keyFile, keys.getPrivate());
        }
    }

    /** A new CA and a server certificate for {@code localhost} and {@code 127.0.0.1} it signed, as PEM files in {@code dir}. */
    public static PemFiles write(Path dir) {
        TestCertificates ca = newCa("Bianmin Test CA");
        PemFiles files = new PemFiles(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server-key.pem"));
        ca.writeCertificate(files.ca());
        ca.issue(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), "localhost", "127.0.0.1")
                .write(files.certificate(), files.key());
        return files;
    }

    /** A new self-signed CA named {@code commonName}, valid from a day ago for ten years. */
    public static TestCertificates newCa(String commonName) {
        KeyPair keys = ecKeys();
        X500Principal name = new X500Principal("CN=" + commonName + ",O=Bianmin Kiosk tests");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestCertificates(keys, sign(builder, keys.getPrivate()));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Writes this CA's certificate as PEM to {@code file}. */
    public void writeCertificate(Path file) {
        writePem(file, certificate);
    }

    /** A server certificate for {@code names} (host names or IP addresses), valid from {@code notBefore} to {@code notAfter}. */
    public Server issue(Instant notBefore, Instant notAfter, String... names) {
        return issue(ecKeys(), notBefore, notAfter, names);
    }

    /** As {@link #issue(Instant, Instant, String...)}, for the server's own {@code serverKeys} (RSA, say). */
    public Server issue(KeyPair serverKeys, Instant notBefore, Instant notAfter, String... names) {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate.getSubjectX500Principal(),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Principal("CN=" + names[0] + ",O=Bianmin Kiosk tests"), serverKeys.getPublic());
        GeneralName[] alternatives = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            alternatives[i] = new GeneralName(isIpAddress(names[i]) ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
        }
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Server(sign(builder, keys.getPrivate()), serverKeys);
    }

    /** Writes {@code key} as PKCS#8: "BEGIN PRIVATE KEY". */
    public static void writePkcs8Key(Path file, PrivateKey key) {
        try {
            writePem(file, new JcaPKCS8Generator(key, null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code key} in the older form OpenSSL still makes: "BEGIN EC PRIVATE KEY" or "BEGIN RSA PRIVATE KEY". */
    public static void writeTraditionalKey(Path file, PrivateKey key) {
        if (!"EC".equals(key.getAlgorithm())) {
            writePem(file, key);
            return;
        }
        // RFC 5915 as OpenSSL writes it: the curve inside the key; the JDK's PKCS#8 keeps it only outside
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.getPrivateKey().getOctets());
        ECPrivateKey withCurve = new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
        try {
            writePem(file, new PemObject("EC PRIVATE KEY", withCurve.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh EC P-256 key pair. */
    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK makes P-256 keys", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle signs a certificate with a P-256 key", e);
        }
    }

    private static boolean isIpAddress(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    /** Writes {@code objects} (certificates, keys, PEM objects) to {@code file}, one PEM block each, in order. */
    public static void writePem(Path file, Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                pem.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
