package org.bianmin.backend.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import org.bianmin.backend.TestCertificates;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the served certificate and key from PEM: the forms OpenSSL writes, and one line for each way they go wrong. */
class TlsIdentityTest {
    static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    final TestCertificates ca = TestCertificates.newCa("Bianmin Test CA");

    TestCertificates.Server server() {
        return ca.issue(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), "localhost", "127.0.0.1");
    }

    TlsFileException refused(Path certificate, Path key) {
        TlsFileException e = assertThrows(TlsFileException.class, () -> TlsIdentity.load(certificate, key, NOW));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void aChainAndItsPkcs8KeyAreReadAndDescribedBySubjectIssuerAndExpiry() throws IOException, KeyStoreException {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        TestCertificates.Server server = server();
        server.write(cert, key);
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));

        TlsIdentity tls = TlsIdentity.load(cert, key, NOW);
        assertEquals(server.certificate(), tls.certificate());
        assertTrue(tls.describe().startsWith("CN=localhost,O=Bianmin Kiosk tests, issued by CN=Bianmin Test CA,O=Bianmin Kiosk tests, "
                + "valid until "), tls.describe());
        assertTrue(tls.keyStore("p".toCharArray()).isKeyEntry("server"));
        assertFalse(tls.toString().contains("PRIVATE"), tls.toString());
    }

    @Test
    void theOlderEcAndRsaKeyFormatsAreReadToo() throws IOException, NoSuchAlgorithmException {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        TestCertificates.Server ec = server();
        ec.write(cert, key);
        TestCertificates.writeTraditionalKey(key, ec.keys().getPrivate());
        assertTrue(Files.readString(key).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        assertEquals(ec.certificate(), TlsIdentity.load(cert, key, NOW).certificate());

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        TestCertificates.Server withRsa = ca.issue(rsa.generateKeyPair(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)),
                "localhost");
        withRsa.write(cert, key);
        TestCertificates.writeTraditionalKey(key, withRsa.keys().getPrivate());
        assertTrue(Files.readString(key).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals(withRsa.certificate(), TlsIdentity.load(cert, key, NOW).certificate());
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedNamingBothFiles() {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        server().write(cert, key);
        TestCertificates.writePkcs8Key(key, TestCertificates.ecKeys().getPrivate());
        assertEquals("--tls-key " + key + ": this key does not belong to the certificate CN=localhost,O=Bianmin Kiosk tests in "
                + cert + "; pass the key that was made with this certificate's request", refused(cert, key).getMessage());
    }

    @Test
    void aChainWithTheCaFirstIsToldToPutTheServersOwnCertificateFirst() {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        TestCertificates.Server server = server();
        server.write(cert, key);
        TestCertificates.writePem(cert, ca.certificate(), server.certificate());
        assertTrue(refused(cert, key).getMessage().endsWith("it belongs to a later certificate of the chain: put the server's own "
                + "certificate first"));
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsExpiryAndOneNotYetValidWithAWordOnTheClock() {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        ca.issue(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z"), "localhost").write(cert, key);
        assertEquals("--tls-cert " + cert + ": the certificate CN=localhost,O=Bianmin Kiosk tests expired on 2025-12-31 00:00 UTC; "
                + "get a renewed one from your CA and pass it", refused(cert, key).getMessage());

        ca.issue(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(90)), "localhost").write(cert, key);
        assertTrue(refused(cert, key).getMessage().endsWith("; check this machine's clock"));
    }

    @Test
    void anEncryptedKeyIsRefusedWithHowToWriteItUnencrypted() throws IOException, OperatorCreationException {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        TestCertificates.Server server = server();
        server.write(cert, key);
        TestCertificates.writePem(key, new JcaPKCS8Generator(server.keys().getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build()).generate());
        String message = refused(cert, key).getMessage();
        assertTrue(message.startsWith("--tls-key " + key + ": the key is encrypted with a passphrase, which a server cannot type; "
                + "write it unencrypted (openssl pkey -in " + key), message);
    }

    @Test
    void swappedFilesMissingFilesAndFilesThatAreNotPemEachSaySo() throws IOException, CertificateEncodingException {
        Path cert = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        TestCertificates.Server server = server();
        server.write(cert, key);
        assertTrue(refused(key, cert).getMessage().endsWith("no certificate in it (-----BEGIN CERTIFICATE-----) but a private key: "
                + "did you swap --tls-cert and --tls-key?"));

        Path missing = dir.resolve("missing.pem");
        assertEquals("--tls-key " + missing + ": no such file; pass --tls-key with the certificate's private key in PEM "
                + "(-----BEGIN PRIVATE KEY-----)", refused(cert, missing).getMessage());

        Path der = Files.write(dir.resolve("server.der"), server.certificate().getEncoded());
        assertTrue(refused(der, key).getMessage().startsWith("--tls-cert " + der + ": binary DER, not PEM; convert it"));

        Path damaged = Files.writeString(dir.resolve("damaged.pem"), "-----BEGIN CERTIFICATE-----\nMIIB!!not base64\n-----END CERTIFICATE-----\n");
        assertTrue(refused(damaged, key).getMessage().startsWith("--tls-cert " + damaged + ": not a readable PEM file ("));

        Path text = Files.writeString(dir.resolve("notes.txt"), "the certificate comes next week\n");
        assertEquals("--tls-cert " + text + ": no certificate in it (-----BEGIN CERTIFICATE-----); pass --tls-cert with the "
                + "server's certificate chain in PEM, its own certificate first", refused(text, key).getMessage());
    }
}
