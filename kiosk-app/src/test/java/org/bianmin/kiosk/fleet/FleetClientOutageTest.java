package org.bianmin.kiosk.fleet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.backend.HttpKioskBackend;
import org.bianmin.kiosk.backend.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The fleet service is away when the kiosk starts with something to report (an apply it was killed during): the
 * client keeps asking with backoff, says so once, and the report reaches the backend when it is back.
 */
class FleetClientOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    BackendProcess backend;
    HttpKioskBackend http;
    FleetClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (http != null) {
            http.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aReportMadeWhileTheFleetServiceIsAwayReachesItWhenItIsBackAndTheOutageIsLoggedOnceWithoutAStackTrace() throws Exception {
        backend = BackendProcess.start(dir.resolve("backend"));
        int port = backend.port();
        AdminKeyPair admin = AdminKeyPair.read(projectFile("config/demo-admin-key.pem"));
        ConfigTarget own = new ConfigTarget.Kiosk(backend.kioskId());
        SignedConfig v1 = SignedConfig.sign(services("business-licence"), own, 1, admin.privateKey());
        SignedConfig v2 = SignedConfig.sign(services("pesticide-licence"), own, 2, admin.privateKey());
        push(v1);
        push(v2);
        backend.close();

        Path demo = projectFile("config/kiosk-demo.yaml");
        Provisioning provisioning = Provisioning.of(KioskConfigLoader.overDefaults().file(demo)
                .set("backend.url", "http://localhost:" + port)
                .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed").toAbsolutePath())
                .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString())), demo.getParent());
        Path configDir = dir.resolve("state").resolve("config");
        ConfigStore before = ConfigStore.open(configDir, provisioning, Clock.systemUTC());
        new ConfigApplier(provisioning, before, c -> LiveConfig.Applied.nothing(), c -> HealthCheck.Health.ok(), r -> { },
                Clock.systemUTC()).apply(new DesiredLayers("a", List.of(), List.of(v1.toJson())));
        before.stage(new SignedLayers(List.of(), List.of(v2)));
        // the kiosk was killed there; it starts again with version 1 and must report version 2 as interrupted
        ConfigStore store = ConfigStore.open(configDir, provisioning, Clock.systemUTC());
        assertEquals(1, store.startup().reports().size());

        http = HttpKioskBackend.builder().baseUri(backend.baseUri()).kioskId(backend.kioskId()).kioskToken(backend.kioskToken())
                .outboxDirectory(dir.resolve("outbox")).connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none()).build();
        AtomicInteger calls = new AtomicInteger();
        FleetService counted = new FleetService() {
            @Override
            public Optional<DesiredLayers> desired(Optional<String> known, Duration wait) throws FleetServiceException {
                calls.incrementAndGet();
                return http.desired(known, wait);
            }

            @Override
            public void report(List<ReportedConfig> layers) throws FleetServiceException {
                calls.incrementAndGet();
                http.report(layers);
            }
        };
        ListAppender<ILoggingEvent> log = capture();
        try {
            client = new FleetClient(counted, () -> Duration.ofSeconds(5), new FleetClient.Backoff(Duration.ofMillis(20),
                    Duration.ofMillis(200)));
            client.start(new ConfigApplier(provisioning, store, c -> LiveConfig.Applied.nothing(), c -> HealthCheck.Health.ok(),
                    client, Clock.systemUTC()), store.startup().reports());
            await("several tries while the backend is away").atMost(Duration.ofSeconds(30)).until(() -> calls.get() >= 10);

            backend = BackendProcess.start(dir.resolve("backend"), port);
            JsonNode layer = await("the interrupted version reported to the backend").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> layer("kiosk:" + backend.kioskId()),
                            l -> l.path("status").asText().equals("reverted") && l.path("reported").asLong() == 2);
            assertTrue(layer.path("reason").asText().contains("version 2 was interrupted"), layer.toString());
            assertEquals(1, layer.path("running").asLong());
            await().atMost(Duration.ofSeconds(10)).until(client::reportsDelivered);
        } finally {
            release(log);
        }
        List<ILoggingEvent> events = List.copyOf(log.list);
        assertEquals(1, events.stream().filter(e -> e.getLevel() == Level.WARN && e.getFormattedMessage()
                .startsWith("the fleet service is away")).count(), "one warning for the whole outage: " + lines(events));
        assertEquals(1, events.stream().filter(e -> e.getFormattedMessage().equals("the fleet service answers again")).count(),
                lines(events));
        assertTrue(events.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace: " + lines(events));
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(FleetClient.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(FleetClient.class);
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    private static String lines(List<ILoggingEvent> events) {
        return String.join("\n", events.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList());
    }

    private static ObjectNode services(String... codes) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        var list = tree.putArray("services");
        for (String c : codes) {
            list.add(c);
        }
        return tree;
    }

    private void push(SignedConfig envelope) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(backend.baseUri()
                        .resolve("/api/v1/admin/config/pushes")).header("Authorization", "Bearer demo-admin-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(envelope.toJson())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private JsonNode layer(String target) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(backend.baseUri()
                        .resolve("/api/v1/admin/config/status?kiosk=" + backend.kioskId()))
                .header("Authorization", "Bearer demo-admin-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode l : JSON.readTree(r.body()).path("kiosks").path(0).path("layers")) {
            if (l.path("target").asText().equals(target)) {
                return l;
            }
        }
        return JSON.createObjectNode();
    }

    private static Path projectFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
