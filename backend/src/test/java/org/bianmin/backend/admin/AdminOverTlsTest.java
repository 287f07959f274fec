package org.bianmin.backend.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.TestCertificates;
import org.bianmin.backend.tls.ClientTrust;
import org.bianmin.backend.tls.TlsIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kiosk admin} against a backend that serves HTTPS with a certificate from a private CA: with the CA it works;
 * without it, with another CA, by a name the certificate does not hold, or in the wrong scheme it fails in one plain line.
 */
class AdminOverTlsTest {
    static final Map<String, String> ENV = Map.of("KIOSK_ADMIN_TOKEN", "demo-admin-token");

    @TempDir
    static Path dir;
    static TestCertificates.PemFiles pem;
    static BackendApp app;

    @BeforeAll
    static void startOverTls() {
        pem = TestCertificates.write(dir);
        TlsIdentity tls = TlsIdentity.load(pem.certificate(), pem.key(), Instant.now());
        app = BackendApp.create(BackendConfig.of(0, dir.resolve("data")).withDemo(true).withTls(tls)).start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String https(String host) {
        return "https://" + host + ":" + app.port();
    }

    static AdminRun admin(String... args) {
        return AdminRun.of(args, ENV);
    }

    static void assertOneLine(AdminRun run) {
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("kiosk admin: "), run.err());
    }

    @Test
    void withTheCaTheFleetTableAndTheStatusComeOverHttps() {
        AdminRun kiosks = admin("kiosks", "--backend", https("127.0.0.1"), "--ca", pem.ca().toString());
        assertEquals(0, kiosks.code(), kiosks.err());
        assertTrue(kiosks.out().contains("demo-kiosk-01"), kiosks.out());
        AdminRun status = admin("status", "--backend", https("localhost"), "--ca", pem.ca().toString());
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("demo-kiosk-01"), status.out());
    }

    @Test
    void theCaFileCanComeFromKioskAdminCa() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("KIOSK_ADMIN_CA", pem.ca().toString());
        AdminRun run = AdminRun.of(new String[] {"kiosks", "--backend", https("127.0.0.1")}, env);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("demo-kiosk-01"), run.out());
    }

    @Test
    void withoutTheCaTheAdminIsToldTheCertificateIsNotSignedByATrustedCaAndToPassIt() {
        AdminRun run = admin("kiosks", "--backend", https("127.0.0.1"));
        assertEquals(BackendClient.FAILED, run.code(), run.err());
        assertTrue(run.err().contains("(CN=localhost,O=Bianmin Kiosk tests, issued by CN=Bianmin Test CA,O=Bianmin Kiosk tests)"
                + " is not signed by a CA this machine trusts; pass --ca FILE with your CA's certificate (or set KIOSK_ADMIN_CA)"),
                run.err());
        assertOneLine(run);
    }

    @Test
    void aCaFileWithAnotherCaIsRefusedTheSameWayAndNamed() {
        Path other = dir.resolve("other-ca.pem");
        TestCertificates.newCa("Another County CA").writeCertificate(other);
        AdminRun run = admin("status", "--backend", https("127.0.0.1"), "--ca", other.toString());
        assertEquals(BackendClient.FAILED, run.code(), run.err());
        assertTrue(run.err().contains("is not signed by a CA this machine trusts; pass --ca FILE with your CA's certificate: "
                + other + " does not hold the CA that signed it"), run.err());
        assertOneLine(run);
    }

    @Test
    void aHostTheCertificateDoesNotNameIsRefusedWithTheNamesItHolds() {
        // all of 127/8 reaches this machine, but the certificate names only localhost and 127.0.0.1
        AdminRun run = admin("kiosks", "--backend", https("127.0.0.2"), "--ca", pem.ca().toString());
        assertEquals(BackendClient.FAILED, run.code(), run.err());
        assertTrue(run.err().contains("names localhost, 127.0.0.1, not 127.0.0.2; use one of those names in --backend"), run.err());
        assertOneLine(run);
    }

    @Test
    void aPlainHttpRequestToTheTlsPortGetsNoHttpAnswerAndTheAdminIsToldToUseHttps() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/openapi.yaml"))
                .timeout(Duration.ofSeconds(30)).build();
        assertThrows(IOException.class, () -> plain.send(request, HttpResponse.BodyHandlers.ofString()));

        AdminRun run = admin("kiosks", "--backend", "http://127.0.0.1:" + app.port());
        assertEquals(BackendClient.FAILED, run.code(), run.err());
        assertTrue(run.err().contains("speaks HTTPS; use --backend " + https("127.0.0.1")), run.err());
        assertOneLine(run);
    }

    @Test
    void httpsToAPlainHttpBackendSaysItDoesNotSpeakHttps() {
        try (BackendApp plain = BackendApp.create(BackendConfig.of(0, dir.resolve("plain"))).start()) {
            AdminRun run = admin("kiosks", "--backend", "https://127.0.0.1:" + plain.port(), "--ca", pem.ca().toString());
            assertEquals(BackendClient.FAILED, run.code(), run.err());
            assertTrue(run.err().contains("does not speak HTTPS; use --backend http://127.0.0.1:" + plain.port()), run.err());
            assertOneLine(run);
        }
    }

    @Test
    void aMissingOrNonPemCaFileIsAUsageErrorThatNamesIt() throws IOException {
        Path missing = dir.resolve("no-such-ca.pem");
        AdminRun run = admin("kiosks", "--backend", https("127.0.0.1"), "--ca", missing.toString());
        assertEquals(AdminCli.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("--ca " + missing + ": no such file; pass --ca with your CA's certificate in PEM"), run.err());
        assertOneLine(run);

        Path notPem = Files.writeString(dir.resolve("ca.txt"), "our CA's certificate is on the USB stick\n");
        run = admin("kiosks", "--backend", https("127.0.0.1"), "--ca", notPem.toString());
        assertEquals(AdminCli.USAGE, run.code(), run.err());
        assertTrue(run.err().contains("--ca " + notPem + ": no certificate in it"), run.err());
        assertOneLine(run);
    }

    @Test
    void overHttpsTheConsolesCookiesAreSecure() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ClientTrust.of(pem.ca(), "--ca").sslContext()).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(https("localhost") + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.endsWith("; Secure"), cookie);
    }
}
