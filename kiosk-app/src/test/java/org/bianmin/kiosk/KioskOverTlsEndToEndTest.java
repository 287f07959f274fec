package org.bianmin.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.backend.TestCa;
import org.bianmin.kiosk.fleet.Provisioning;
import org.bianmin.kiosk.visit.ServiceTile;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk follows its fleet over HTTPS, end to end: the reference backend serves TLS with a certificate from a county's
 * private CA, the kiosk trusts that CA through backend.caCertificates, and a push reaches it over the encrypted
 * long-poll, is applied, and is reported back.
 */
class KioskOverTlsEndToEndTest {
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestCa ca;
    static BackendProcess backend;
    static KioskApp kiosk;
    static HttpClient admin;

    @BeforeAll
    static void backendAndKioskOverTls() throws Exception {
        ca = TestCa.create("示范县政务外网 CA (test)");
        Path tls = dir.resolve("tls");
        ca.writeServerPem(tls, "localhost", "127.0.0.1");
        Path caPem = ca.writePem(tls.resolve("ca.pem"));
        backend = BackendProcess.start(dir.resolve("backend"), List.of("--tls-cert", tls.resolve("server.pem").toString(),
                "--tls-key", tls.resolve("server-key.pem").toString()));
        Path demo = KioskEndToEndTest.projectFile("config/kiosk-demo.yaml");
        Provisioning provisioning = Provisioning.of(KioskConfigLoader.overDefaults().file(demo)
                .set("backend.url", backend.baseUri().toString())
                .set("backend.caCertificates", List.of(caPem.toString()))
                .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed").toAbsolutePath())
                .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString()))
                .set("devices.gpio.enabled", false)
                .set("fleet.pollWait", 10), demo.getParent());
        KioskToken token = KioskToken.resolve(provisioning.provisioned().backend(),
                Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
        kiosk = KioskApp.start(provisioning, token, KioskApp.Options.in(dir.resolve("state")));
        admin = HttpClient.newBuilder().sslContext(trusting(ca)).build();
    }

    @AfterAll
    static void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aPushReachesTheKioskOverHttpsFromAPrivateCaAndIsReportedApplied() throws Exception {
        assertEquals("https", backend.baseUri().getScheme());
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putArray("services").add("business-licence").add("si-participation-certificate");
        AdminKeyPair key = AdminKeyPair.read(KioskEndToEndTest.projectFile("config/demo-admin-key.pem"));
        SignedConfig layer = SignedConfig.sign(tree, new ConfigTarget.Kiosk(backend.kioskId()), 1, key.privateKey());

        HttpResponse<String> pushed = admin.send(HttpRequest.newBuilder(backend.baseUri().resolve("/api/v1/admin/config/pushes"))
                .header("Authorization", "Bearer demo-admin-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(layer.toJson())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, pushed.statusCode(), pushed.body());

        await("the kiosk's report of version 1 over HTTPS").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(250))
                .until(() -> ownLayer().path("status").asText().equals("applied") && ownLayer().path("running").asLong() == 1);
        kiosk.machine().wake();
        VisitView home = await("a visit at Home").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> kiosk.machine().view(), v -> v.step() == Step.HOME && !v.services().isEmpty());
        assertEquals(List.of("business-licence", "si-participation-certificate"), home.services().stream().map(ServiceTile::code).toList());
        kiosk.machine().exit();
    }

    private static JsonNode ownLayer() throws Exception {
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(backend.baseUri().resolve("/api/v1/admin/config/status?kiosk="
                + backend.kioskId())).header("Authorization", "Bearer demo-admin-token").build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode l : JSON.readTree(r.body()).path("kiosks").path(0).path("layers")) {
            if (l.path("target").asText().equals("kiosk:" + backend.kioskId())) {
                return l;
            }
        }
        return JSON.createObjectNode();
    }

    /** The admin's side of the test trusts the county CA as the kiosk does. */
    private static SSLContext trusting(TestCa ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("county-ca", ca.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }
}
