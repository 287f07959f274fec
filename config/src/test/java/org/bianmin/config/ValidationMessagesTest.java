package org.bianmin.config;

import static org.bianmin.config.ConfigFixtures.theOneProblemIn;
import static org.bianmin.config.ConfigFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule a value can break gives one line naming the key, the value, what is wrong and what to write instead. */
class ValidationMessagesTest {

    @TempDir
    Path dir;

    private static void assertProblem(ConfigProblem p, String path, String value, String problem, String fix) {
        assertEquals(path, p.path(), p::toString);
        assertEquals(value, p.value(), p::toString);
        assertTrue(p.problem().contains(problem), () -> "problem should say '" + problem + "': " + p);
        assertTrue(p.fix().contains(fix), () -> "fix should say '" + fix + "': " + p);
        assertFalse(p.toString().contains("\n"), () -> "one line: " + p);
    }

    @Test
    void aVersionBelowOneIsRefused() {
        assertProblem(theOneProblemIn("version: 0"), "version", "0", "is below 1", "start at 1");
    }

    @Test
    void aKioskIdWithCapitalsIsRefusedWithItsLowerCaseSpelling() {
        ConfigProblem p = theOneProblemIn("identity:\n  kioskId: Hall_07\n");
        assertProblem(p, "identity.kioskId", "Hall_07", "is not a kiosk id", "e.g. hall-07");
        assertEquals("identity.kioskId: Hall_07 — is not a kiosk id; use 3 to 64 lower-case letters, digits and hyphens, starting with "
                + "a letter or digit, e.g. hall-07 (the given text line 2)", p.toString());
    }

    @Test
    void aBlankDisplayNameIsRefused() {
        assertProblem(theOneProblemIn("identity:\n  displayName:\n    zh: '  '\n"), "identity.displayName.zh", "\"  \"", "is blank",
                "write the text");
    }

    @Test
    void anUnknownFlowControlIsRefusedWithTheThreeThatExist() {
        assertProblem(theOneProblemIn("devices:\n  receiptPrinter:\n    flowControl: dtr-dsr\n"), "devices.receiptPrinter.flowControl",
                "dtr-dsr", "is not a flow control", "none, rts-cts (hardware handshake) or xon-xoff");
    }

    @Test
    void aPrinterOnHardwareHandshakeBinds() {
        KioskConfig c = KioskConfigLoader.parse("devices:\n  receiptPrinter:\n    flowControl: rts-cts\n");
        assertEquals(FlowControl.RTS_CTS, c.devices().receiptPrinter().flowControl());
        assertEquals(FlowControl.NONE, c.devices().idCard().flowControl());
    }

    @Test
    void aBackendUrlThatIsNotHttpIsRefused() {
        assertProblem(theOneProblemIn("backend:\n  url: ftp://zwfw.example.gov.cn\n"), "backend.url", "ftp://zwfw.example.gov.cn",
                "is not an http or https URL", "https://zwfw.example.gov.cn");
    }

    @Test
    void aBackendUrlCarryingAPasswordIsRefusedWithTheTokenAdvice() {
        assertProblem(theOneProblemIn("backend:\n  url: https://kiosk:secret@zwfw.example.gov.cn\n"), "backend.url",
                "https://kiosk:secret@zwfw.example.gov.cn", "carries a user name or password", "KIOSK_TOKEN or backend.tokenFile");
    }

    @Test
    void aBackendUrlWithAQueryIsRefused() {
        assertProblem(theOneProblemIn("backend:\n  url: https://zwfw.example.gov.cn/?kiosk=1\n"), "backend.url",
                "https://zwfw.example.gov.cn/?kiosk=1", "has a query or fragment", "give only the base URL");
    }

    @Test
    void aConnectTimeoutOutOfRangeIsRefused() {
        assertProblem(theOneProblemIn("backend:\n  connectTimeout: 0\n"), "backend.connectTimeout", "0", "is outside 1–60 seconds",
                "give whole seconds from 1 to 60");
    }

    @Test
    void tooManyRetriesAreRefused() {
        assertProblem(theOneProblemIn("backend:\n  retries: 50\n"), "backend.retries", "50", "is outside 0–10", "from 0 to 10");
    }

    @Test
    void aHeartbeatMoreOftenThanEveryFiveSecondsIsRefused() {
        assertProblem(theOneProblemIn("backend:\n  heartbeatInterval: 1\n"), "backend.heartbeatInterval", "1", "is outside 5–3600 seconds",
                "give whole seconds from 5 to 3600");
    }

    @Test
    void aHeartbeatIntervalWithAUnitIsRefusedWithTheWholeSecondsAdvice() {
        ConfigProblem p = theOneProblemIn("backend:\n  heartbeatInterval: 10s\n");
        assertEquals("backend.heartbeatInterval", p.path(), p::toString);
        assertTrue(p.fix().contains("write whole seconds without a unit"), p::toString);
    }

    @Test
    void aHealthCheckIntervalBelowTwoSecondsIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  recovery:\n    checkInterval: 1\n"), "devices.recovery.checkInterval", "1",
                "is outside 2–600 seconds", "give whole seconds from 2 to 600");
    }

    @Test
    void zeroTimeoutsBeforeAPowerCycleAreRefused() {
        assertProblem(theOneProblemIn("devices:\n  recovery:\n    timeoutsBeforePowerCycle: 0\n"), "devices.recovery.timeoutsBeforePowerCycle",
                "0", "is outside 1–20", "unanswered health checks in a row");
    }

    @Test
    void aPowerOffLongerThanAMinuteIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  recovery:\n    powerOff: 120\n"), "devices.recovery.powerOff", "120",
                "is outside 1–60 seconds", "give whole seconds from 1 to 60");
    }

    @Test
    void tooManyPowerCyclesAnHourAreRefused() {
        assertProblem(theOneProblemIn("devices:\n  recovery:\n    maxPowerCyclesPerHour: 60\n"), "devices.recovery.maxPowerCyclesPerHour",
                "60", "is outside 1–20", "from 1 to 20");
    }

    @Test
    void recoveryKeysInRangeAreTaken() {
        KioskConfig c = KioskConfigLoader.parse("devices:\n  recovery:\n    checkInterval: 2\n    timeoutsBeforePowerCycle: 1\n"
                + "    powerOff: 60\n    maxPowerCyclesPerHour: 20\n");
        assertEquals(new RecoverySettings(Duration.ofSeconds(2), 1, Duration.ofSeconds(60), 20), c.devices().recovery());
    }

    @Test
    void aNetworkAddressForTheIdCardReaderIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  idCard:\n    port: tcp://192.0.2.7:9100\n"), "devices.idCard.port", "tcp://192.0.2.7:9100",
                "is a network address, but this device is on a serial line", "give its serial port, e.g. /dev/ttyUSB0");
    }

    @Test
    void aPortThatIsNeitherADevicePathNorComIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  qrScanner:\n    port: ttyACM0\n"), "devices.qrScanner.port", "ttyACM0",
                "is not a serial port", "./kiosk diag ports");
    }

    @Test
    void aNonStandardBaudRateIsRefusedWithTheStandardOnes() {
        assertProblem(theOneProblemIn("devices:\n  idCard:\n    baud: 11520\n"), "devices.idCard.baud", "11520",
                "is not a standard baud rate", "use one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600");
    }

    @Test
    void aMisspeltScannerProtocolIsRefusedWithTheClosestOne() {
        assertProblem(theOneProblemIn("devices:\n  qrScanner:\n    protocol: newlnd\n"), "devices.qrScanner.protocol", "newlnd",
                "is not a scanner protocol", "did you mean newland? use none");
    }

    @Test
    void aNetworkPrinterWithoutAPortIsToldToAdd9100() {
        assertProblem(theOneProblemIn("devices:\n  receiptPrinter:\n    port: tcp://192.0.2.10\n"), "devices.receiptPrinter.port",
                "tcp://192.0.2.10", "has no port", "tcp://192.0.2.10:9100");
    }

    @Test
    void aNetworkPrinterWithHostAndPortIsAccepted() {
        KioskConfig c = KioskConfigLoader.parse("devices:\n  receiptPrinter:\n    port: tcp://192.0.2.10:9100\n");
        assertEquals(new DevicePort.Tcp("192.0.2.10", 9100), c.devices().receiptPrinter().port());
    }

    @Test
    void aPaperWidthOtherThan58Or80IsRefused() {
        assertProblem(theOneProblemIn("devices:\n  receiptPrinter:\n    width: 76\n"), "devices.receiptPrinter.width", "76",
                "is not a receipt paper width", "give 58 or 80 (millimetres)");
    }

    @Test
    void aCupsQueueNameWithASpaceIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  documentPrinter:\n    queue: Kiosk PDF\n"), "devices.documentPrinter.queue", "Kiosk PDF",
                "is not a CUPS queue name", "'lpstat -p'");
    }

    @Test
    void aSimulatedDocumentPrinterWithACupsQueueIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  documentPrinter:\n    simulated: true\n"), "devices.documentPrinter.queue", "KioskPDF",
                "is a CUPS queue, but the simulated printer writes files", "give spool:DIR");
    }

    @Test
    void aSpoolForARealDocumentPrinterIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  documentPrinter:\n    queue: spool:/var/spool/kiosk\n"), "devices.documentPrinter.queue",
                "spool:/var/spool/kiosk", "is the simulator's spool, but the printer is not simulated", "set devices.documentPrinter.simulated: true");
    }

    @Test
    void aSpoolWithoutADirectoryIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  documentPrinter:\n    queue: 'spool:'\n    simulated: true\n"),
                "devices.documentPrinter.queue", "spool:", "names no directory", "spool:DIR");
    }

    @Test
    void aGpioPinBeyondTheHeaderIsRefused() {
        assertProblem(theOneProblemIn("devices:\n  gpio:\n    presenceSensor: 40\n"), "devices.gpio.presenceSensor", "40",
                "is not a BCM GPIO number", "not the header pin number");
    }

    @Test
    void aGpioPinUsedTwiceIsRefusedNamingTheFirstUse() {
        assertProblem(theOneProblemIn("devices:\n  gpio:\n    lights:\n      scanner: 17\n"), "devices.gpio.presenceSensor", "17",
                "is also used by devices.gpio.lights.scanner", "its own BCM pin");
    }

    @Test
    void aRelayForAnUnknownDeviceIsRefusedWithTheClosestDevice() {
        assertProblem(theOneProblemIn("devices:\n  gpio:\n    relays:\n      receiptprinter: 12\n"), "devices.gpio.relays.receiptprinter", "12",
                "is not a known key", "did you mean devices.gpio.relays.receiptPrinter?");
    }

    @Test
    void aServiceCodeWithCapitalsIsRefused() {
        assertProblem(theOneProblemIn("services: [Business-Licence]\n"), "services[0]", "Business-Licence", "is not a service code",
                "e.g. si-participation-certificate");
    }

    @Test
    void aServiceListedTwiceIsRefused() {
        assertProblem(theOneProblemIn("services: [business-licence, business-licence]\n"), "services[1]", "business-licence",
                "is listed twice", "list each service once");
    }

    @Test
    void aScreenTimeoutTooShortToReadIsRefused() {
        assertProblem(theOneProblemIn("session:\n  timeouts:\n    guide: 3\n"), "session.timeouts.guide", "3", "is outside 10–600 seconds",
                "give whole seconds from 10 to 600");
    }

    @Test
    void aWatchdogBeyondFifteenMinutesIsRefused() {
        assertProblem(theOneProblemIn("session:\n  timeouts:\n    printWatchdog: 3600\n"), "session.timeouts.printWatchdog", "3600",
                "is outside 5–900 seconds", "from 5 to 900");
    }

    @Test
    void anElderFactorBelowOneAndAHalfIsRefused() {
        assertProblem(theOneProblemIn("session:\n  elderFactor: 1.2\n"), "session.elderFactor", "1.2", "is below 1.5",
                "give a factor from 1.5 to 4, e.g. 2.0");
    }

    @Test
    void aCountdownWarningAsLongAsTheShortestScreenIsRefused() {
        assertProblem(theOneProblemIn("session:\n  countdownWarning: 30\n"), "session.countdownWarning", "30",
                "is not shorter than the shortest screen timeout (session.timeouts.done: 30)", "make it shorter than 30 seconds");
    }

    @Test
    void aDefaultLanguageThatIsNotAvailableIsRefused() {
        assertProblem(theOneProblemIn("languages:\n  default: en\n  available: [zh-CN]\n"), "languages.default", "en",
                "is not among languages.available (zh-CN)", "add it to languages.available");
    }

    @Test
    void aLanguageWithAnUnderscoreIsRefusedWithTheRightSpelling() {
        assertProblem(theOneProblemIn("languages:\n  available: [zh_CN, en]\n  default: en\n"), "languages.available[0]", "zh_CN",
                "is not a language this kiosk has texts for", "did you mean zh-CN?");
    }

    @Test
    void noAvailableLanguageIsRefused() {
        assertProblem(theOneProblemIn("languages:\n  available: []\n"), "languages.available", "[]", "is empty", "[zh-CN, en]");
    }

    @Test
    void aNoticeTooLongForHomeIsRefused() {
        String longText = "请".repeat(201);
        ConfigProblem p = theOneProblemIn("notices:\n  - zh: " + longText + "\n");
        assertEquals("notices[0].zh", p.path());
        assertTrue(p.problem().contains("is longer than 200 characters") && p.fix().contains("shorten it"), p::toString);
        assertTrue(p.value().length() <= 60, "a long value is shortened in the message");
    }

    @Test
    void aNoticeThatIsNotAMappingIsRefused() {
        assertProblem(theOneProblemIn("notices:\n  - 今日停电\n"), "notices[0]", "今日停电", "is text, expected a mapping of keys",
                "write its keys on the lines below it");
    }

    @Test
    void aGuideForACodeWithCapitalsIsRefusedByTheRuleServicesFollow() {
        ConfigProblem p = theOneProblemIn("guides:\n  SI_Certificate:\n    note:\n      zh: 镇政府一楼\n");
        assertEquals("guides.SI_Certificate: {…} — is not a service code; use the backend's code: lower-case letters, digits and "
                + "hyphens, e.g. si-participation-certificate (the given text line 2)", p.toString());
    }

    @Test
    void aMisspeltGuideFieldIsRefusedWithTheFieldItWasMeantToBe() {
        ConfigProblem p = theOneProblemIn("guides:\n  business-licence:\n    material:\n      - zh: 公章\n");
        assertEquals("guides.business-licence.material", p.path());
        assertEquals("did you mean guides.business-licence.materials?", p.fix());
    }

    @Test
    void anUnknownGuideFieldListsTheFieldsThatExist() {
        assertProblem(theOneProblemIn("guides:\n  business-licence:\n    fee: 免费\n"), "guides.business-licence.fee", "免费",
                "is not a known key", "acceptanceConditions, materials, steps, timeLimit, result, note");
    }

    @Test
    void aGuideTextWrittenWithoutItsLanguageIsToldToPutItUnderZh() {
        assertProblem(theOneProblemIn("guides:\n  business-licence:\n    timeLimit: 即时办结\n"), "guides.business-licence.timeLimit",
                "即时办结", "is text, expected a mapping of keys", "write zh: TEXT on the line below it");
    }

    @Test
    void aGuideTextWithoutChineseAsksForIt() {
        assertProblem(theOneProblemIn("guides:\n  business-licence:\n    result:\n      en: One printed licence\n"),
                "guides.business-licence.result.zh", "(not set)", "needs a value", "give text");
    }

    @Test
    void materialsWrittenAsOneTextAreToldHowToWriteAList() {
        assertProblem(theOneProblemIn("guides:\n  business-licence:\n    materials: 身份证\n"), "guides.business-licence.materials",
                "身份证", "is text, expected a list", "one '- zh: TEXT' per line");
    }

    @Test
    void anEmptyListOfStepsIsRefusedWithHowToKeepTheBackends() {
        assertProblem(theOneProblemIn("guides:\n  business-licence:\n    steps: []\n"), "guides.business-licence.steps", "[]",
                "is empty", "list at least one step, or write null to show the backend's");
    }

    @Test
    void aGuideNoteTooLongForTheScreenIsRefused() {
        ConfigProblem p = theOneProblemIn("guides:\n  business-licence:\n    note:\n      zh: 本镇\n      en: " + "x".repeat(201) + "\n");
        assertEquals("guides.business-licence.note.en", p.path());
        assertEquals("is longer than 200 characters", p.problem());
        assertEquals("shorten it to 200 characters or fewer", p.fix());
    }

    @Test
    void aMaterialTooLongIsRefusedByItsPlaceInTheList() {
        ConfigProblem p = theOneProblemIn("guides:\n  business-licence:\n    materials:\n      - zh: 公章\n      - zh: "
                + "请".repeat(201) + "\n");
        assertEquals("guides.business-licence.materials[1].zh", p.path());
        assertEquals("is longer than 200 characters", p.problem());
    }

    @Test
    void moreThanTwentyStepsAreRefused() {
        ConfigProblem p = theOneProblemIn("guides:\n  business-licence:\n    steps:\n" + "      - zh: 下一步\n".repeat(21));
        assertProblem(p, "guides.business-licence.steps", p.value(), "has 21 items", "keep at most 20");
    }

    @Test
    void guidesWrittenAsAListAreToldToKeyThemByServiceCode() {
        assertProblem(theOneProblemIn("guides:\n  - business-licence\n"), "guides", "[\"business-licence\"]",
                "is a list, expected a mapping of service codes", "write each service code on a line below it");
    }

    @Test
    void aBadGuideOfOneServiceAndABadOneOfAnotherAreBothReported() {
        var problems = ConfigFixtures.problemsIn("""
                guides:
                  business-licence:
                    note: 镇政府一楼
                  pesticide-licence:
                    steps: []
                """);
        assertEquals(java.util.List.of("guides.business-licence.note", "guides.pesticide-licence.steps"),
                problems.stream().map(ConfigProblem::path).toList());
    }

    @Test
    void aMissingTrustAnchorIsRefusedSayingWhereItWasLookedFor() {
        Path kiosk = write(dir, "kiosk.yaml", "trustAnchors: [certs/platform.pem]\n");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> KioskConfigLoader.load(kiosk));
        ConfigProblem p = e.problems().get(0);
        assertProblem(p, "trustAnchors[0]", "certs/platform.pem", "does not exist (looked for " + dir.resolve("certs/platform.pem") + ")",
                "-----BEGIN CERTIFICATE-----");
        assertEquals(kiosk + " line 1", p.where());
    }

    @Test
    void aTrustAnchorThatIsNotPemIsRefusedWithTheConversionCommand() {
        Path der = write(dir, "platform.cer", "\u0030\u0082binary");
        assertProblem(theOneProblemIn("trustAnchors: [" + der + "]\n"), "trustAnchors[0]", der.toString(), "is not a PEM certificate",
                "openssl x509 -inform der");
    }

    @Test
    void aPemBlockThatIsNotACertificateIsRefused() {
        Path fake = write(dir, "fake.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertProblem(theOneProblemIn("trustAnchors: [" + fake + "]\n"), "trustAnchors[0]", fake.toString(),
                "is not a readable PEM certificate", "-----BEGIN CERTIFICATE-----");
    }

    @Test
    void aMissingBackendCaCertificateIsRefusedSayingWhereItWasLookedFor() {
        Path kiosk = write(dir, "kiosk.yaml", "backend:\n  caCertificates: [certs/extranet-ca.pem]\n");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> KioskConfigLoader.load(kiosk));
        assertEquals(1, e.problems().size(), e::getMessage);
        ConfigProblem p = e.problems().get(0);
        assertProblem(p, "backend.caCertificates[0]", "certs/extranet-ca.pem",
                "does not exist (looked for " + dir.resolve("certs/extranet-ca.pem") + ")", "the CA that issued the backend's TLS certificate");
        assertEquals(kiosk + " line 2", p.where());
    }

    @Test
    void aBackendCaCertificateThatIsNotPemIsRefusedWithTheConversionCommand() {
        Path der = write(dir, "extranet-ca.cer", "\u0030\u0082binary");
        assertProblem(theOneProblemIn("backend:\n  caCertificates: [" + der + "]\n"), "backend.caCertificates[0]", der.toString(),
                "is not a PEM certificate", "openssl x509 -inform der");
    }

    @Test
    void aBackendCaFileWhosePemBlockHoldsNoCertificateIsRefused() {
        Path fake = write(dir, "fake-ca.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        assertProblem(theOneProblemIn("backend:\n  caCertificates: [" + fake + "]\n"), "backend.caCertificates[0]", fake.toString(),
                "is not a readable PEM certificate", "the CA that issued the backend's TLS certificate");
    }

    @Test
    void aBackendCaFileWithNoCertificateBlockAtAllIsRefused() {
        Path empty = write(dir, "empty-ca.pem", "");
        assertProblem(theOneProblemIn("backend:\n  caCertificates: [" + empty + "]\n"), "backend.caCertificates[0]", empty.toString(),
                "is not a PEM certificate", "-----BEGIN CERTIFICATE-----");
    }

    @Test
    void aBackendCaCertificatesValueThatIsNotAListIsRefused() {
        ConfigProblem p = theOneProblemIn("backend:\n  caCertificates: certs/extranet-ca.pem\n");
        assertEquals("backend.caCertificates", p.path(), p::toString);
        assertFalse(p.toString().contains("\n"), () -> "one line: " + p);
    }

    @Test
    void aPinInPlaceOfItsHashIsRefusedWithoutShowingIt() {
        ConfigProblem p = theOneProblemIn("maintenance:\n  pinHash: '246810'\n");
        assertProblem(p, "maintenance.pinHash", "(hidden)", "looks like a PIN, not the hash of one", "never the PIN itself");
        assertFalse(p.toString().contains("246810"));
    }

    @Test
    void aPinHashOfAnotherFormIsRefusedWithTheCommandThatMakesOne() {
        ConfigProblem p = theOneProblemIn("maintenance:\n  pinHash: 'sha1:0123456789abcdef0123'\n");
        assertProblem(p, "maintenance.pinHash", "(hidden)", "is not a PIN hash of the form pbkdf2-sha256$ITERATIONS$SALT$HASH",
                "./kiosk pin-hash");
    }

    @Test
    void aPinHashMadeByTheCommandIsAccepted() {
        PinHash h = PinHash.of("2468".toCharArray(), PinHash.MIN_ITERATIONS);
        KioskConfig c = KioskConfigLoader.parse("maintenance:\n  pinHash: '" + h.encoded() + "'\n");
        assertEquals(h, c.maintenance().pinHash().orElseThrow());
        assertTrue(c.maintenance().pinHash().get().matches("2468".toCharArray()));
    }

    @Test
    void lockoutAndIdleTimeoutOutOfRangeAreRefusedWithTheirRange() {
        assertProblem(theOneProblemIn("maintenance:\n  lockoutAttempts: 1\n"), "maintenance.lockoutAttempts", "1", "is outside 3–20",
                "from 3 to 20");
        assertProblem(theOneProblemIn("maintenance:\n  lockout: 5\n"), "maintenance.lockout", "5", "is outside 60–86400 seconds",
                "from 60 to 86400");
        assertProblem(theOneProblemIn("maintenance:\n  idleTimeout: 5m\n"), "maintenance.idleTimeout", "5m",
                "expected a whole number", "whole seconds");
    }
}
