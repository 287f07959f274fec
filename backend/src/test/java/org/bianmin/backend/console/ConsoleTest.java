package org.bianmin.backend.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/** The web console over real HTTP, as a browser without JavaScript uses it: sign in, the fleet page, a kiosk's page. */
class ConsoleTest {
    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    @TempDir
    Path data;
    final TestClock clock = new TestClock(T0);
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    BackendApp app;

    @BeforeEach
    void start() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true), clock).start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String form, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Signs in with {@code token} and returns the session cookie as a browser would send it back. */
    String signIn(String token) throws Exception {
        HttpResponse<String> r = login(token);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/console/kiosks", r.headers().firstValue("Location").orElse(""));
        return ConsoleClient.cookieOf(r);
    }

    /** Opens the sign-in form and sends it with {@code token}, as a browser does. */
    HttpResponse<String> login(String token) throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        return post("/console/login", FormToken.FIELD + "=" + ConsoleClient.tokenIn(form.body()) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), ConsoleClient.cookieOf(form));
    }

    void beat(String kioskId, String json) throws Exception {
        app.fleet().report(kioskId, Json.mapper().readValue(json, Heartbeat.class));
    }

    @Test
    void signingInWithAnAdminTokenSetsAStrictHttpOnlyCookieForTheConsoleOnly() throws Exception {
        HttpResponse<String> r = login("demo-admin-token");
        assertEquals(303, r.statusCode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("bianmin_console="), cookie);
        assertTrue(cookie.contains("; Path=/console;") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict"), cookie);
        assertFalse(cookie.contains("demo-admin-token"), "the cookie is a session id, not the token");
    }

    @Test
    void withoutASessionEveryPageSendsTheBrowserToTheSignInForm() throws Exception {
        for (String path : new String[] {"/console/kiosks", "/console/kiosks/demo-kiosk-01"}) {
            HttpResponse<String> r = get(path, null);
            assertEquals(303, r.statusCode(), path);
            assertEquals("/console/login", r.headers().firstValue("Location").orElse(""), path);
        }
        HttpResponse<String> form = get("/console/login", null);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("<form method=\"post\" action=\"/console/login\"><input type=\"hidden\" name=\"_csrf\""),
                form.body());
        assertTrue(form.headers().firstValue("Content-Type").orElse("").contains("charset=utf-8"));
    }

    @Test
    void aKioskTokenOrAnUnknownTokenIsRefusedOnTheFormWithTheReason() throws Exception {
        HttpResponse<String> kiosk = login("demo-kiosk-token");
        assertEquals(403, kiosk.statusCode());
        assertTrue(kiosk.body().contains("This is a kiosk token; the console takes an admin token"), kiosk.body());
        assertFalse(kiosk.headers().firstValue("Set-Cookie").orElse("").startsWith(Console.COOKIE + "="), "no session");
        HttpResponse<String> unknown = login("no-such-token-000");
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("belongs to no admin"), unknown.body());
    }

    @Test
    void theFleetPageShowsEachKioskWithItsStatusInWordsAndColourAndRefreshesItself() throws Exception {
        app.authenticator().register(new Kiosk("kiosk-two", "乙镇便民服务中心"));
        app.authenticator().register(new Kiosk("kiosk-three", "丙镇便民服务中心"));
        beat("kiosk-three", HeartbeatJson.healthy().json());
        clock.advance(Duration.ofMinutes(2));
        beat("demo-kiosk-01", HeartbeatJson.printerFailing().json());
        HttpResponse<String> r = get("/console/kiosks", signIn("demo-admin-token"));
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"10\">"), html);
        assertTrue(html.contains("<tr class=\"failing\"><td><a href=\"/console/kiosks/demo-kiosk-01\">demo-kiosk-01</a>"), html);
        assertTrue(html.contains("示范镇便民服务中心 1号自助机"), html);
        assertTrue(html.contains("故障 failing: receipt-printer"), html);
        assertTrue(html.contains("<tr class=\"offline\"><td><a href=\"/console/kiosks/kiosk-three\">kiosk-three</a><br>丙镇便民服务中心"), html);
        assertTrue(html.contains("离线 offline"), html);
        assertTrue(html.contains("<tr class=\"never-seen\"><td><a href=\"/console/kiosks/kiosk-two\">kiosk-two</a>"), html);
        assertTrue(html.contains("从未上线 never seen"), html);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    }

    @Test
    void aKioskRemovedFromTheFleetLeavesTheFleetPageAndItsOwnPageSaysSo() throws Exception {
        app.authenticator().register(new Kiosk("kiosk-two", "乙镇便民服务中心"));
        beat("kiosk-two", HeartbeatJson.healthy().json());
        app.configs().removeKiosk("kiosk-two", "demo-admin");
        String cookie = signIn("demo-admin-token");
        String html = get("/console/kiosks", cookie).body();
        assertFalse(html.contains("kiosk-two"), html);
        assertTrue(html.contains("demo-kiosk-01"), html);
        HttpResponse<String> page = get("/console/kiosks/kiosk-two", cookie);
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("kiosk kiosk-two was removed from the fleet on 2026-03-02 09:30 (Beijing time)"), page.body());
    }

    @Test
    void aKiosksPageShowsItsDevicesAndItsHistoryWithTheChangeInHealth() throws Exception {
        beat("demo-kiosk-01", HeartbeatJson.healthy().json());
        clock.advance(Duration.ofSeconds(10));
        beat("demo-kiosk-01", HeartbeatJson.printerFailing().json());
        HttpResponse<String> r = get("/console/kiosks/demo-kiosk-01", signIn("demo-admin-token"));
        assertEquals(200, r.statusCode(), r.body());
        String html = r.body();
        assertTrue(html.contains("<strong>LNK-06</strong> no answer after 3 tries"), html);
        assertTrue(html.contains("receipts 12, errors 1, power-cycles 0, recoveries 0"), html);
        assertTrue(html.contains("<tr class=\"changed\"><td>2026-03-02 09:30:10</td>"), html);
        assertTrue(html.contains("<strong>receipt-printer: ok → failing (LNK-06)</strong>"), html);
        assertTrue(html.contains("暂停的服务 · Services out: si-participation-certificate"), html);
        assertEquals(404, get("/console/kiosks/no-such-kiosk", signIn("demo-admin-token")).statusCode());
    }

    @Test
    void aHostileKioskNameIsShownAsTextNeverAsMarkup() throws Exception {
        String hostile = "<script>alert('x')</script>\"&<img src=x onerror=alert(1)>";
        app.authenticator().register(new Kiosk("kiosk-evil", hostile));
        String cookie = signIn("demo-admin-token");
        for (String path : new String[] {"/console/kiosks", "/console/kiosks/kiosk-evil"}) {
            String html = get(path, cookie).body();
            assertFalse(html.contains("<script>") || html.contains("<img"), path + ": " + html);
            assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;&lt;img src=x onerror=alert(1)&gt;"),
                    path + ": " + html);
        }
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        String cookie = signIn("demo-admin-token");
        HttpResponse<String> page = get("/console/kiosks", cookie);
        assertEquals(200, page.statusCode());
        HttpResponse<String> forged = post("/console/logout", "", cookie);
        assertEquals(403, forged.statusCode(), "a sign-out posted from another site lacks the form token");
        assertEquals(200, get("/console/kiosks", cookie).statusCode(), "and leaves the session alone");
        HttpResponse<String> out = post("/console/logout", FormToken.FIELD + "=" + ConsoleClient.tokenIn(page.body()), cookie);
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        assertEquals(303, get("/console/kiosks", cookie).statusCode(), "the old cookie no longer works");
    }

    @Test
    void aSignInPostedWithoutTheFormsOwnCookieIsRefusedAndGivesAFreshForm() throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        HttpResponse<String> r = post("/console/login", FormToken.FIELD + "=" + ConsoleClient.tokenIn(form.body())
                + "&token=demo-admin-token", null);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("The sign-in form expired or came from another page"), r.body());
        assertTrue(ConsoleClient.cookieOf(r).startsWith(Console.LOGIN_COOKIE + "="), "the new form brings its own cookie");
        HttpResponse<String> again = post("/console/login", FormToken.FIELD + "=" + ConsoleClient.tokenIn(r.body())
                + "&token=demo-admin-token", ConsoleClient.cookieOf(r));
        assertEquals(303, again.statusCode(), "signing in from the fresh form works");
    }

    @Test
    void aSessionExpiresAfterThirtyIdleMinutes() throws Exception {
        String cookie = signIn("demo-admin-token");
        clock.advance(Console.IDLE.minusMinutes(1));
        assertEquals(200, get("/console/kiosks", cookie).statusCode(), "a request within the idle time keeps it");
        clock.advance(Console.IDLE.plusSeconds(1));
        assertEquals(303, get("/console/kiosks", cookie).statusCode());
    }
}
