package org.bianmin.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kiosk backend}: what it prints when it starts, and the one-line errors for bad options. */
class BackendMainTest extends BackendMainLaunches {
    @TempDir
    Path data;

    @Test
    void withDemoItPrintsWhereItListensAndTheDemoCredentials() {
        BackendMain.Launch launch = launch("--port", "0", "--data", data.toString(), "--demo");
        assertNotNull(launch.app(), err());
        try (BackendApp app = launch.app()) {
            assertEquals(0, launch.exitCode());
            assertTrue(out().contains("http://localhost:" + app.port()), out());
            assertTrue(out().contains("demo-kiosk-01") && out().contains("demo-kiosk-token"), out());
            assertTrue(out().contains("Demo admin: demo-admin  admin token: demo-admin-token"), out());
            assertEquals(DemoKiosk.ADMIN, app.admins().authenticate("Bearer " + DemoKiosk.ADMIN_TOKEN));
        }
    }

    @Test
    void addAdminTokenPrintsANewTokenOnceThatTheBackendThenAccepts() {
        assertNull(launch("add-admin-token", "ops-li", "--data", data.toString()).app());
        Matcher line = Pattern.compile("(?m)^Admin token for ops-li \\(shown once; only its hash is kept\\): (\\S+)$").matcher(out());
        assertTrue(line.find(), out() + err());
        String token = line.group(1);
        try (BackendApp app = launch("--port", "0", "--data", data.toString()).app()) {
            assertEquals("ops-li", app.admins().authenticate("Bearer " + token));
        }
    }

    @Test
    void addAdminTokenRefusesATakenNameAndABadNameInOneLine() {
        launch("add-admin-token", "ops-li", "--data", data.toString());
        err.reset();
        assertEquals(1, launch("add-admin-token", "ops-li", "--data", data.toString()).exitCode());
        assertTrue(err().contains("admin ops-li already has a token; remove it first with ./kiosk backend remove-admin-token ops-li"),
                err());
        err.reset();
        assertEquals(2, launch("add-admin-token", "ops li", "--data", data.toString()).exitCode());
        assertTrue(err().contains("NAME must be 2 to 64"), err());
        assertEquals(1, err().lines().count(), err());
    }

    @Test
    void removeAdminTokenRevokesTheToken() {
        launch("add-admin-token", "ops-li", "--data", data.toString());
        assertEquals(0, launch("remove-admin-token", "ops-li", "--data", data.toString()).exitCode(), err());
        assertEquals(1, launch("remove-admin-token", "ops-li", "--data", data.toString()).exitCode());
        assertTrue(err().contains("no admin ops-li; the admins are: none"), err());
    }

    @Test
    void itPrintsWhereTheSigningCertificateIsAsPemForKiosksToTrust() throws Exception {
        BackendMain.Launch launch = launch("--port", "0", "--data", data.toString());
        assertNotNull(launch.app(), err());
        try (BackendApp app = launch.app()) {
            Matcher line = Pattern.compile("(?m)^Signing certificate \\(kiosk trust anchor\\): (.+)$").matcher(out());
            assertTrue(line.find(), out());
            Path pem = Path.of(line.group(1).strip());
            assertEquals(data.resolve(BackendApp.SIGNING_CERTIFICATE_FILE).toAbsolutePath(), pem);
            assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----\n"), Files.readString(pem));
            assertEquals(app.signingCertificate(), readCertificate(pem));
        }
    }

    @Test
    void theCertificateFileIsWrittenAgainAtEveryStartFromTheKeptKey() throws Exception {
        X509Certificate first;
        try (BackendApp app = launch("--port", "0", "--data", data.toString()).app()) {
            first = app.signingCertificate();
        }
        Path pem = data.resolve(BackendApp.SIGNING_CERTIFICATE_FILE);
        Files.writeString(pem, "overwritten by hand");
        try (BackendApp app = launch("--port", "0", "--data", data.toString()).app()) {
            assertEquals(first, app.signingCertificate(), "the key is kept across starts");
            assertEquals(first, readCertificate(pem));
        }
    }

    private static X509Certificate readCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Test
    void withoutDemoThereAreNoCredentialsAndNoneArePrinted() {
        BackendMain.Launch launch = launch("--port", "0", "--data", data.toString());
        try (BackendApp app = launch.app()) {
            assertFalse(out().contains("token"), out());
            assertTrue(app.store().kiosks().find(DemoKiosk.ID).isEmpty());
        }
    }

    @Test
    void anOutOfRangePortIsAUsageErrorThatNamesThePort() {
        BackendMain.Launch launch = launch("--port", "70000", "--data", data.toString());
        assertEquals(2, launch.exitCode());
        assertNull(launch.app());
        assertTrue(err().contains("port: 70000"), err());
    }

    @Test
    void anIdentifyBurstBelowOneIsAUsageErrorThatNamesTheOption() {
        BackendMain.Launch launch = launch("--port", "0", "--data", data.toString(), "--identify-burst", "0");
        assertEquals(2, launch.exitCode());
        assertNull(launch.app());
        assertTrue(err().contains("--identify-burst must be at least 1"), err());
    }

    @Test
    void aNonNumericPortIsAUsageError() {
        assertEquals(2, launch("--port", "eighty").exitCode());
        assertTrue(err().contains("--port"), err());
    }

    @Test
    void anUnsupportedDatabaseUrlIsRefusedWithTheSupportedForms() {
        BackendMain.Launch launch = launch("--port", "0", "--data", data.toString(), "--db", "jdbc:mysql://db/kiosk?password=secret");
        assertEquals(2, launch.exitCode());
        assertTrue(err().contains("jdbc:postgresql://"), err());
        assertFalse(err().contains("secret"), err());
    }

    @Test
    void anUnreachablePostgresqlFailsWithAMessageAndNoStackTrace() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        BackendMain.Launch launch = launch("--port", "0", "--data", data.toString(),
                "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/kiosk?user=kiosk&connectTimeout=2");
        assertEquals(1, launch.exitCode());
        assertTrue(err().contains("cannot connect to the database at jdbc:postgresql://127.0.0.1:" + closedPort), err());
        assertFalse(err().contains("\tat "), err());
    }

    @Test
    void aPortInUseFailsWithAMessageThatSaysSo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            BackendMain.Launch launch = launch("--port", String.valueOf(busy.getLocalPort()), "--data", data.toString());
            assertEquals(1, launch.exitCode());
            assertTrue(err().contains("cannot listen on port " + busy.getLocalPort()), err());
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, launch("--colour").exitCode());
        assertTrue(err().contains("--colour"), err());
    }
}
