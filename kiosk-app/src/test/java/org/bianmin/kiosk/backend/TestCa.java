package org.bianmin.kiosk.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA for tests, as a government extranet runs one: it issues TLS server certificates for the names a test
 * chooses (host names and IP addresses), current or already expired, and writes its own certificate as PEM.
 */
public final class TestCa {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
    private static final char[] PASSWORD = "test".toCharArray();

    private final X500Name name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(X500Name name, KeyPair keys, X509Certificate certificate) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A self-signed CA named {@code CN=commonName}, valid from an hour ago for a year. */
    public static TestCa create(String commonName) {
        X500Name name = new X500Name("CN=" + commonName);
        KeyPair keys = ecKeys();
        Instant now = Instant.now();
        try {
            var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCa(name, keys, sign(builder, keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Writes this CA's certificate as a PEM file, as an operator would hand it to a technician. */
    public Path writePem(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(certificate);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server's TLS context with a current certificate this CA issued for {@code names}, e.g. 127.0.0.1 and localhost. */
    SSLContext serverTls(String... names) {
        Instant now = Instant.now();
        return serverTls(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), names);
    }

    /** A server's TLS context with a certificate for {@code names} that expired yesterday. */
    SSLContext expiredServerTls(String... names) {
        Instant now = Instant.now();
        return serverTls(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)), names);
    }

    private SSLContext serverTls(Instant from, Instant until, String... names) {
        Issued server = issue(from, until, names);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", server.keys().getPrivate(), PASSWORD, new Certificate[] {server.leaf(), certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers.getKeyManagers(), null, null);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a current server certificate this CA issued for {@code names} as {@code dir/server.pem} (leaf, then this
     * CA) and its key as {@code dir/server-key.pem} (PKCS#8), as {@code ./kiosk backend --tls-cert --tls-key} take them.
     */
    public void writeServerPem(Path dir, String... names) {
        Instant now = Instant.now();
        Issued server = issue(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), names);
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve("server.pem"), StandardCharsets.US_ASCII);
                 JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(server.leaf());
                pem.writeObject(certificate);
            }
            try (Writer out = Files.newBufferedWriter(dir.resolve("server-key.pem"), StandardCharsets.US_ASCII);
                 JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(new JcaPKCS8Generator(server.keys().getPrivate(), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Issued(KeyPair keys, X509Certificate leaf) {
    }

    private Issued issue(Instant from, Instant until, String... names) {
        KeyPair server = ecKeys();
        GeneralName[] alternatives = Arrays.stream(names)
                .map(n -> new GeneralName(n.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        try {
            var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from), Date.from(until),
                    new X500Name("CN=" + names[0]), server.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
            return new Issued(server, sign(builder, keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }
}
