package org.bianmin.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The defaults every kiosk starts from: they load, they pass every rule, and they are the file the admin edits. */
class BundledDefaultsTest {

    @Test
    void theBundledDefaultsLoadAndPassEveryRule() {
        KioskConfig c = KioskConfigLoader.defaults();

        assertEquals(1, c.version());
        assertEquals("kiosk-01", c.identity().kioskId());
        assertEquals("便民服务中心自助服务终端", c.identity().displayName().in("zh-CN"));
        assertEquals(URI.create("http://localhost:8080"), c.backend().url());
        assertEquals(Duration.ofSeconds(5), c.backend().connectTimeout());
        assertEquals(Duration.ofSeconds(15), c.backend().requestTimeout());
        assertEquals(2, c.backend().retries());
        assertTrue(c.backend().tokenFile().isEmpty());
        assertEquals(Duration.ofSeconds(60), c.backend().heartbeatInterval());
        assertEquals(List.of(), c.backend().caCertificates(), "the Java runtime's CAs");

        DeviceSettings d = c.devices();
        assertEquals(new IdCardSettings(new DevicePort.Serial("/dev/ttyUSB0"), 115200, FlowControl.NONE, true, false), d.idCard());
        assertEquals(new QrScannerSettings(new DevicePort.Serial("/dev/ttyACM0"), 9600, FlowControl.NONE, ScannerProtocol.NONE, true, false), d.qrScanner());
        assertEquals(new ReceiptPrinterSettings(new DevicePort.Serial("/dev/ttyUSB1"), 9600, FlowControl.NONE, PaperWidth.MM80, false, false), d.receiptPrinter());
        assertEquals(new DocumentPrinterSettings(new DocumentDestination.CupsQueue("KioskPDF"), true, false), d.documentPrinter());
        assertFalse(d.gpio().enabled());
        assertEquals(new GpioSettings.Lights(23, OptionalInt.empty(), OptionalInt.empty(), 24), d.gpio().lights());
        assertEquals(Map.of(DeviceKind.RECEIPT_PRINTER, 5, DeviceKind.ID_CARD, 6), d.gpio().relays());
        assertEquals(new RecoverySettings(Duration.ofSeconds(15), 3, Duration.ofSeconds(3), 4), d.recovery());

        assertEquals(List.of(), c.services());
        assertEquals(Map.of(), c.guides(), "every guide as the backend gives it");
        SessionSettings s = c.session();
        assertEquals(Duration.ofSeconds(60), s.timeouts().home());
        assertEquals(Duration.ofSeconds(120), s.timeouts().printWatchdog());
        assertEquals(2.0, s.elderFactor());
        assertEquals(Duration.ofSeconds(15), s.countdownWarning());
        assertEquals(new LanguageSettings("zh-CN", List.of("zh-CN", "en")), c.languages());
        assertEquals(1, c.notices().size());
        assertEquals(List.of(), c.trustAnchors());
        assertTrue(c.maintenance().pinHash().isEmpty());
        assertEquals(5, c.maintenance().lockoutAttempts());
        assertEquals(Duration.ofSeconds(900), c.maintenance().lockout());
        assertEquals(Duration.ofSeconds(300), c.maintenance().idleTimeout());
        assertEquals(new FleetSettings(List.of(), Duration.ofSeconds(30)), c.fleet(), "trusts no admin key until provisioned");
    }

    @Test
    void theJarCarriesTheKioskYamlTheAdminEdits() throws IOException {
        byte[] inJar;
        try (InputStream in = KioskConfigLoader.class.getResourceAsStream("kiosk.yaml")) {
            inJar = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(Path.of("kiosk.yaml")), inJar,
                "the bundled defaults must be config/kiosk.yaml byte for byte (the config pom copies it)");
    }

    @Test
    void elderModeStretchesEveryScreenButNotTheWatchdogs() {
        SessionSettings s = KioskConfigLoader.defaults().session();
        SessionTimeouts elder = s.timeoutsFor(true);

        assertEquals(Duration.ofSeconds(120), elder.home());
        assertEquals(Duration.ofSeconds(60), elder.done());
        assertEquals(Duration.ofSeconds(30), elder.fetchWatchdog());
        assertEquals(Duration.ofSeconds(120), elder.printWatchdog());
        assertEquals(s.timeouts(), s.timeoutsFor(false));
    }

    @Test
    void theDemoProfileSimulatesEveryDeviceAndSpoolsIntoOutDemoPrinted() {
        KioskConfig demo = KioskConfigLoader.load(Path.of("kiosk-demo.yaml"));
        Path repository = Path.of("").toAbsolutePath().getParent();

        assertEquals("demo-kiosk-01", demo.identity().kioskId());
        for (DeviceKind kind : DeviceKind.values()) {
            assertTrue(demo.devices().simulated(kind), kind + " simulated");
        }
        assertTrue(demo.devices().gpio().enabled() && demo.devices().gpio().simulated());
        assertEquals(new DocumentDestination.Spool(repository.resolve("out/demo/printed")), demo.devices().documentPrinter().destination());
        assertEquals(repository.resolve("config/demo-kiosk.token"), demo.backend().tokenFile().orElseThrow());
        assertEquals("demo-kiosk-token", KioskToken.resolve(demo.backend(), Map.of()).value());
        assertEquals(KioskConfigLoader.defaults().session(), demo.session(), "what the demo does not name keeps its default");
        assertEquals(Duration.ofSeconds(10), demo.backend().heartbeatInterval(), "the fleet page follows the demo closely");
        assertEquals(new RecoverySettings(Duration.ofSeconds(3), 3, Duration.ofSeconds(3), 4), demo.devices().recovery(),
                "a stalled simulator is noticed within seconds");
        assertEquals(List.of(repository.resolve("config/demo-admin-key.pub")), demo.fleet().adminKeys(),
                "the demo kiosk trusts the demo admin key, whose pushes the demo backend takes");
    }

    @Test
    void theDemoProfileLetsTechniciansInWithTheReadmePin() {
        KioskConfig demo = KioskConfigLoader.load(Path.of("kiosk-demo.yaml"));

        assertTrue(demo.maintenance().pinHash().orElseThrow().matches("2468".toCharArray()));
    }
}
