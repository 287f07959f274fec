package org.bianmin.backend.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.store.LayerReport;
import org.bianmin.backend.store.ReportStatus;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's config pages over real HTTP, as a browser without JavaScript uses them: desired against running in the
 * fleet table and on a kiosk's page, pushing an uploaded envelope with the backend's verdict in words, reverting through
 * a re-signed upload, and no change from a form that lacks the session's token.
 */
class ConsoleConfigTest {
    static final String KIOSK = "demo-kiosk-01";
    static final ConfigTarget TARGET = ConfigTarget.parse("kiosk:" + KIOSK);
    static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    @TempDir
    Path data;
    BackendApp app;
    ConsoleClient console;
    final AdminKeyPair key = AdminKeyPair.read(Path.of("../config/demo-admin-key.pem"));

    @BeforeEach
    void start() throws Exception {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true)).start();
        console = new ConsoleClient(app.port());
        assertEquals(303, console.signIn("demo-admin-token").statusCode());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    byte[] signed(String yaml, long version) {
        return SignedConfig.sign(ConfigLayer.fromYaml("test", data, yaml).tree(), TARGET, version, key.privateKey()).toJson();
    }

    void pushed(String yaml, long version) {
        app.configs().push(signed(yaml, version), "demo-admin", null, null, null);
    }

    void report(long version, ReportStatus status, String reason, long running) {
        app.configs().report(KIOSK, List.of(new LayerReport(TARGET.toString(), version, running, status, reason, AT))).join();
    }

    HttpResponse<String> upload(Map<String, String> fields, byte[] file) throws Exception {
        console.get("/console/push");
        return console.upload("/console/push", fields, "envelope", "layer.signed.json", file);
    }

    @Test
    void theFleetTableShowsEachLayersDesiredAndRunningVersionAndARejectedConfigInWordsAndRed() throws Exception {
        pushed("backend:\n  heartbeatInterval: 30\n", 1);
        report(1, ReportStatus.APPLIED, null, 1);
        pushed("backend:\n  heartbeatInterval: 20\n", 2);
        report(2, ReportStatus.REJECTED, "signed with key 0123abcd, which this kiosk does not trust <img src=x>", 1);
        String html = console.get("/console/kiosks").body();
        assertTrue(html.contains("<tr class=\"failing\"><td><a href=\"/console/kiosks/demo-kiosk-01\">"), html);
        assertTrue(html.contains("<td class=\"config-versions\">本机 own 2 / 1<br></td>"), html);
        assertTrue(html.contains("<td class=\"config-failed\"><span class=\"bad\">失败 failed</span><br>本机 own 2: "
                + "<span class=\"bad\">被拒绝 rejected</span> — signed with key 0123abcd, which this kiosk does not trust &lt;img src=x&gt;"),
                html);
        assertTrue(html.contains("1 with a failed config"), html);

        report(2, ReportStatus.APPLIED, null, 2);
        html = console.get("/console/kiosks").body();
        assertTrue(html.contains("本机 own 2 / 2") && html.contains("<td class=\"config-ok\"><span class=\"good\">已同步 in sync</span>"), html);
    }

    @Test
    void aKiosksPageShowsEachDifferingValueDesiredAndRunningWithTheirOriginsAndTheConfigHistory() throws Exception {
        pushed("backend:\n  heartbeatInterval: 30\nnotices:\n  - zh: <b>今日停电</b>\n", 1);
        report(1, ReportStatus.APPLIED, null, 1);
        pushed("backend:\n  heartbeatInterval: 20\nnotices:\n  - zh: <b>今日停电</b>\n", 2);
        String html = console.get("/console/kiosks/" + KIOSK).body();
        assertTrue(html.contains("<span class=\"warn\">待应用 pending</span>"), html);
        assertTrue(html.contains("<tr class=\"warning\"><td>kiosk:demo-kiosk-01</td><td><a href=\"/console/layers/kiosk:demo-kiosk-01/2\">2</a>"
                + "</td><td>1</td><td><span class=\"warn\">待应用 pending</span>"), html);
        assertTrue(html.contains("1 个值不同 · 1 value differs."), html);
        assertTrue(html.contains("<tr class=\"differs\"><td class=\"key\"><code>backend.heartbeatInterval</code></td><td><code>20</code></td>"
                + "<td>kiosk:demo-kiosk-01 version 2</td><td><code>30</code></td><td>kiosk:demo-kiosk-01 version 1</td></tr>"), html);
        assertTrue(html.contains("<td class=\"key\"><code>backend.connectTimeout</code></td><td><code>5</code></td><td>default (config/kiosk.yaml line "),
                "every value, with the defaults' origin: " + html);
        assertTrue(html.contains("<ol class=\"texts\"><li>&lt;b&gt;今日停电&lt;/b&gt;</li></ol>"),
                "a list of texts one item a line, as text, never markup: " + html);
        assertFalse(html.contains("<b>今日停电"), html);
        assertTrue(html.contains("<table id=\"config-history\">"), html);
        assertTrue(html.indexOf("<a href=\"/console/layers/kiosk:demo-kiosk-01/2\">2</a></td><td>demo-admin")
                < html.indexOf("<a href=\"/console/layers/kiosk:demo-kiosk-01/1\">1</a></td><td>demo-admin"), "newest first: " + html);
    }

    @Test
    void whatAKioskNotedOfAConfigItAppliedIsOnItsPage() throws Exception {
        pushed("services: [pestcide-licence, business-licence]\n", 1);
        report(1, ReportStatus.APPLIED, "applied; services: pestcide-licence is not offered to this kiosk by the backend, so Home "
                + "does not show it <i>", 1);

        String html = console.get("/console/kiosks/" + KIOSK).body();

        assertTrue(html.contains("<span class=\"good\">已应用 applied</span></td><td>applied; services: pestcide-licence is not "
                + "offered to this kiosk by the backend, so Home does not show it &lt;i&gt;</td>"), html);
    }

    @Test
    void anUploadedEnvelopeIsPushedAndEachRefusalIsSaidInPlainWords() throws Exception {
        HttpResponse<String> ok = upload(Map.of("target", TARGET.toString()), signed("backend:\n  heartbeatInterval: 30\n", 1));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("<strong>已推送 · Pushed</strong> kiosk:demo-kiosk-01 version 1"), ok.body());
        assertTrue(ok.body().contains("gets it now; kiosks that are offline get it when they come back"), ok.body());
        assertEquals(1, app.store().configs().latest(TARGET.toString()));

        HttpResponse<String> replay = upload(Map.of("target", TARGET.toString()), signed("backend:\n  heartbeatInterval: 30\n", 1));
        assertEquals(409, replay.statusCode());
        assertTrue(replay.body().contains("kiosk:demo-kiosk-01 is at version 1 already; a push must carry a higher version (2)"),
                replay.body());

        String forged = new String(signed("backend:\n  heartbeatInterval: 30\n", 2), StandardCharsets.UTF_8)
                .replace("\"heartbeatInterval\":30", "\"heartbeatInterval\":5");
        HttpResponse<String> bad = upload(Map.of("target", TARGET.toString()), forged.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("签名不符：文件在签名后被改动，或是伪造的 · Refused: The config for kiosk:demo-kiosk-01, version 2, "
                + "does not match its signature"), bad.body());

        AdminKeyPair stranger = AdminKeyPair.generate();
        byte[] unknown = SignedConfig.sign(ConfigLayer.fromYaml("t", data, "backend:\n  retries: 1\n").tree(), TARGET, 2,
                stranger.privateKey()).toJson();
        HttpResponse<String> notRegistered = upload(Map.of("target", TARGET.toString()), unknown);
        assertEquals(422, notRegistered.statusCode());
        assertTrue(notRegistered.body().contains("签名密钥未在后台登记") && notRegistered.body().contains("which is not registered here"),
                notRegistered.body());

        HttpResponse<String> elsewhere = upload(Map.of("target", "fleet"), signed("backend:\n  retries: 1\n", 2));
        assertEquals(400, elsewhere.statusCode());
        assertTrue(elsewhere.body().contains("This file is signed for kiosk:demo-kiosk-01, not for fleet, so nothing was pushed"),
                elsewhere.body());

        HttpResponse<String> yaml = upload(Map.of("target", TARGET.toString()), "backend:\n  retries: 1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, yaml.statusCode());
        assertTrue(yaml.body().contains("This file is not a signed config, so nothing was pushed"), yaml.body());
        assertTrue(yaml.body().contains("value=\"kiosk:demo-kiosk-01\""), "the form keeps the target: " + yaml.body());

        HttpResponse<String> huge = upload(Map.of("target", TARGET.toString()), new byte[SignedConfig.MAX_BYTES + 1]);
        assertTrue(huge.statusCode() == 400 || huge.statusCode() == 413, huge.statusCode() + " " + huge.body());
        assertTrue(huge.body().contains("a signed config is at most 1048576 bytes"), huge.body());
        // a wrong file of 20 MiB, sent at once as a browser sends it: the page with the reason every time, not a reset
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> huger = upload(Map.of("target", TARGET.toString()), new byte[20 * SignedConfig.MAX_BYTES]);
            assertTrue(huger.statusCode() == 400 || huger.statusCode() == 413, huger.statusCode() + " " + huger.body());
            assertTrue(huger.body().contains("The form was too large or could not be read, so nothing was done; a signed config is "
                    + "at most 1048576 bytes"), huger.body());
        }

        HttpResponse<String> stage = upload(Map.of("target", TARGET.toString(), "stage", "half"), signed("backend:\n  retries: 1\n", 2));
        assertEquals(400, stage.statusCode());
        assertTrue(stage.body().contains("&#39;half&#39; is not a whole number"), stage.body());
        assertEquals(1, app.store().configs().latest(TARGET.toString()), "no refused upload was pushed");
    }

    @Test
    void aPushNamingServicesTheKioskDoesNotOfferShowsEachWarningAsTextBesideThePushedMessage() throws Exception {
        HttpResponse<String> ok = upload(Map.of("target", TARGET.toString()),
                signed("services: [pestcide-licence, \"<img src=x>\"]\n", 1));
        assertEquals(200, ok.statusCode(), ok.body());
        String html = ok.body();
        assertTrue(html.contains("<strong>已推送 · Pushed</strong> kiosk:demo-kiosk-01 version 1"), html);
        assertTrue(html.indexOf("id=\"verdict\"") < html.indexOf("<div class=\"warnings\" role=\"alert\" id=\"warnings\">"), html);
        assertTrue(html.contains("<li>services: &#39;pestcide-licence&#39; is not offered at demo-kiosk-01 (it offers "
                + "si-participation-certificate, business-licence, pesticide-licence, breeding-livestock-licence), so its Home will not "
                + "show it; check the code: did you mean &#39;pesticide-licence&#39;?</li>"), html);
        assertTrue(html.contains("<li>services: &#39;&lt;img src=x&gt;&#39; is not offered at demo-kiosk-01"), html);
        assertFalse(html.contains("<img src=x>"), "a code is text, never markup: " + html);

        HttpResponse<String> clean = upload(Map.of("target", TARGET.toString()), signed("services: [business-licence]\n", 2));
        assertEquals(200, clean.statusCode(), clean.body());
        assertFalse(clean.body().contains("id=\"warnings\""), clean.body());
    }

    @Test
    void aFormWithoutTheSessionsTokenChangesNothing() throws Exception {
        console.get("/console/push");
        String token = console.formToken;
        console.formToken = null;
        HttpResponse<String> none = console.upload("/console/push", Map.of("target", TARGET.toString()), "envelope", "x.json",
                signed("backend:\n  retries: 1\n", 1));
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("This form expired or came from another page, so nothing was done"), none.body());

        ConsoleClient other = new ConsoleClient(app.port());
        other.signIn("demo-admin-token");
        console.formToken = other.formToken;
        HttpResponse<String> another = console.upload("/console/push", Map.of("target", TARGET.toString()), "envelope", "x.json",
                signed("backend:\n  retries: 1\n", 1));
        assertEquals(403, another.statusCode(), "a token of another session does not do");
        assertEquals(0, app.store().configs().latest(TARGET.toString()));

        console.formToken = token;
        assertEquals(200, console.upload("/console/push", Map.of("target", TARGET.toString()), "envelope", "x.json",
                signed("backend:\n  retries: 1\n", 1)).statusCode());
    }

    @Test
    void aVersionsPageGivesTheRevertCommandAndItsYamlWhichSignedAgainRevertsThroughTheConsole() throws Exception {
        pushed("backend:\n  heartbeatInterval: 30\nnotices:\n  - zh: \"yes\"\n    en: '010'\n", 1);
        pushed("backend:\n  heartbeatInterval: 20\n", 2);
        HttpResponse<String> page = console.get("/console/layers/kiosk:demo-kiosk-01/1");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("./kiosk admin revert --backend http://127.0.0.1:" + app.port()
                + " --target kiosk:demo-kiosk-01 --to 1"), page.body());
        assertTrue(page.body().contains("./kiosk admin sign --to kiosk:demo-kiosk-01 --version 3 kiosk-demo-kiosk-01-v1.yaml"), page.body());

        HttpResponse<String> yaml = console.get("/console/layers/kiosk:demo-kiosk-01/1/yaml");
        assertEquals(200, yaml.statusCode());
        assertEquals("attachment; filename=\"kiosk-demo-kiosk-01-v1.yaml\"", yaml.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(yaml.body().startsWith("# kiosk:demo-kiosk-01 version 1, pushed "), yaml.body());
        byte[] resigned = SignedConfig.sign(ConfigLayer.fromYaml("download", data, yaml.body()).tree(), TARGET, 3, key.privateKey()).toJson();

        console.get("/console/layers/kiosk:demo-kiosk-01/1");
        HttpResponse<String> reverted = console.upload("/console/push", Map.of("target", TARGET.toString(), "revertOf", "1"),
                "envelope", "revert.json", resigned);
        assertEquals(200, reverted.statusCode(), reverted.body());
        assertTrue(reverted.body().contains("kiosk:demo-kiosk-01 version 3（回退到版本 1 的内容"), reverted.body());
        assertEquals(app.configs().tree(TARGET.toString(), 1), app.configs().tree(TARGET.toString(), 3));
        assertTrue(console.get("/console/kiosks/" + KIOSK).body().contains("revert to version 1"));

        HttpResponse<String> notTheSame = upload(Map.of("target", TARGET.toString(), "revertOf", "1"),
                signed("backend:\n  heartbeatInterval: 20\n", 4));
        assertEquals(400, notTheSame.statusCode());
        assertTrue(notTheSame.body().contains("version 4 does not carry the config of version 1"), notTheSame.body());
        assertEquals(404, console.get("/console/layers/kiosk:demo-kiosk-01/9").statusCode());
        assertEquals(404, console.get("/console/layers/nonsense/1").statusCode());
    }
}
