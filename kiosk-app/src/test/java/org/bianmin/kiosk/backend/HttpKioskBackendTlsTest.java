package org.bianmin.kiosk.backend;

import static org.bianmin.kiosk.backend.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.bianmin.kiosk.backend.ScriptedServer.Reply;
import org.bianmin.kiosk.fleet.FleetServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The client over real TLS to a backend whose certificate a private CA issued, as on a government extranet: it reaches
 * the backend when it trusts that CA, and otherwise fails as unreachable with the reason and the fix in plain words.
 */
class HttpKioskBackendTlsTest {
    static final String KIOSK = HttpKioskBackendNetworkTest.KIOSK;
    static final String NOT_TRUSTED = "is not signed by a CA this kiosk trusts; add the CA's certificate to backend.caCertificates";
    static final TestCa EXTRANET = TestCa.create("Extranet Test CA");
    static final TestCa OTHER = TestCa.create("Some Other CA");

    @TempDir
    Path dir;
    ScriptedServer server;
    HttpKioskBackend client;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientThatTrustsTheBackendsCaReachesItOverHttps() throws Exception {
        serve(EXTRANET.serverTls("127.0.0.1", "localhost"));
        HttpKioskBackend c = client(server.uri(), List.of(EXTRANET.certificate()), RetryPolicy.none());

        List<ServiceInfo> services = c.services().join();

        assertEquals("si-participation-certificate", services.getFirst().code());
        assertTrue(c.online());
        assertEquals(Optional.empty(), c.desired(Optional.empty(), Duration.ZERO), "204: no change");
        assertEquals(Optional.empty(), c.certificateRefused());
    }

    @Test
    void theHostNameInTheUrlMayBeAnyTheCertificateNames() {
        serve(EXTRANET.serverTls("localhost"));
        HttpKioskBackend c = client(server.uri("localhost"), List.of(EXTRANET.certificate()), RetryPolicy.none());

        assertEquals(1, c.services().join().size());
    }

    @Test
    void theCaReadFromItsPemFileIsTrusted() throws IOException {
        serve(EXTRANET.serverTls("127.0.0.1"));
        Path pem = EXTRANET.writePem(dir.resolve("certs/extranet-ca.pem"));
        HttpKioskBackend c = client(server.uri(), BackendTrust.readPemFiles(List.of(pem)), RetryPolicy.none());

        assertEquals(1, c.services().join().size());
    }

    @Test
    void withoutTheCaTheJavaRuntimesCasRefuseTheCertificateAndSaySoInPlainWords() {
        serve(EXTRANET.serverTls("127.0.0.1"));
        HttpKioskBackend c = client(server.uri(), List.of(), RetryPolicy.DEFAULT);

        BackendException e = failure(Kind.UNREACHABLE, c.services());

        assertEquals("listServices: no secure connection to " + server.uri() + ": the backend's certificate (issued by "
                + "CN=Extranet Test CA) " + NOT_TRUSTED, e.getMessage());
        assertFalse(c.online());
        assertEquals(Optional.of("the backend's certificate (issued by CN=Extranet Test CA) " + NOT_TRUSTED), c.certificateRefused());
    }

    @Test
    void aClientTrustingOnlyAnotherCaRefusesTheCertificateAndIsNotTriedAgain() {
        serve(EXTRANET.serverTls("127.0.0.1"));
        HttpKioskBackend c = client(server.uri(), List.of(OTHER.certificate()), RetryPolicy.DEFAULT);

        BackendException e = failure(Kind.UNREACHABLE, c.services());

        assertTrue(e.getMessage().endsWith(NOT_TRUSTED), e.getMessage());
        assertEquals(List.of(), waits, "a refused certificate stays refused: no backoff, no second try");
        assertEquals(List.of(), server.requests("GET", KIOSK + "/services"), "no request crossed the refused connection");
    }

    @Test
    void aCertificateForAnotherHostNameIsRefusedNamingTheHostsItIsFor() {
        serve(EXTRANET.serverTls("zwfw.example.gov.cn", "10.1.2.3"));
        HttpKioskBackend c = client(server.uri(), List.of(EXTRANET.certificate()), RetryPolicy.none());

        BackendException e = failure(Kind.UNREACHABLE, c.services());

        assertEquals("listServices: no secure connection to " + server.uri() + ": the backend's certificate is for "
                + "zwfw.example.gov.cn, 10.1.2.3, not for 127.0.0.1; write one of its names in backend.url, or have the backend's "
                + "operator get a certificate for 127.0.0.1", e.getMessage());
    }

    @Test
    void anExpiredCertificateIsRefusedSayingWhenItWasValid() {
        serve(EXTRANET.expiredServerTls("127.0.0.1"));
        HttpKioskBackend c = client(server.uri(), List.of(EXTRANET.certificate()), RetryPolicy.none());

        BackendException e = failure(Kind.UNREACHABLE, c.services());

        assertTrue(e.getMessage().contains(": the backend's certificate has expired (valid from "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; have the backend's operator renew it, or set this kiosk's clock right"), e.getMessage());
    }

    @Test
    void theFleetServiceCallsReportTheSameReason() {
        serve(EXTRANET.serverTls("127.0.0.1"));
        HttpKioskBackend c = client(server.uri(), List.of(OTHER.certificate()), RetryPolicy.none());

        FleetServiceException e = assertThrows(FleetServiceException.class, () -> c.desired(Optional.empty(), Duration.ZERO));

        assertEquals(FleetServiceException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().startsWith("getDesiredConfig: no secure connection to "), e.getMessage());
        assertTrue(e.getMessage().endsWith(NOT_TRUSTED), e.getMessage());
        assertFalse(c.probe().join(), "the probe the health checks use fails the same way");
    }

    @Test
    void theReasonIsLoggedOnceAsOneLineWithoutAStackTrace() {
        serve(EXTRANET.serverTls("127.0.0.1"));
        Logger logger = (Logger) LoggerFactory.getLogger(HttpKioskBackend.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            HttpKioskBackend c = client(server.uri(), List.of(OTHER.certificate()), RetryPolicy.none());
            for (int i = 0; i < 3; i++) {
                failure(Kind.UNREACHABLE, c.services());
                c.probe().join();
            }
        } finally {
            logger.detachAppender(events);
        }

        List<ILoggingEvent> said = events.list.stream().filter(ev -> ev.getFormattedMessage().contains("CA this kiosk trusts")).toList();
        assertEquals(1, said.size(), () -> events.list.toString());
        assertEquals("no secure connection to the backend " + server.uri() + ": the backend's certificate (issued by CN=Extranet Test CA) "
                + NOT_TRUSTED + "; the kiosk works offline until this is put right", said.getFirst().getFormattedMessage());
        assertNull(said.getFirst().getThrowableProxy());
    }

    @Test
    void anHttpsUrlToABackendThatAnswersInPlainHttpSaysToCheckTheScheme() throws Exception {
        // what a plain-HTTP web server does with a TLS hello: answers 400 in clear text and hangs up
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = plain.accept()) {
                    s.getInputStream().read(new byte[512]);
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the client went away first: nothing to answer
                }
            });
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort());
            HttpKioskBackend c = client(https, List.of(EXTRANET.certificate()), RetryPolicy.none());

            BackendException e = failure(Kind.UNREACHABLE, c.services());

            assertTrue(e.getMessage().startsWith("listServices: no secure connection to " + https + " ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("); check that the backend serves https at that address"), e.getMessage());
            assertEquals(Optional.empty(), c.certificateRefused());
        }
    }

    @Test
    void aCaFileThatIsMissingOrNotPemIsRefusedNamingTheFile() throws IOException {
        Path missing = dir.resolve("absent.pem");
        Path text = Files.writeString(dir.resolve("notes.pem"), "not a certificate\n");

        IOException absent = assertThrows(IOException.class, () -> BackendTrust.readPemFiles(List.of(missing)));
        IOException notPem = assertThrows(IOException.class, () -> BackendTrust.readPemFiles(List.of(text)));

        assertTrue(absent.getMessage().startsWith(missing + " does not exist; "), absent.getMessage());
        assertTrue(notPem.getMessage().startsWith(text + " "), notPem.getMessage());
        assertTrue(notPem.getMessage().contains("-----BEGIN CERTIFICATE-----"), notPem.getMessage());
    }

    private void serve(SSLContext tls) {
        try {
            server = ScriptedServer.https(tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.on("GET", KIOSK + "/services", Reply.json(200, HttpKioskBackendNetworkTest.SERVICES));
        server.on("GET", KIOSK + "/config/desired", Reply.json(204, ""));
        server.on("GET", "/openapi.yaml", new Reply(200, "application/yaml", "openapi: 3.1.0\n", Map.of()));
    }

    private HttpKioskBackend client(URI base, List<X509Certificate> cas, RetryPolicy retry) {
        client = HttpKioskBackend.builder().baseUri(base).kioskId("k-01").kioskToken("secret-token-1")
                .outboxDirectory(dir.resolve("outbox")).connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10))
                .retryPolicy(retry).sleeper(waits::add).caCertificates(cas).build();
        return client;
    }
}
