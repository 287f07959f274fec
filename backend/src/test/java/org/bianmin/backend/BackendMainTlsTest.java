package org.bianmin.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.backend.tls.ClientTrust;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kiosk backend --tls-cert FILE --tls-key FILE}: HTTPS on the one port, or exit 2 with one line naming the file. */
class BackendMainTlsTest extends BackendMainLaunches {
    @TempDir
    Path dir;
    TestCertificates.PemFiles pem;

    @BeforeEach
    void certificates() {
        pem = TestCertificates.write(dir);
    }

    void assertRefusedInOneLine(BackendMain.Launch launch, String message) {
        assertEquals(2, launch.exitCode(), err());
        assertNull(launch.app());
        assertEquals("kiosk backend: " + message, err().strip());
    }

    @Test
    void withACertificateAndItsKeyItServesHttpsAndSaysWhichCertificate() throws Exception {
        BackendMain.Launch launch = launch("--port", "0", "--data", dir.resolve("data").toString(),
                "--tls-cert", pem.certificate().toString(), "--tls-key", pem.key().toString());
        assertNotNull(launch.app(), err());
        try (BackendApp app = launch.app()) {
            assertTrue(out().contains("Backend listening on https://localhost:" + app.port() + "  "), out());
            assertTrue(out().contains("TLS certificate: CN=localhost,O=Bianmin Kiosk tests, issued by CN=Bianmin Test CA,"
                    + "O=Bianmin Kiosk tests, valid until "), out());
            assertEquals("https", app.baseUrl().getScheme());
            HttpClient client = HttpClient.newBuilder().sslContext(ClientTrust.of(pem.ca(), "--ca").sslContext()).build();
            HttpResponse<String> contract = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + app.port() + "/openapi.yaml")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, contract.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, contract.version());
        }
    }

    @Test
    void aCertificateWithoutItsKeyOrAKeyWithoutItsCertificateIsAUsageError() {
        assertRefusedInOneLine(launch("--port", "0", "--data", dir.toString(), "--tls-cert", pem.certificate().toString()),
                "--tls-cert without --tls-key; HTTPS needs both the certificate chain and its private key (or neither, for plain HTTP)");
        err.reset();
        assertRefusedInOneLine(launch("--port", "0", "--data", dir.toString(), "--tls-key", pem.key().toString()),
                "--tls-key without --tls-cert; HTTPS needs both the certificate chain and its private key (or neither, for plain HTTP)");
    }

    @Test
    void aKeyThatIsNotTheCertificatesExitsWithTwoNamingTheKeyFile() throws IOException {
        TestCertificates.PemFiles other = TestCertificates.write(Files.createDirectory(dir.resolve("other")));
        assertRefusedInOneLine(launch("--port", "0", "--data", dir.toString(),
                        "--tls-cert", pem.certificate().toString(), "--tls-key", other.key().toString()),
                "--tls-key " + other.key() + ": this key does not belong to the certificate CN=localhost,O=Bianmin Kiosk tests in "
                        + pem.certificate() + "; pass the key that was made with this certificate's request");
    }

    @Test
    void aMissingCertificateFileExitsWithTwoNamingIt() {
        Path missing = dir.resolve("fullchain.pem");
        assertRefusedInOneLine(launch("--port", "0", "--data", dir.toString(), "--tls-cert", missing.toString(),
                        "--tls-key", pem.key().toString()),
                "--tls-cert " + missing + ": no such file; pass --tls-cert with the server's certificate chain in PEM, its own "
                        + "certificate first");
    }
}
