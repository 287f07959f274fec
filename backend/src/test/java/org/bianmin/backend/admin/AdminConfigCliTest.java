package org.bianmin.backend.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bianmin.backend.store.LayerReport;
import org.bianmin.backend.store.ReportStatus;
import org.bianmin.backend.store.Service;
import org.bianmin.config.signing.SignedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kiosk admin} for desired config, in-process against a real backend: keygen, key add, push (checked before it
 * is signed), status with the reason and the differences, history, revert, config show with origins, provisioning,
 * rollouts, and each failure in plain words.
 */
class AdminConfigCliTest extends DemoBackendAdminCli {
    @TempDir
    Path keys;

    /** A command that needs no backend. */
    int local(String... args) {
        return run(args);
    }

    /** Makes a key pair, registers it and makes it the one push signs with. */
    void adminKey() {
        assertEquals(0, local("keygen", "--out", keys.toString()), err);
        assertEquals(0, admin("key", "add", keys.resolve("admin-key.pub").toString()), err);
        env.put("KIOSK_ADMIN_KEY", keys.resolve("admin-key.pem").toString());
    }

    Path layer(String name, String yaml) throws Exception {
        Path file = data.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    void report(String target, long version, ReportStatus status, String reason, long running) {
        app.configs().report("demo-kiosk-01", List.of(new LayerReport(target, version, running, status, reason,
                java.time.Instant.parse("2026-03-02T01:30:00Z")))).join();
    }

    @Test
    void keygenWritesAPairThatOnlyItsOwnerCanReadAndNeverOverwritesIt() throws Exception {
        assertEquals(0, local("keygen", "--out", keys.toString()), err);
        assertTrue(out.startsWith("Admin key "), out);
        assertTrue(out.contains("./kiosk admin key add " + keys.resolve("admin-key.pub")), out);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("admin-key.pem"))));
        String before = Files.readString(keys.resolve("admin-key.pem"));
        assertEquals(2, local("keygen", "--out", keys.toString()));
        assertTrue(err.contains("already exists; an admin key is never overwritten"), err);
        assertEquals(before, Files.readString(keys.resolve("admin-key.pem")));
    }

    @Test
    void aLayerThatDoesNotCheckIsRefusedBeforeSigningWithEveryProblemNamed() throws Exception {
        adminKey();
        Path bad = layer("bad.yaml", "session:\n  timeouts:\n    home: fast\n  elderFacter: 2\nidentity:\n  kioskId: everyone\n");
        assertEquals(1, admin("push", "--to", "fleet", bad.toString()));
        assertEquals("", out);
        assertTrue(err.startsWith("kiosk admin: " + bad + " is not a valid layer (3 problems); nothing was signed or pushed:"), err);
        assertTrue(err.contains("  session.timeouts.home: fast — is text, expected a whole number"), err);
        assertTrue(err.contains("bad.yaml line 3)"), "the problem names the file and line: " + err);
        assertTrue(err.contains("  session.elderFacter: 2 — is not a known key; did you mean session.elderFactor?"), err);
        assertTrue(err.contains("  identity.kioskId: everyone — would give every kiosk of fleet the same id"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertEquals(0, app.store().configs().latest("fleet"), "nothing reached the backend");
    }

    @Test
    void aFileTheLayerNamesIsTheKiosksSoItNeedNotExistHereButMustBeNamedByItsAbsolutePath() throws Exception {
        adminKey();
        Path absolute = layer("ca.yaml", "backend:\n  caCertificates: [/etc/bianmin/extranet-ca.pem]\ntrustAnchors: [/etc/bianmin/anchor.pem]\n");
        assertEquals(0, admin("push", "--to", "fleet", absolute.toString()), err);
        assertTrue(out.startsWith("Pushed fleet version 1"), out);

        Path relative = layer("relative.yaml", "backend:\n  caCertificates: [certs/extranet-ca.pem]\n");
        assertEquals(1, admin("push", "--to", "fleet", relative.toString()));
        assertTrue(err.contains("backend.caCertificates[0]: certs/extranet-ca.pem — is a relative path; in a pushed layer write the "
                + "absolute path the file has on the kiosks, e.g. /etc/bianmin/extranet-ca.pem"), err);
        assertEquals(1, app.store().configs().latest("fleet"), "nothing more reached the backend");
    }

    @Test
    void pushSignsTheTargetsNextVersionAndStatusShowsWhatTheKioskRunsAgainstWhatItShould() throws Exception {
        adminKey();
        assertEquals(0, admin("push", "--to", "kiosk:demo-kiosk-01", layer("a.yaml", "session:\n  timeouts:\n    home: 90\n").toString()), err);
        assertTrue(out.startsWith("Pushed kiosk:demo-kiosk-01 version 1 (key "), out);
        assertTrue(out.contains("Every kiosk of kiosk:demo-kiosk-01 gets it now"), out);
        out.lines().forEach(l -> assertTrue(DisplayWidth.of(l) <= 80, "wider than 80 columns: " + l));
        report("kiosk:demo-kiosk-01", 1, ReportStatus.APPLIED, "applied; services: pestcide-licence is not offered to this kiosk by "
                + "the backend, so Home does not show it", 1);
        assertEquals(0, admin("status"), err);
        assertTrue(out.contains("demo-kiosk-01"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("demo-kiosk-01  in sync  never-seen  kiosk 1  示范镇")), out);
        assertTrue(out.contains("Noted by kiosks that applied a config:\n  kiosk:demo-kiosk-01 version 1, at demo-kiosk-01:\n"
                + "    services: pestcide-licence is not offered to this kiosk by the backend, so\n    Home does not show it\n"), out);

        assertEquals(0, admin("push", "--to", "kiosk:demo-kiosk-01", layer("b.yaml", "session:\n  timeouts:\n    home: 75\n").toString()), err);
        assertTrue(out.startsWith("Pushed kiosk:demo-kiosk-01 version 2"), out);
        report("kiosk:demo-kiosk-01", 2, ReportStatus.REVERTED, "health check failed after applying: receipt printer did not answer", 1);
        assertEquals(0, admin("status"), err);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("demo-kiosk-01  FAILED  never-seen  示范镇")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  kiosk:demo-kiosk-01") && l.contains("desired 2") && l.contains("running 1")
                && l.contains("reverted")), out);
        assertTrue(out.contains("    reason: health check failed after applying: receipt printer did not answer"), out);
        assertTrue(out.contains("  differs (running → desired):\n    session.timeouts.home: 90 → 75"), out);
        assertTrue(out.contains("1 kiosk: 0 in sync, 0 pending, 1 failed"), out);
        out.lines().forEach(l -> assertTrue(DisplayWidth.of(l) <= 80, "wider than 80 columns: " + l));

        assertEquals(0, admin("status", "--json"), err);
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals("failed", json.at("/kiosks/0/state").asText());
        assertEquals(75, json.at("/kiosks/0/differences/0/desired").asInt());
    }

    @Test
    void statusShowsAGuideNotYetRunningByItsValuesInBothLanguagesNotAsAnEmptyMappingGone() throws Exception {
        adminKey();
        assertEquals(0, admin("push", "--to", "kiosk:demo-kiosk-01", layer("a.yaml", "session:\n  timeouts:\n    home: 90\n").toString()), err);
        report("kiosk:demo-kiosk-01", 1, ReportStatus.APPLIED, null, 1);
        assertEquals(0, admin("push", "--to", "kiosk:demo-kiosk-01", layer("b.yaml", """
                guides:
                  si-participation-certificate:
                    materials: [{zh: 本人有效居民身份证, en: Your own valid resident ID card}, {zh: 户口簿}]
                """).toString()), err);
        assertEquals(0, admin("status"), err);
        assertTrue(out.contains("    guides.si-participation-certificate.materials: null → [本人有效居民身份证 /\n"
                + "      Your own valid resident ID card; 户口簿]"), out);
        assertFalse(out.contains("guides: {}"), out);
        out.lines().forEach(l -> assertTrue(DisplayWidth.of(l) <= 80, "wider than 80 columns: " + l));
    }

    @Test
    void revertReSignsAnOlderVersionsConfigAsTheNextVersionAndHistoryShowsIt() throws Exception {
        adminKey();
        admin("push", "--to", "fleet", layer("a.yaml", "session:\n  timeouts:\n    home: 90\n").toString());
        admin("push", "--to", "fleet", layer("b.yaml", "session:\n  timeouts:\n    home: 75\n").toString());
        assertEquals(0, admin("revert", "--target", "fleet", "--to", "1"), err);
        assertTrue(out.startsWith("Reverted to the config of version 1: pushed fleet version 3"), out);
        assertEquals(90, app.configs().tree("fleet", 3).at("/session/timeouts/home").asInt());

        assertEquals(0, admin("history", "--target", "fleet"), err);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(2).contains("fleet") && lines.get(2).contains("3") && lines.get(2).contains("demo-admin")
                && lines.get(2).endsWith("(revert to 1)"), out);
        assertTrue(lines.get(4).contains("fleet") && lines.get(4).contains(" 1 "), out);
        assertEquals(1, admin("revert", "--target", "fleet", "--to", "9"));
        assertTrue(err.contains("no version 9 of fleet was pushed"), err);
    }

    @Test
    void aPushOrRevertNamingAServiceTheKioskDoesNotOfferPrintsAWrappedWarningAfterThePushAndStillSucceeds() throws Exception {
        adminKey();
        Path typo = layer("typo.yaml", "services: [si-participation-certificate, pestcide-licence]\n");
        assertEquals(0, admin("push", "--to", "kiosk:demo-kiosk-01", typo.toString()), err);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).startsWith("Pushed kiosk:demo-kiosk-01 version 1 (key "), out);
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("warning: ")).findFirst().orElseThrow());
        assertTrue(first > 0, out);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("warning: ")).count(), "one warning, one code: " + out);
        String warning = String.join(" ", lines.subList(first, lines.size()).stream().map(String::strip).toList());
        assertEquals("warning: services: 'pestcide-licence' is not offered at demo-kiosk-01 (it offers si-participation-certificate, "
                + "business-licence, pesticide-licence, breeding-livestock-licence), so its Home will not show it; check the code: "
                + "did you mean 'pesticide-licence'?", warning);
        lines.subList(first + 1, lines.size()).forEach(l -> assertTrue(l.startsWith("         ") && !l.isBlank(), "indented: " + out));
        lines.subList(first, lines.size()).forEach(l -> assertTrue(DisplayWidth.of(l) <= 80, "wider than 80 columns: " + l));
        assertEquals("", err);

        assertEquals(0, admin("push", "--to", "kiosk:demo-kiosk-01", layer("clean.yaml", "services: [business-licence]\n").toString()), err);
        assertFalse(out.contains("warning"), out);
        assertEquals(0, admin("revert", "--target", "kiosk:demo-kiosk-01", "--to", "1"), err);
        assertTrue(out.startsWith("Reverted to the config of version 1: pushed kiosk:demo-kiosk-01 version 3"), out);
        assertTrue(out.contains("\nwarning: services: 'pestcide-licence' is not offered at demo-kiosk-01"), "a revert warns too: " + out);
    }

    @Test
    void signWritesAnEnvelopeWithoutPushingItAsTheNextVersionOrTheOneGivenWithNoBackend() throws Exception {
        adminKey();
        Path layer = layer("beat.yaml", "backend:\n  heartbeatInterval: 30\n");
        Path signed = data.resolve("beat.signed.json");
        assertEquals(0, admin("sign", "--to", "kiosk:demo-kiosk-01", layer.toString(), "--out", signed.toString()), err);
        assertTrue(out.startsWith("Signed kiosk:demo-kiosk-01 version 1 (key "), out);
        assertTrue(out.contains("nothing was pushed"), out);
        assertEquals(0, app.store().configs().latest("kiosk:demo-kiosk-01"), "signing pushes nothing");
        SignedConfig envelope = SignedConfig.parse(Files.readAllBytes(signed));
        assertEquals(1, envelope.version());
        assertEquals(30, envelope.config().path("backend").path("heartbeatInterval").asInt());
        app.configs().push(Files.readAllBytes(signed), "demo-admin", null, null, null);
        assertEquals(1, app.store().configs().latest("kiosk:demo-kiosk-01"), "the backend takes the file as signed");

        Path offline = data.resolve("offline.signed.json");
        String[] noBackend = {"sign", "--to", "kiosk:demo-kiosk-01", layer.toString(), "--out", offline.toString(), "--version", "7",
                "--backend", "http://127.0.0.1:1"};
        assertEquals(0, run(noBackend), err);
        assertEquals(7, SignedConfig.parse(Files.readAllBytes(offline)).version(), "with --version no backend is asked");

        assertEquals(2, admin("sign", "--to", "fleet", layer.toString(), "--out", layer.toString()));
        assertTrue(err.contains("is the layer itself; write the signed envelope to another file"), err);
        Path bad = layer("bad.yaml", "backend:\n  heartbeatInterval: often\n");
        assertEquals(1, admin("sign", "--to", "fleet", bad.toString(), "--out", data.resolve("bad.json").toString()));
        assertTrue(err.contains("nothing was signed or pushed"), err);
        assertFalse(Files.exists(data.resolve("bad.json")));
    }

    @Test
    void configShowGivesEveryValueOfTheMergedConfigItsOrigin() throws Exception {
        adminKey();
        assertEquals(0, admin("group", "add", "east-county"), err);
        assertEquals(0, admin("kiosk", "groups", "demo-kiosk-01", "--group", "east-county"), err);
        assertTrue(out.contains("Kiosk demo-kiosk-01 is in east-county"), out);
        admin("push", "--to", "group:east-county", layer("g.yaml", "session:\n  timeouts:\n    home: 70\n    guide: 120\n").toString());
        admin("push", "--to", "kiosk:demo-kiosk-01", layer("k.yaml", "session:\n  timeouts:\n    home: 90\n").toString());
        assertEquals(0, admin("config", "show", "--kiosk", "demo-kiosk-01"), err);
        assertTrue(out.startsWith("Config of demo-kiosk-01 (groups: east-county; layers: group:east-county v1 < kiosk:demo-kiosk-01 v1):"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("session.timeouts.home: 90 ") && l.endsWith("← kiosk:demo-kiosk-01 version 1")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("session.timeouts.guide: 120 ") && l.endsWith("← group:east-county version 1")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("languages.default: zh-CN ") && l.contains("← default (config/kiosk.yaml line")), out);
    }

    @Test
    void configShowPrintsAGuideChangeFieldByFieldEachListItemOnItsOwnLineAndLongTextsWhole() throws Exception {
        adminKey();
        admin("group", "add", "east-county");
        admin("kiosk", "groups", "demo-kiosk-01", "--group", "east-county");
        assertEquals(0, admin("push", "--to", "group:east-county", layer("g.yaml", """
                guides:
                  si-participation-certificate:
                    materials:
                      - zh: 本人有效居民身份证
                        en: Your own valid resident ID card
                      - zh: 户口簿
                    note:
                      zh: 本镇社保所在镇政府一楼，电话 0000-0000000，工作日 9:00–17:00
                """).toString()), err);
        assertEquals(0, admin("push", "--to", "kiosk:demo-kiosk-01", layer("k.yaml", """
                guides:
                  si-participation-certificate:
                    timeLimit:
                      zh: 即时办结
                """).toString()), err);

        assertEquals(0, admin("config", "show", "--kiosk", "demo-kiosk-01"), err);

        List<String> lines = out.lines().toList();
        int materials = lines.indexOf(lines.stream().filter(l -> l.startsWith("guides.si-participation-certificate.materials: 2 items"))
                .findFirst().orElseThrow(() -> new AssertionError(out)));
        assertEquals(List.of("    ← group:east-county version 1", "    - 本人有效居民身份证 / Your own valid resident ID card", "    - 户口簿"),
                lines.subList(materials + 1, materials + 4), out);
        int timeLimit = lines.indexOf("guides.si-participation-certificate.timeLimit.zh: 即时办结");
        assertEquals("    ← kiosk:demo-kiosk-01 version 1", lines.get(timeLimit + 1), out);
        assertTrue(out.contains("0000-0000000，工作日 9:00–17:00\n    ← group:east-county version 1"), "the note whole, over two lines: " + out);
        assertTrue(lines.stream().skip(1).allMatch(l -> DisplayWidth.of(l) <= AdminCli.WIDTH), "each value within 80 columns: " + out);
    }

    @Test
    void kioskAddPrintsTheTokenOnceAndTheKioskCanUseIt() {
        assertEquals(0, admin("group", "add", "pilot-halls"), err);
        assertEquals(0, admin("kiosk", "add", "hall-07", "--name", "七号便民服务中心", "--group", "pilot-halls"), err);
        assertTrue(out.startsWith("Kiosk hall-07 registered in pilot-halls. Its token (shown once; only its hash is kept):"), out);
        String token = out.lines().toList().get(1).strip();
        assertEquals("hall-07", app.authenticator().authenticate("Bearer " + token).id());
        assertEquals(List.of("pilot-halls"), app.store().groups().of("hall-07"));
        List<String> catalog = app.store().services().codes();
        assertFalse(catalog.isEmpty());
        assertEquals(catalog, app.store().services().offeredAt("hall-07").stream().map(Service::code).toList(),
                "a new kiosk offers the whole catalog, so its Home is not empty");
        assertTrue(out.contains("It offers " + catalog.size() + " services: " + String.join(", ", catalog)), out);
        assertEquals(0, admin("group", "list"), err);
        assertTrue(out.contains("pilot-halls (1 kiosk): hall-07"), out);
        assertEquals(1, admin("kiosk", "add", "hall-07", "--name", "again"));
        assertTrue(err.contains("the backend refused: kiosk hall-07 is already registered"), err);
    }

    @Test
    void aStagedPushIsFollowedInStatusAndCanBeAborted() throws Exception {
        adminKey();
        admin("group", "add", "pilot-halls");
        for (int i = 1; i <= 4; i++) {
            admin("kiosk", "add", "hall-0" + i, "--name", "Hall " + i, "--group", "pilot-halls");
        }
        assertEquals(0, admin("push", "--to", "group:pilot-halls", "--stage", "25", "--stop-on-failures", "2",
                layer("a.yaml", "session:\n  timeouts:\n    home: 90\n").toString()), err);
        assertTrue(out.contains("Staged: wave 1 released to 1 of 4 kiosks (25% a wave; halts at 2 failed)"), out);
        assertEquals(0, admin("status"), err);
        assertTrue(out.contains("Rollouts:\n  group:pilot-halls version 1, running (demo-admin, "), out);
        assertTrue(out.contains("\n    1 of 4 released, 1 wave of 25%: 0 applied, 0 failed (halt at 2), 1 waiting\n"), out);
        assertTrue(out.contains("hall-01  in sync  never-seen  no layers  Hall 1"), "not yet released: nothing to run " + out);
        assertTrue(out.contains("waiting for 1 released kiosks to report"), out);
        assertEquals(0, admin("rollout", "abort", "--target", "group:pilot-halls"), err);
        assertTrue(out.startsWith("Aborted the rollout of group:pilot-halls version 1: aborted: 1 of 4 released, 1 wave of 25%"), out);
        assertEquals(1, admin("rollout", "resume", "--target", "group:pilot-halls"));
        assertTrue(err.contains("no rollout of group:pilot-halls is halted"), err);
    }

    @Test
    void eachMistakeIsOneLineThatSaysWhatToDo() throws Exception {
        Path file = layer("a.yaml", "session:\n  timeouts:\n    home: 90\n");
        assertEquals(2, admin("push", "--to", "fleet", file.toString()));
        assertTrue(err.startsWith("kiosk admin: no admin key to sign with: pass --key FILE or set KIOSK_ADMIN_KEY"), err);
        assertEquals(0, local("keygen", "--out", keys.toString()), err);
        assertEquals(1, admin("push", "--to", "fleet", "--key", keys.resolve("admin-key.pem").toString(), file.toString()));
        assertTrue(err.contains("the backend refused: The config for fleet, version 1, is signed with key "), err);
        assertTrue(err.contains("./kiosk admin key add FILE.pub"), err);
        assertEquals(2, admin("push", "--to", "everyone", "--key", keys.resolve("admin-key.pem").toString(), file.toString()));
        assertTrue(err.contains("'everyone' is not a config target; write kiosk:ID, group:NAME or fleet"), err);
        assertEquals(2, admin("push", "--to", "kiosk:demo-kiosk-01", "--stage", "10", file.toString()));
        assertTrue(err.contains("--stage is for group:NAME or fleet"), err);
        assertEquals(2, admin("push", "--to", "fleet", "--key", keys.resolve("admin-key.pub").toString(), file.toString()));
        assertTrue(err.contains("a public key where a private key is needed"), err);
        assertEquals(2, admin("kiosk", "add", "hall-01"));
        assertTrue(err.contains("Missing required option: '--name=NAME'") && err.contains("./kiosk admin kiosk add --help"), err);
        for (String line : err.lines().toList()) {
            assertFalse(line.contains("Exception"), err);
        }
    }
}
