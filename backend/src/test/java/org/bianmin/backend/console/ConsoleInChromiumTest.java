package org.bianmin.backend.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web console in a real headless Chromium (Debian's chromium through its chromedriver) against a backend on a free
 * port with the demo data: sign in, the fleet table, a kiosk's page, a signed file uploaded and shown pending, a
 * simulated kiosk reporting it applied over HTTP, a forged file refused, sign out. Leaves screenshots of the kiosk's
 * page with the push pending in target/console-kiosk.png and of the fleet table in target/console-fleet.png.
 */
class ConsoleInChromiumTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final String KIOSK = "demo-kiosk-01";
    // Selenium looks for a DevTools module matching the browser and warns when it has none; this test needs none
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    @TempDir
    Path data;
    @TempDir
    Path profile;
    @TempDir
    Path files;
    BackendApp app;
    String base;
    ChromeDriverService service;
    WebDriver browser;
    final HttpClient http = HttpClient.newHttpClient();
    final AdminKeyPair key = AdminKeyPair.read(Path.of("../config/demo-admin-key.pem"));

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Chromium is not installed here, so the web "
                + "console is not tried in a browser: apt-get install chromium chromium-driver (./kiosk test installs them)");
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true)).start();
        base = "http://127.0.0.1:" + app.port();
        DEVTOOLS.setLevel(Level.SEVERE);
        // the driver is named, so Selenium Manager is never asked for one (and SE_OFFLINE forbids it to download)
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1500,900", "--lang=zh-CN");
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    Path signedFile(String name, ConfigTarget target, String yaml, long version) throws Exception {
        Path file = files.resolve(name);
        Files.write(file, SignedConfig.sign(ConfigLayer.fromYaml(name, files, yaml).tree(), target, version, key.privateKey()).toJson());
        return file;
    }

    /** A kiosk's report over the kiosk API, as kiosk-app sends it. */
    void report(String kioskId, String token, String layerJson) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/kiosks/" + kioskId + "/config/reported"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"layers\":[" + layerJson + "]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode(), r.body());
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    void awaitText(String css, String expected) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> text(css).contains(expected));
    }

    /** Reloads the page until {@code css} holds {@code expected}: the console has no JavaScript to update itself. */
    void reloadUntil(String css, String expected) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return text(css).contains(expected);
        });
    }

    void screenshot(String name) throws Exception {
        Path shot = Path.of("target", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
    }

    List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    @Test
    void anAdminSignsInPushesASignedFileSeesItAppliedSeesAForgedOneRefusedAndSignsOut() throws Exception {
        String otherToken = app.authenticator().register(new Kiosk("demo-kiosk-02", "乙镇便民服务中心 2号自助机"));
        ConfigTarget other = ConfigTarget.parse("kiosk:demo-kiosk-02");
        app.configs().push(Files.readAllBytes(signedFile("other.json", other, "backend:\n  heartbeatInterval: 30\n", 1)),
                "demo-admin", null, null, null);
        report("demo-kiosk-02", otherToken, "{\"target\":\"kiosk:demo-kiosk-02\",\"version\":1,\"status\":\"rejected\","
                + "\"reason\":\"signed with key 5be1a0c2e3f4d5a6, which this kiosk does not trust\",\"at\":\"2026-03-02T01:30:00Z\"}");

        browser.get(base + "/console/kiosks");
        awaitText("h2", "登录 · Sign in");
        browser.findElement(By.id("token")).sendKeys("demo-admin-token");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        awaitText("#fleet", KIOSK);
        WebElement failed = browser.findElement(By.xpath("//table[@id='fleet']//tr[td/a[text()='demo-kiosk-02']]"));
        assertTrue(cells(failed).get(6).contains("失败 failed") && cells(failed).get(6).contains("被拒绝 rejected"), cells(failed).toString());
        assertEquals("rgba(253, 226, 224, 1)", failed.findElements(By.tagName("td")).get(6).getCssValue("background-color"),
                "a failed config is red as well as said");

        browser.findElement(By.linkText(KIOSK)).click();
        awaitText("#config", "配置 · Config");
        assertTrue(browser.getPageSource().contains("No config was pushed for this kiosk"));
        browser.findElement(By.partialLinkText("Push a config to this kiosk")).click();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> "kiosk:demo-kiosk-01".equals(
                browser.findElement(By.id("target")).getDomProperty("value")));
        Path layer = signedFile("notice.signed.json", ConfigTarget.parse("kiosk:" + KIOSK),
                "notices:\n  - zh: 本周六正常办公\n    en: Open this Saturday\n", 1);
        browser.findElement(By.id("envelope")).sendKeys(layer.toString());
        browser.findElement(By.id("push")).click();
        awaitText("#verdict", "已推送 · Pushed kiosk:demo-kiosk-01 version 1");

        browser.findElement(By.partialLinkText("applies it")).click();
        awaitText("#layers", "kiosk:demo-kiosk-01");
        List<String> pending = cells(browser.findElement(By.cssSelector("#layers tbody tr")));
        assertEquals(List.of("kiosk:demo-kiosk-01", "1", "—", "待应用 pending"), pending.subList(0, 4));
        assertTrue(text("#differences").contains("本周六正常办公"), text("#differences"));
        screenshot("console-kiosk.png");

        HttpResponse<String> desired = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/kiosks/" + KIOSK + "/config/desired"))
                .header("Authorization", "Bearer demo-kiosk-token").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertTrue(desired.body().contains("本周六正常办公"), "the kiosk is handed the layer: " + desired.body());
        report(KIOSK, "demo-kiosk-token", "{\"target\":\"kiosk:demo-kiosk-01\",\"version\":1,\"status\":\"applied\",\"at\":\"2026-03-02T01:31:00Z\"}");
        reloadUntil("#layers tbody tr", "已应用 applied");
        assertTrue(text("#config").contains("已同步 in sync"), text("#config"));

        browser.findElement(By.linkText("推送配置 · Push config")).click();
        awaitText("h2", "推送配置 · Push a config");
        String signed = Files.readString(signedFile("v2.json", ConfigTarget.parse("kiosk:" + KIOSK),
                "notices:\n  - zh: 本周六正常办公\n", 2));
        Path forged = files.resolve("forged.signed.json");
        Files.writeString(forged, signed.replace("本周六正常办公", "本周六停止办公"));
        browser.findElement(By.id("target")).sendKeys("kiosk:" + KIOSK);
        browser.findElement(By.id("envelope")).sendKeys(forged.toString());
        browser.findElement(By.id("push")).click();
        awaitText("#verdict", "推送被拒绝 · Refused");
        assertTrue(text("#verdict").contains("does not match its signature"), text("#verdict"));
        assertEquals(1, app.store().configs().latest("kiosk:" + KIOSK), "the forged file was not pushed");

        browser.findElement(By.linkText("自助机总览 · Fleet")).click();
        awaitText("#fleet", "本机 own 1 / 1");
        screenshot("console-fleet.png");

        browser.findElement(By.id("sign-out")).click();
        awaitText("h2", "登录 · Sign in");
        browser.get(base + "/console/kiosks");
        awaitText("h2", "登录 · Sign in");
    }
}
