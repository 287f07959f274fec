package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.testAnchor;
import static org.bianmin.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A partial file, or a value set by program, overrides the defaults key by key and leaves the rest alone. */
class LayeringTest {
    private static final String GROUP_GUIDES = """
            guides:
              si-participation-certificate:
                materials:
                  - zh: 本人有效居民身份证
                  - zh: 户口簿
                note:
                  zh: 本镇社保所在镇政府一楼
                  en: "Social insurance office: township government, ground floor"
              business-licence:
                timeLimit:
                  zh: 即时办结
            """;

    @TempDir
    Path dir;

    @Test
    void aPartialFileOverridesOnlyTheKeysItNames() {
        Path file = write(dir, "kiosk.yaml", """
                identity:
                  kioskId: xiaoshan-hall-03
                devices:
                  idCard:
                    port: /dev/ttyS2
                session:
                  timeouts:
                    home: 90
                """);

        KioskConfig c = KioskConfigLoader.load(file);
        KioskConfig defaults = KioskConfigLoader.defaults();

        assertEquals("xiaoshan-hall-03", c.identity().kioskId());
        assertEquals(defaults.identity().displayName(), c.identity().displayName());
        assertEquals(new DevicePort.Serial("/dev/ttyS2"), c.devices().idCard().port());
        assertEquals(115200, c.devices().idCard().baud());
        assertEquals(Duration.ofSeconds(90), c.session().timeouts().home());
        assertEquals(defaults.session().timeouts().identify(), c.session().timeouts().identify());
        assertEquals(defaults.backend(), c.backend());
    }

    @Test
    void aListReplacesTheDefaultListWhole() {
        KioskConfig c = KioskConfigLoader.parse("""
                languages:
                  available: [zh-CN]
                notices:
                  - zh: 今日下午停电检修
                """);

        assertEquals(List.of("zh-CN"), c.languages().available());
        assertEquals(List.of(new LocalizedText("今日下午停电检修", java.util.Optional.empty())), c.notices());
    }

    @Test
    void anExplicitNullClearsAnOptionalValue() {
        KioskConfig c = KioskConfigLoader.parse("""
                identity:
                  displayName:
                    en: null
                devices:
                  gpio:
                    relays:
                      idCard: null
                """);

        assertTrue(c.identity().displayName().en().isEmpty());
        assertEquals("便民服务中心自助服务终端", c.identity().displayName().in("en"));
        assertEquals(Map.of(DeviceKind.RECEIPT_PRINTER, 5), c.devices().gpio().relays());
    }

    @Test
    void laterFilesWinOverEarlierOnes() {
        Path group = write(dir, "group.yaml", "backend:\n  url: https://zwfw.example.gov.cn\n  retries: 4\n");
        Path kiosk = write(dir, "kiosk.yaml", "backend:\n  retries: 1\n");

        KioskConfig c = KioskConfigLoader.load(group, kiosk);

        assertEquals(URI.create("https://zwfw.example.gov.cn"), c.backend().url());
        assertEquals(1, c.backend().retries());
    }

    @Test
    void aGuideChangeInAHigherLayerMergesFieldByFieldAndItsListReplacesTheLowerOneWhole() {
        Path group = write(dir, "group.yaml", GROUP_GUIDES);
        Path kiosk = write(dir, "kiosk.yaml", """
                guides:
                  si-participation-certificate:
                    materials:
                      - zh: 本人有效居民身份证
                        en: Your own valid resident ID card
                """);

        Map<String, GuideOverride> guides = KioskConfigLoader.load(group, kiosk).guides();

        GuideOverride si = guides.get("si-participation-certificate");
        assertEquals(List.of(new LocalizedText("本人有效居民身份证", Optional.of("Your own valid resident ID card"))), si.materials().orElseThrow(),
                "the kiosk's list, not the group's two items");
        assertEquals(Optional.of(new LocalizedText("本镇社保所在镇政府一楼", Optional.of("Social insurance office: township government, ground floor"))),
                si.note(), "the group's note stays");
        assertTrue(si.steps().isEmpty() && si.acceptanceConditions().isEmpty(), "fields no layer set stay the backend's");
        assertEquals(Optional.of(new LocalizedText("即时办结", Optional.empty())), guides.get("business-licence").timeLimit(),
                "another service's change stays");
    }

    @Test
    void nullDropsWhatLowerLayersSetOnAFieldOnAServiceOrOnEveryGuide() {
        Path group = write(dir, "group.yaml", GROUP_GUIDES);
        Path fieldAndService = write(dir, "kiosk.yaml", """
                guides:
                  si-participation-certificate:
                    note: null
                  business-licence: null
                """);
        Path all = write(dir, "all.yaml", "guides: null\n");

        Map<String, GuideOverride> guides = KioskConfigLoader.load(group, fieldAndService).guides();

        assertEquals(Set.of("si-participation-certificate"), guides.keySet(), "business-licence's guide is the backend's again");
        assertTrue(guides.get("si-participation-certificate").note().isEmpty());
        assertEquals(2, guides.get("si-participation-certificate").materials().orElseThrow().size(), "the group's materials stay");
        assertEquals(Map.of(), KioskConfigLoader.load(group, all).guides());
    }

    @Test
    void aLayerThatRewritesOnlyTheChineseOfAGuideTextKeepsTheEnglishBelowIt() {
        Path group = write(dir, "group.yaml", GROUP_GUIDES);
        Path kiosk = write(dir, "kiosk.yaml", """
                guides:
                  si-participation-certificate:
                    note:
                      zh: 本镇社保所已迁至便民服务中心二楼
                """);

        LocalizedText note = KioskConfigLoader.load(group, kiosk).guides().get("si-participation-certificate").note().orElseThrow();

        assertEquals(new LocalizedText("本镇社保所已迁至便民服务中心二楼", Optional.of("Social insurance office: township government, ground floor")),
                note, "zh and en merge one by one, as kiosk.yaml warns");
    }

    @Test
    void everyLeafRemembersTheFileAndLineThatSetIt() {
        Path kiosk = write(dir, "kiosk.yaml", "# the hall's kiosk\nbackend:\n  retries: 1\nservices: [business-licence]\n");

        MergedTree t = KioskConfigLoader.overDefaults().file(kiosk).merged();

        assertEquals(new Origin(kiosk.toString(), dir, 3), t.origin("backend.retries").orElseThrow());
        assertEquals(new Origin(kiosk.toString(), dir, 4), t.origin("services[0]").orElseThrow());
        assertEquals(KioskConfigLoader.DEFAULTS_SOURCE, t.origin("backend.url").orElseThrow().source());
    }

    @Test
    void relativePathsResolveAgainstTheDirectoryOfTheFileThatSetsThem() {
        testAnchor(dir, "site/certs/platform.pem");
        testAnchor(dir, "site/certs/extranet-ca.pem");
        Path kiosk = write(dir, "site/kiosk.yaml", """
                backend:
                  tokenFile: secrets/kiosk.token
                  caCertificates: [certs/extranet-ca.pem]
                devices:
                  documentPrinter:
                    queue: spool:printed
                    simulated: true
                trustAnchors: [certs/platform.pem]
                """);

        KioskConfig c = KioskConfigLoader.load(kiosk);

        assertEquals(dir.resolve("site/secrets/kiosk.token"), c.backend().tokenFile().orElseThrow());
        assertEquals(List.of(dir.resolve("site/certs/extranet-ca.pem")), c.backend().caCertificates());
        assertEquals(new DocumentDestination.Spool(dir.resolve("site/printed")), c.devices().documentPrinter().destination());
        assertEquals(List.of(dir.resolve("site/certs/platform.pem")), c.trustAnchors());
    }

    @Test
    void aValueSetByProgramIsLaidOnTopAndCheckedLikeAnyOther() {
        KioskConfig c = KioskConfigLoader.overDefaults()
                .set("backend.url", URI.create("http://127.0.0.1:41234"))
                .set("session.timeouts.done", Duration.ofSeconds(20))
                .load();
        assertEquals(URI.create("http://127.0.0.1:41234"), c.backend().url());
        assertEquals(Duration.ofSeconds(20), c.session().timeouts().done());

        ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.overDefaults().set("backend.url", "ftp://x").load());
        assertEquals("backend.url", e.problems().get(0).path());
        assertEquals(ConfigLayer.SET_BY_PROGRAM, e.problems().get(0).where());
    }

    @Test
    void withBackendUrlReplacesTheUrlAndRefusesOneThatIsNotHttp() {
        KioskConfig c = KioskConfigLoader.defaults().withBackendUrl(URI.create("http://localhost:39001"));
        assertEquals(URI.create("http://localhost:39001"), c.backend().url());

        ConfigException e = assertThrows(ConfigException.class, () -> c.withBackendUrl(URI.create("file:///tmp/x")));
        assertEquals("backend.url: file:///tmp/x — is not an http or https URL; write it like https://zwfw.example.gov.cn "
                + "or http://localhost:8080 (set by program)", e.problems().get(0).toString());
    }
}
