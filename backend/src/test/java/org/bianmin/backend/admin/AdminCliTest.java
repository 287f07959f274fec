package org.bianmin.backend.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.TestClock;
import org.bianmin.backend.fleet.Heartbeat;
import org.bianmin.backend.fleet.HeartbeatJson;
import org.bianmin.backend.http.Json;
import org.bianmin.backend.store.Kiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kiosk admin} run in-process against a real backend whose clock the test moves; stdout and stderr captured. */
class AdminCliTest {
    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    static final Map<String, String> ENV = Map.of("KIOSK_ADMIN_TOKEN", "demo-admin-token");

    @TempDir
    Path data;
    final TestClock clock = new TestClock(T0);
    BackendApp app;
    String backend;
    String out;
    String err;

    @BeforeEach
    void start() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true), clock).start();
        backend = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    int admin(Map<String, String> env, String... args) {
        AdminRun r = AdminRun.of(args, env);
        out = r.out();
        err = r.err();
        return r.code();
    }

    int admin(String... args) {
        return admin(ENV, AdminRun.against(backend, args));
    }

    void beat(String kioskId, String json) throws Exception {
        app.fleet().report(kioskId, Json.mapper().readValue(json, Heartbeat.class));
    }

    String line(String startingWith) {
        return out.lines().filter(l -> l.startsWith(startingWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starts with " + startingWith + ":\n" + out));
    }

    @Test
    void theFleetTableShowsAnOnlineAnOfflineAndANeverSeenKioskIn80ColumnsAlignedByDisplayWidth() throws Exception {
        app.authenticator().register(new Kiosk("kiosk-three", "丙镇便民服务中心二号机"));
        app.authenticator().register(new Kiosk("kiosk-two", "Yi town hall"));
        beat("kiosk-three", HeartbeatJson.healthy().json());
        clock.advance(Duration.ofSeconds(60));
        beat("demo-kiosk-01", HeartbeatJson.printerFailing().json());
        clock.advance(Duration.ofSeconds(12));

        assertEquals(0, admin("kiosks"), err);
        String demo = line("demo-kiosk-01");
        assertTrue(demo.contains("online") && demo.contains("12 s ago") && demo.contains("0.1.0-SNAPSHOT"), demo);
        String three = line("kiosk-three");
        assertTrue(three.contains("offline") && three.contains("1 min ago"), three);
        String two = line("kiosk-two");
        assertTrue(two.contains("never-seen") && two.contains("never"), two);
        assertTrue(out.contains("  ! failing: receipt-printer"), out);
        assertTrue(out.contains("  ! paper low: receipt-printer"), out);
        assertTrue(out.contains("3 kiosks: 1 online, 1 offline, 1 never seen, 1 with failing devices"), out);
        out.lines().forEach(l -> assertTrue(DisplayWidth.of(l) <= 80, "wider than 80 columns: " + l));
        int status = DisplayWidth.of(line("KIOSK").substring(0, line("KIOSK").indexOf("STATUS")));
        for (String[] row : new String[][] {{demo, "online"}, {three, "offline"}, {two, "never-seen"}}) {
            assertEquals(status, DisplayWidth.of(row[0].substring(0, row[0].indexOf(row[1]))), "STATUS column of " + row[0]);
        }
        assertTrue(three.contains("丙镇便民服务中心.."), "a name too wide for 80 columns is cut by display width: " + three);
    }

    @Test
    void withJsonItPrintsTheBackendsAnswer() throws Exception {
        beat("demo-kiosk-01", HeartbeatJson.healthy().json());
        assertEquals(0, admin("kiosks", "--json"), err);
        var json = new ObjectMapper().readTree(out);
        assertEquals("online", json.get("kiosks").get(0).get("status").asText());
        assertEquals(T0.toString(), json.get("asOf").asText());
    }

    @Test
    void theBeatsSayWhatChangedBetweenHeartbeats() throws Exception {
        beat("demo-kiosk-01", HeartbeatJson.healthy().json());
        clock.advance(Duration.ofSeconds(10));
        beat("demo-kiosk-01", HeartbeatJson.printerFailing().json());
        assertEquals(0, admin("beats", "--kiosk", "demo-kiosk-01", "--limit", "5"), err);
        assertTrue(line("2026-03-02 09:30:10").contains("receipt-printer failing LNK-06, paper low; 5 ok"), out);
        assertTrue(out.contains("  changed: receipt-printer: ok → failing (LNK-06); receipt-printer paper: ok → low"), out);
        assertTrue(line("2026-03-02 09:30:00").contains("all 6 ok"), out);
    }

    @Test
    void aTechnicianCodeIsPrintedAndItsQrPngHoldsTheCodeThatOpensTheKiosk() throws Exception {
        Path png = data.resolve("code.png");
        assertEquals(0, admin("technician-code", "--kiosk", "demo-kiosk-01", "--technician", "王师傅", "--minutes", "45",
                "--png", png.toString()), err);
        String code = line("  BMTECH1:").strip();
        assertTrue(out.contains("valid until 2026-03-02 10:15:00 (Beijing time)"), out);
        BufferedImage image = ImageIO.read(png.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // the PNG is the code alone, as a phone shows it: read as a pure barcode (without the hint zxing's finder
        // search misses the odd random code)
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        assertEquals(code, scanned);
        HttpResponse<String> verified = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(backend + "/api/v1/kiosks/demo-kiosk-01/technician-codes/verify"))
                .header("Authorization", "Bearer demo-kiosk-token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + scanned + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, verified.statusCode(), verified.body());
    }

    @Test
    void diagnosticsAreListedAndOneIsDownloadedByteForByteButNeverOverAFile() throws Exception {
        byte[] zip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        String id = app.store().diagnostics().save("demo-kiosk-01", zip, "0".repeat(64)).id();
        assertEquals(0, admin("diagnostics", "--kiosk", "demo-kiosk-01"), err);
        assertTrue(line(id).contains("2026-03-02 09:30:00") && line(id).contains("22 B"), out);
        Path file = data.resolve("bundle.zip");
        assertEquals(0, admin("diagnostics", "--get", id, "--out", file.toString()), err);
        assertArrayEquals(zip, Files.readAllBytes(file));
        assertEquals(2, admin("diagnostics", "--get", id, "--out", file.toString()));
        assertTrue(err.contains("exists; choose another --out FILE"), err);
    }

    void assertOneLineFailure(int expectedCode, int code, String... parts) {
        assertEquals(expectedCode, code, "exit code; stderr: " + err);
        assertEquals("", out);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("kiosk admin: "), err);
        for (String part : parts) {
            assertTrue(err.contains(part), "'" + part + "' not in: " + err);
        }
    }

    @Test
    void anUnreachableBackendIsOneLineNamingTheUrlAndAskingWhetherTheBackendRuns() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertOneLineFailure(1, admin(ENV, "kiosks", "--backend", "http://127.0.0.1:" + closed),
                "http://127.0.0.1:" + closed, "is ./kiosk backend running?");
    }

    @Test
    void noTokenIsAUsageErrorThatSaysWhereATokenGoes() {
        assertOneLineFailure(2, admin(Map.of(), "kiosks", "--backend", backend), "--token", "KIOSK_ADMIN_TOKEN");
    }

    @Test
    void aRefusedTokenIsOneLine() {
        assertOneLineFailure(1, admin("kiosks", "--token", "not-an-admin-token"), "refused the admin token",
                "check --token or KIOSK_ADMIN_TOKEN");
    }

    @Test
    void aKioskTokenIsOneLineThatSaysItIsAKioskToken() {
        assertOneLineFailure(1, admin("kiosks", "--token", "demo-kiosk-token"), "that is a kiosk token");
    }

    @Test
    void anUnknownKioskIsOneLineThatSaysHowToListThem() {
        assertOneLineFailure(1, admin("beats", "--kiosk", "no-such-kiosk"), "no kiosk no-such-kiosk is registered",
                "./kiosk admin kiosks");
        assertOneLineFailure(1, admin("technician-code", "--kiosk", "no-such-kiosk", "--technician", "王师傅"),
                "no kiosk no-such-kiosk is registered");
    }

    @Test
    void aKioskNameWithTerminalEscapesIsPrintedHarmless() throws Exception {
        app.authenticator().register(new Kiosk("kiosk-evil", "\u001b[2J\u001b[31m假冒"));
        assertEquals(0, admin("kiosks"), err);
        assertTrue(line("kiosk-evil").contains("?[2J?[31m假冒"), out);
        assertTrue(out.chars().noneMatch(c -> c == 0x1b), out);
    }
}
