package org.bianmin.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.bianmin.config.GuideOverride;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.config.LocalizedText;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.fleet.Provisioning;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.ServiceTile;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running kiosk follows what admins push, end to end: the reference backend in its own process, the kiosk built from
 * the demo profile (trusting the demo admin key) long-polling it, layers signed here and pushed through the admin API.
 * A push changes the services the Home screen offers within seconds (at the next visit, never during one) and the
 * backend shows it applied; a layer signed by a key the backend takes but the kiosk does not trust is reported rejected
 * and the kiosk keeps its config; a config whose health check fails is reverted and reported.
 */
class KioskFollowsFleetEndToEndTest {
    private static final String ADMIN_TOKEN = "demo-admin-token";
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);
    private static final AtomicLong KIOSK_VERSIONS = new AtomicLong();
    private static final AtomicLong FLEET_VERSIONS = new AtomicLong();

    @TempDir
    static Path dir;
    static BackendProcess backend;
    static KioskApp kiosk;
    static AdminKeyPair admin;
    static String kioskTarget;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void backendAndKiosk() throws Exception {
        backend = BackendProcess.start(dir.resolve("backend"));
        admin = AdminKeyPair.read(KioskEndToEndTest.projectFile("config/demo-admin-key.pem"));
        Path demo = KioskEndToEndTest.projectFile("config/kiosk-demo.yaml");
        Provisioning provisioning = Provisioning.of(KioskConfigLoader.overDefaults().file(demo)
                .set("backend.url", backend.baseUri().toString())
                .set("devices.documentPrinter.queue", "spool:" + dir.resolve("printed").toAbsolutePath())
                .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString()))
                // the receipt printer optional and no relay to power-cycle it: a stalled printer stays down
                .set("devices.receiptPrinter.required", false)
                .set("devices.gpio.enabled", false)
                .set("devices.recovery.checkInterval", 2)
                .set("fleet.pollWait", 10), demo.getParent());
        KioskToken token = KioskToken.resolve(provisioning.provisioned().backend(),
                Map.of(KioskToken.ENVIRONMENT_VARIABLE, backend.kioskToken()));
        kiosk = KioskApp.start(provisioning, token, KioskApp.Options.in(dir.resolve("state")));
        kioskTarget = "kiosk:" + backend.kioskId();
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
    void anAdminPushChangesTheServicesTheHomeScreenOffersAtTheNextVisitAndTheBackendShowsItApplied() throws Exception {
        long fleet = push(signed(ConfigTarget.FLEET, FLEET_VERSIONS.incrementAndGet(), timeouts(75), admin));
        long own = push(signed(new ConfigTarget.Kiosk(backend.kioskId()), KIOSK_VERSIONS.incrementAndGet(),
                services("pesticide-licence", "business-licence"), admin));

        awaitLayer(kioskTarget, l -> l.path("status").asText().equals("applied") && l.path("running").asLong() == own);
        awaitLayer("fleet", l -> l.path("status").asText().equals("applied") && l.path("running").asLong() == fleet);
        assertEquals(Duration.ofSeconds(75), kiosk.config().session().timeouts().home(), "the fleet layer runs under the kiosk's");
        assertEquals(List.of("pesticide-licence", "business-licence"), homeServices());

        // a push while a citizen is at Home waits for the end of the visit
        long next = push(signed(new ConfigTarget.Kiosk(backend.kioskId()), KIOSK_VERSIONS.incrementAndGet(),
                services("si-participation-certificate"), admin));
        awaitLayer(kioskTarget, l -> l.path("status").asText().equals("applied") && l.path("running").asLong() == next);
        kiosk.machine().touch();
        assertEquals(List.of("pesticide-licence", "business-licence"), tiles(kiosk.machine().view()),
                "the visit under way keeps the services it started with");
        kiosk.machine().exit();
        assertEquals(List.of("si-participation-certificate"), homeServices(), "the next visit offers the pushed services");
    }

    @Test
    void aPushThatChangesOnlyTheNoticesShowsThemOnHomeAtTheNextVisit() throws Exception {
        endAnyVisit();
        pushOwnAndAwaitApplied(services());
        ObjectNode tree = services();
        tree.putArray("notices").addObject().put("zh", "本周六上午系统升级，自助机暂停服务").put("en", "The kiosk is closed for an upgrade on Saturday morning");

        pushOwnAndAwaitApplied(tree);

        kiosk.machine().wake();
        VisitView home = await("a visit at Home").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> kiosk.machine().view(), v -> v.step() == Step.HOME);
        assertEquals(List.of(new LocalizedText("本周六上午系统升级，自助机暂停服务", Optional.of("The kiosk is closed for an upgrade on Saturday morning"))),
                home.notices());
        kiosk.machine().exit();
    }

    @Test
    void aPushThatChangesOnlyAGuideShowsTheChangeOnTheGuideOfTheNextVisitNotOfTheVisitUnderWay() throws Exception {
        endAnyVisit();
        pushOwnAndAwaitApplied(services());
        ObjectNode tree = services();
        ObjectNode si = tree.putObject("guides").putObject(ServiceRules.SI_CERTIFICATE);
        var materials = si.putArray("materials");
        materials.addObject().put("zh", "本人有效居民身份证").put("en", "Your own valid resident ID card");
        materials.addObject().put("zh", "户口簿");
        si.putObject("note").put("zh", "本镇社保所在镇政府一楼");
        kiosk.machine().wake();
        await("a visit at Home").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> kiosk.machine().view(), v -> v.step() == Step.HOME);

        pushOwnAndAwaitApplied(tree);

        assertEquals(Optional.empty(), certificateGuide().guideOverride(), "the visit under way keeps the backend's guide");
        GuideOverride pushed = certificateGuide().guideOverride().orElseThrow();
        assertEquals(List.of(new LocalizedText("本人有效居民身份证", Optional.of("Your own valid resident ID card")),
                new LocalizedText("户口簿", Optional.empty())), pushed.materials().orElseThrow());
        assertEquals(Optional.of(new LocalizedText("本镇社保所在镇政府一楼", Optional.empty())), pushed.note());
        assertTrue(pushed.steps().isEmpty(), "the steps stay the backend's");
    }

    @Test
    void aLayerSignedByAKeyTheBackendTakesButTheKioskDoesNotTrustIsReportedRejectedAndTheKioskKeepsItsConfig() throws Exception {
        AdminKeyPair stranger = AdminKeyPair.generate();
        admin("POST", "/api/v1/admin/keys", JSON.createObjectNode().put("publicKey", stranger.publicKeyPem()), 201);
        List<String> before = kiosk.config().services();
        long running = kiosk.configLayers().version(kioskTarget);

        long version = push(signed(new ConfigTarget.Kiosk(backend.kioskId()), KIOSK_VERSIONS.incrementAndGet(),
                services("breeding-livestock-licence"), stranger));

        JsonNode layer = awaitLayer(kioskTarget, l -> l.path("status").asText().equals("rejected") && l.path("reported").asLong() == version);
        assertTrue(layer.path("reason").asText().contains("is signed with key " + stranger.keyId() + ", which this kiosk does not "
                + "trust"), layer.toString());
        assertEquals(running, layer.path("running").asLong(), "the backend sees the kiosk still running its last version");
        assertEquals(before, kiosk.config().services());
        assertEquals(running, kiosk.configLayers().version(kioskTarget));
    }

    @Test
    void aConfigWhoseHealthCheckFailsIsRevertedReportedWithTheReasonAndTheOldConfigRunsOn() throws Exception {
        var printer = kiosk.devices().simulators().orElseThrow().printerSimulator();
        printer.stall();
        try {
            await("the stalled receipt printer noticed").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(200))
                    .until(() -> !kiosk.supervisor().health("receipt-printer").orElseThrow().usable());
            List<String> before = kiosk.config().services();
            long running = kiosk.configLayers().version(kioskTarget);
            ObjectNode tree = services("si-participation-certificate", "pesticide-licence");
            tree.putObject("devices").putObject("receiptPrinter").put("required", true);

            long version = push(signed(new ConfigTarget.Kiosk(backend.kioskId()), KIOSK_VERSIONS.incrementAndGet(), tree, admin));

            JsonNode layer = awaitLayer(kioskTarget, l -> l.path("status").asText().equals("reverted")
                    && l.path("reported").asLong() == version);
            String reason = layer.path("reason").asText();
            assertTrue(reason.contains("failed its health check after it was applied: the required receipt-printer "
                    + "(devices.receiptPrinter) is not usable"), reason);
            assertTrue(reason.contains("the kiosk went back to"), reason);
            assertEquals(before, kiosk.config().services(), "the last known good config runs again");
            assertEquals(running, kiosk.configLayers().version(kioskTarget));
        } finally {
            printer.unstall();
            await("the receipt printer back").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(200))
                    .until(() -> kiosk.supervisor().health("receipt-printer").orElseThrow().usable());
        }
    }

    @Test
    void aPushNamingAServiceTheBackendDoesNotOfferIsAppliedWithANoteAndOneNamingOnlySuchServicesIsReverted() throws Exception {
        endAnyVisit();
        ObjectNode typo = services("pestcide-licence", "business-licence");
        typo.putObject("guides").putObject("no-such-service").putObject("note").put("zh", "本镇便民服务中心一楼");

        long applied = pushOwnAndAwaitApplied(typo);

        String note = layer(kioskTarget).path("reason").asText();
        assertTrue(note.contains("services: pestcide-licence is not offered to this kiosk by the backend, so Home does not show it"),
                note);
        assertTrue(note.contains("guides: no-such-service is not offered to this kiosk, so its guide is never shown"), note);
        assertEquals(List.of("business-licence"), homeServices());

        long version = push(signed(new ConfigTarget.Kiosk(backend.kioskId()), KIOSK_VERSIONS.incrementAndGet(),
                services("pestcide-licence"), admin));

        JsonNode layer = awaitLayer(kioskTarget, l -> l.path("status").asText().equals("reverted") && l.path("reported").asLong() == version);
        assertTrue(layer.path("reason").asText().contains("failed its health check after it was applied: none of the services it "
                + "names (pestcide-licence) is offered to this kiosk by the backend"), layer.toString());
        assertEquals(applied, kiosk.configLayers().version(kioskTarget));
        endAnyVisit();
        assertEquals(List.of("business-licence"), homeServices(), "the next visit offers what the last good config did");
    }

    /**
     * The guide of the social-insurance certificate for the simulated resident's card, in the visit under way (or a new
     * one); the visit is ended and the card lifted again.
     */
    private static VisitView certificateGuide() {
        VisitMachine m = kiosk.machine();
        m.wake();
        m.chooseService(ServiceRules.SI_CERTIFICATE);
        var reader = kiosk.devices().simulators().orElseThrow().idCardSimulator();
        reader.placeCard(CardFixtures.resident());
        try {
            return await("the certificate's guide").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(50))
                    .until(m::view, v -> v.step() == Step.SERVICE_GUIDE);
        } finally {
            m.exit();
            reader.removeCard();
            await("the kiosk idle, the card lifted").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                    .until(m::view, v -> v.step() == Step.IDLE && !v.cardOnReader());
        }
    }

    /** Ends the visit an earlier test may have left at Home, so the next push applies at once. */
    private static void endAnyVisit() {
        kiosk.machine().exit();
        await("the kiosk idle").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> kiosk.machine().view(), v -> v.step() == Step.IDLE);
    }

    /** Pushes this kiosk's own layer and waits until the kiosk reports it applied; returns its version. */
    private static long pushOwnAndAwaitApplied(ObjectNode tree) throws IOException, InterruptedException {
        long version = push(signed(new ConfigTarget.Kiosk(backend.kioskId()), KIOSK_VERSIONS.incrementAndGet(), tree, admin));
        awaitLayer(kioskTarget, l -> l.path("status").asText().equals("applied") && l.path("running").asLong() == version);
        return version;
    }

    /** The services the Home screen offers the visit under way, or one that starts now if the kiosk is idle; it stays. */
    private static List<String> homeServices() {
        kiosk.machine().wake();
        VisitView home = await("a visit at Home with its services").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> kiosk.machine().view(), v -> v.step() == Step.HOME && !v.services().isEmpty());
        return tiles(home);
    }

    private static List<String> tiles(VisitView v) {
        return v.services().stream().map(ServiceTile::code).toList();
    }

    private static SignedConfig signed(ConfigTarget target, long version, ObjectNode tree, AdminKeyPair key) {
        return SignedConfig.sign(tree, target, version, key.privateKey());
    }

    private static ObjectNode services(String... codes) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        var list = tree.putArray("services");
        for (String c : codes) {
            list.add(c);
        }
        return tree;
    }

    private static ObjectNode timeouts(int home) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.putObject("session").putObject("timeouts").put("home", home);
        return tree;
    }

    /** Pushes through the admin API, as {@code ./kiosk admin push} does; returns the version. */
    private static long push(SignedConfig envelope) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(backend.baseUri().resolve("/api/v1/admin/config/pushes"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.toJson())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), "push " + envelope + ": " + r.body());
        return envelope.version();
    }

    private static JsonNode admin(String method, String path, JsonNode body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(backend.baseUri().resolve(path)).header("Authorization", "Bearer " + ADMIN_TOKEN);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Waits until the backend's status shows this kiosk's layer for {@code target} as {@code wanted} says; returns it. */
    private static JsonNode awaitLayer(String target, Predicate<JsonNode> wanted) {
        return await(target + " in the backend's status").atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(250))
                .until(() -> layer(target), wanted::test);
    }

    private static JsonNode layer(String target) throws IOException, InterruptedException {
        JsonNode status = admin("GET", "/api/v1/admin/config/status?kiosk=" + backend.kioskId(), null, 200);
        for (JsonNode l : status.path("kiosks").path(0).path("layers")) {
            if (l.path("target").asText().equals(target)) {
                return l;
            }
        }
        return JSON.createObjectNode();
    }
}
