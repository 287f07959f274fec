package org.bianmin.kiosk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.bianmin.config.DevicePort;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.KioskToken;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.device.idcard.sim.CardFixtures;
import org.bianmin.device.printer.PrintResult;
import org.bianmin.device.printer.Receipt;
import org.bianmin.device.printer.sim.EscPosInterpreter;
import org.bianmin.device.printer.sim.PrintedReceipt;
import org.bianmin.kiosk.backend.BackendProcess;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Grade;
import org.bianmin.kiosk.fleet.Provisioning;
import org.bianmin.kiosk.visit.Availability;
import org.bianmin.kiosk.visit.ServiceRules;
import org.bianmin.kiosk.visit.Step;
import org.bianmin.kiosk.visit.VisitMachine;
import org.bianmin.kiosk.visit.VisitView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pushed config that changes a device reopens it on the running kiosk, end to end: the reference backend in its own
 * process, each test's kiosk registered with it and following its pushes. Only the changed device is reopened, never
 * during a visit; a receipt printed after the push comes out as the new settings say; a required device that does not
 * come up on its new port fails the health check, the kiosk goes back to its old port and the report says why; a device
 * missing at start comes up when a push gives it a port, and its {@code required} flag changes which services are out.
 * Serial devices are simulators on the far ends of socat pty pairs, or the kiosk's own in-memory simulators.
 */
class KioskReopensDevicesEndToEndTest {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static BackendProcess backend;
    static FleetAdmin admin;
    static AdminKeyPair key;
    static int kiosks;

    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void backend() {
        backend = BackendProcess.start(dir.resolve("backend"));
        admin = new FleetAdmin(backend);
        key = AdminKeyPair.read(KioskEndToEndTest.projectFile("config/demo-admin-key.pem"));
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    @Test
    void aPushedPaperWidthReopensOnlyTheReceiptPrinterOnceTheVisitEndsAndTheNextReceiptComesOutOn58mmPaper() throws Exception {
        // the demo kiosk: the backend offers it the services a citizen visit needs
        Kiosk k = kiosk(backend.kioskId(), settings -> settings);
        VisitMachine m = k.app.machine();
        var reader = k.app.devices().reader().orElseThrow();
        var scanner = k.app.devices().scanner().orElseThrow();
        var a4 = k.app.devices().documentPrinter();
        var lights = k.app.devices().indicators().orElseThrow();
        var printer = k.app.devices().receiptPrinter().orElseThrow();
        m.wake();
        awaitView(m, v -> v.step() == Step.HOME, "a citizen at Home");

        long version = k.push(devices("receiptPrinter", "width", 58));

        JsonNode pending = k.awaitLayer(l -> l.path("status").asText().equals("pending") && l.path("reported").asLong() == version);
        assertEquals("waits for the visit under way to end before reopening receipt-printer", pending.path("reason").asText(),
                "the admin sees why it is pending");
        assertSame(printer, k.app.devices().receiptPrinter().orElseThrow(), "nothing is reopened under the citizen");
        assertEquals(Step.HOME, m.view().step());
        m.exit();
        JsonNode applied = k.awaitLayer(l -> l.path("status").asText().equals("applied") && l.path("running").asLong() == version);
        assertEquals("applied; receipt-printer reopened with the new settings", applied.path("reason").asText());
        assertNotSame(printer, k.app.devices().receiptPrinter().orElseThrow());
        assertSame(reader, k.app.devices().reader().orElseThrow(), "the card reader runs on untouched");
        assertSame(scanner, k.app.devices().scanner().orElseThrow(), "the scanner runs on untouched");
        assertSame(a4, k.app.devices().documentPrinter(), "the A4 printer runs on untouched");
        assertSame(lights, k.app.devices().indicators().orElseThrow(), "the lights run on untouched");
        assertEquals(58, k.app.config().devices().receiptPrinter().width().millimetres());

        DocumentTicket ticket = aCardVisitToItsPrint(k.app);

        var simulator = k.app.devices().simulators().orElseThrow().printerSimulator();
        PrintedReceipt receipt = await("the receipt torn off the 58 mm roll").atMost(WITHIN)
                .until(simulator::receipts, r -> !r.isEmpty()).getLast();
        assertTrue(receipt.text().contains(ticket.caseNumber()), "the visit's receipt: " + receipt);
        assertEquals(EscPosInterpreter.Ending.TORN, receipt.ending(), "a 58 mm printer has a tear bar, no cutter");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(receipt.png()));
        assertEquals(384, png.getWidth(), "384 dots across 58 mm paper");
    }

    @Test
    void aRequiredPrinterMovedToAPortThatDoesNotExistIsRevertedWithTheReasonAndPrintsAgainOnItsOldPort() throws Exception {
        PtyDevices ptys = closing(new PtyDevices(dir.resolve("ptys-revert")));
        Kiosk k = kiosk("reopen-revert", settings -> onPtys(settings, ptys, ptys.printer.b()).set("devices.receiptPrinter.required", true));
        await("the printer up on its pty").atMost(WITHIN).until(() -> k.app.supervisor().health("receipt-printer").orElseThrow().usable());
        var reader = k.app.devices().reader().orElseThrow();
        String missing = dir.resolve("nowhere/ttyUSB3").toString();

        long version = k.push(devices("receiptPrinter", "port", missing));

        JsonNode reverted = k.awaitLayer(l -> l.path("status").asText().equals("reverted") && l.path("reported").asLong() == version);
        String reason = reverted.path("reason").asText();
        assertTrue(reason.contains("failed its health check after it was applied: the required receipt-printer (devices.receiptPrinter) "
                + "is not usable: LNK-01 " + missing + " does not exist; "), reason);
        assertTrue(reason.contains("ports found: ") || reason.contains("no serial ports"), "the ports a technician can choose from: " + reason);
        assertTrue(reason.contains("the kiosk went back to its provisioned config"), reason);
        assertEquals(new DevicePort.Serial(ptys.printer.b()), k.app.devices().settings().receiptPrinter().port());
        await("the printer back on its old port").atMost(WITHIN)
                .until(() -> k.app.supervisor().health("receipt-printer").orElseThrow().usable());
        assertSame(reader, k.app.devices().reader().orElseThrow(), "the card reader was never reopened");

        PrintResult printed = k.app.devices().receiptPrinter().orElseThrow()
                .print(Receipt.builder().line("回到原端口").cut().build(), "reopen-revert-1").get(30, TimeUnit.SECONDS);
        assertTrue(printed.printed(), printed::toString);
        PrintedReceipt receipt = await("the receipt on the old port's printer").atMost(WITHIN)
                .until(ptys.printerSimulator::receipts, r -> !r.isEmpty()).getLast();
        assertTrue(receipt.text().contains("回到原端口"), receipt.text());
    }

    @Test
    void aPrinterMissingAtStartTakesItsServicesOutUntilAPushMakesItOptionalAndComesUpWhenAnotherGivesItAPort() throws Exception {
        PtyDevices ptys = closing(new PtyDevices(dir.resolve("ptys-missing")));
        String missing = dir.resolve("nowhere/ttyUSB1").toString();
        Kiosk k = kiosk("reopen-missing", settings -> onPtys(settings, ptys, missing).set("devices.receiptPrinter.required", true));
        assertTrue(k.app.devices().receiptPrinter().isEmpty(), "no driver for a port that does not exist");
        await("Home names the required receipt printer out of service").atMost(WITHIN).until(() -> receiptPrinterOut(k.app));

        long optional = k.push(devices("receiptPrinter", "required", false));

        k.awaitLayer(l -> l.path("status").asText().equals("applied") && l.path("running").asLong() == optional);
        await("the services back without a receipt printer").atMost(WITHIN).until(() -> !receiptPrinterOut(k.app));
        assertFalse(k.app.supervisor().health("receipt-printer").orElseThrow().required());
        assertTrue(k.app.devices().receiptPrinter().isEmpty(), "a required flag opens nothing");

        ObjectNode port = devices("receiptPrinter", "required", false);
        ((ObjectNode) port.path("devices").path("receiptPrinter")).put("port", ptys.printer.b());
        long withPort = k.push(port);

        JsonNode applied = k.awaitLayer(l -> l.path("status").asText().equals("applied") && l.path("running").asLong() == withPort);
        assertEquals("applied; receipt-printer reopened with the new settings", applied.path("reason").asText());
        assertTrue(k.app.supervisor().health("receipt-printer").orElseThrow().usable());
        PrintResult printed = k.app.devices().receiptPrinter().orElseThrow()
                .print(Receipt.builder().line("新端口").cut().build(), "reopen-missing-1").get(30, TimeUnit.SECONDS);
        assertTrue(printed.printed(), printed::toString);
        PrintedReceipt receipt = await("the receipt on the pushed port's printer").atMost(WITHIN)
                .until(ptys.printerSimulator::receipts, r -> !r.isEmpty()).getLast();
        assertTrue(receipt.text().contains("新端口"), receipt.text());
    }

    /** A kiosk this test registered with the backend, following its pushes. */
    private record Kiosk(String id, KioskApp app, AtomicLong versions) {
        long push(ObjectNode tree) throws Exception {
            SignedConfig envelope = SignedConfig.sign(tree, new ConfigTarget.Kiosk(id), versions.incrementAndGet(), key.privateKey());
            admin.post("/api/v1/admin/config/pushes", new String(envelope.toJson(), StandardCharsets.UTF_8));
            return envelope.version();
        }

        /** Waits until the backend's status shows this kiosk's own layer as {@code wanted} says; returns it. */
        JsonNode awaitLayer(Predicate<JsonNode> wanted) {
            return await("kiosk:" + id + " in the backend's status").atMost(WITHIN).pollInterval(Duration.ofMillis(250))
                    .until(this::layer, wanted::test);
        }

        private JsonNode layer() throws Exception {
            for (JsonNode l : admin.get("/api/v1/admin/config/status?kiosk=" + id).path("kiosks").path(0).path("layers")) {
                if (l.path("target").asText().equals("kiosk:" + id)) {
                    return l;
                }
            }
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /**
     * Starts a kiosk from the demo profile with {@code provisioned} laid over it: the backend's demo kiosk, or one
     * registered here (the backend offers it no services).
     */
    private Kiosk kiosk(String id, UnaryOperator<KioskConfigLoader> provisioned) throws Exception {
        String tokenValue = backend.kioskToken();
        if (!id.equals(backend.kioskId())) {
            tokenValue = admin.post("/api/v1/admin/kiosks", JsonNodeFactory.instance.objectNode().put("kioskId", id)
                    .put("name", "城关镇便民服务中心 " + ++kiosks + "号机").set("groups", JsonNodeFactory.instance.arrayNode())
                    .toString()).path("token").asText();
        }
        Path demo = KioskEndToEndTest.projectFile("config/kiosk-demo.yaml");
        Path home = dir.resolve(id);
        Provisioning provisioning = Provisioning.of(provisioned.apply(KioskConfigLoader.overDefaults().file(demo)
                .set("identity.kioskId", id)
                .set("backend.url", backend.baseUri().toString())
                .set("devices.documentPrinter.queue", "spool:" + home.resolve("printed").toAbsolutePath())
                .set("trustAnchors", List.of(backend.dataDir().resolve("signing-certificate.pem").toString()))
                .set("devices.recovery.checkInterval", 2)
                .set("fleet.pollWait", 10)), demo.getParent());
        KioskToken token = KioskToken.resolve(provisioning.provisioned().backend(),
                Map.of(KioskToken.ENVIRONMENT_VARIABLE, tokenValue));
        KioskApp app = closing(KioskApp.start(provisioning, token, KioskApp.Options.in(home.resolve("state"))));
        await("the kiosk online").atMost(WITHIN).until(() -> app.machine().view() != null && app.machine().view().backendOnline());
        return new Kiosk(id, app, new AtomicLong());
    }

    /** The serial devices on the kiosk's ends of the ptys, the receipt printer where the test says; no GPIO. */
    private static KioskConfigLoader onPtys(KioskConfigLoader settings, PtyDevices ptys, String printerPort) {
        return settings.set("devices.gpio.enabled", false)
                .set("devices.idCard.simulated", false).set("devices.idCard.port", ptys.idCard.b())
                .set("devices.idCard.baud", PtyDevices.CARD_BAUD)
                .set("devices.qrScanner.simulated", false).set("devices.qrScanner.port", ptys.scanner.b())
                .set("devices.qrScanner.baud", PtyDevices.SCANNER_BAUD)
                .set("devices.receiptPrinter.simulated", false).set("devices.receiptPrinter.port", printerPort)
                .set("devices.receiptPrinter.baud", PtyDevices.PRINTER_BAUD);
    }

    /** Whether the receipt printer is a required device that is down: every service is out, and Home names it. */
    private static boolean receiptPrinterOut(KioskApp kiosk) {
        VisitView v = kiosk.machine().view();
        return v != null && v.devicesOut().contains(Availability.Equipment.RECEIPT_PRINTER);
    }

    /** A kiosk layer setting one key of one device, e.g. {@code devices.receiptPrinter.width: 58}. */
    private static ObjectNode devices(String device, String setting, Object value) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ObjectNode d = tree.putObject("devices").putObject(device);
        switch (value) {
            case Integer i -> d.put(setting, i);
            case Boolean b -> d.put(setting, b);
            default -> d.put(setting, value.toString());
        }
        return tree;
    }

    /** A citizen with an ID card gets the social-insurance certificate and its receipt, then leaves; returns the ticket. */
    private static DocumentTicket aCardVisitToItsPrint(KioskApp kiosk) {
        VisitMachine m = kiosk.machine();
        m.wake();
        awaitView(m, v -> v.step() == Step.HOME && !v.services().isEmpty(), "home with services");
        m.chooseService(ServiceRules.SI_CERTIFICATE);
        awaitView(m, v -> v.step() == Step.IDENTIFY, "identify");
        var card = kiosk.devices().simulators().orElseThrow().idCardSimulator();
        card.placeCard(CardFixtures.resident());
        awaitView(m, v -> v.step() == Step.SERVICE_GUIDE, "the guide after the card was read");
        m.confirm();
        DocumentTicket ticket = awaitView(m, v -> v.step() == Step.PREVIEW, "the preview").ticket().orElseThrow();
        m.print();
        VisitView done = awaitView(m, v -> v.step() == Step.DONE, "both jobs done");
        assertFalse(done.receiptMissing(), done.printProgress().toString());
        card.removeCard();
        awaitView(m, v -> v.step() == Step.EVALUATE, "the evaluation after the card was taken");
        m.grade(Grade.VERY_SATISFIED);
        awaitView(m, v -> v.step() == Step.IDLE, "idle after the thanks");
        return ticket;
    }

    private static VisitView awaitView(VisitMachine m, Predicate<VisitView> p, String what) {
        return await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(m::view, v -> {
            if (v != null && v.step() == Step.PROBLEM) {
                fail("problem instead of " + what + ": " + v);
            }
            return v != null && p.test(v);
        });
    }

    private <T extends AutoCloseable> T closing(T t) {
        open.add(t);
        return t;
    }
}
