package org.bianmin.backend.http;

import static org.bianmin.backend.http.KioskApiTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.DemoKiosk;
import org.bianmin.backend.TestClock;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.domain.LicenceKind;
import org.bianmin.backend.store.Kiosk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * Identification, document requests, PDF download and public verification over HTTP against the demo data; run on every
 * database engine the backend supports (subclasses give the database).
 */
abstract class DocumentsApiTest {
    static final String DEMO = KioskApiTest.DEMO;
    static final String TOKEN = KioskApiTest.TOKEN;
    static final String OTHER = "/api/v1/kiosks/kiosk-two";

    @TempDir
    Path data;
    final TestClock clock = new TestClock(Instant.parse("2026-03-02T01:30:00Z"));
    BackendApp app;
    Api api;
    String otherToken;

    /** A JDBC URL to an empty database. */
    abstract String jdbcUrl();

    @BeforeEach
    void start() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true).withJdbcUrl(jdbcUrl()), clock,
                new DocumentsApi.RateLimit(5, Duration.ofSeconds(6))).start();
        otherToken = app.authenticator().register(new Kiosk("kiosk-two", "乙镇便民服务中心"));
        app.store().services().offer("kiosk-two", app.store().services().offeredAt(DemoKiosk.ID).stream().map(s -> s.code()).toList());
        api = new Api(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Api.Reply identify(String body) {
        return api.send("POST", DEMO + "/identifications", TOKEN, body);
    }

    private static String qr(String code) {
        return "{\"method\":\"qr\",\"code\":\"" + code + "\"}";
    }

    private Licence licence(LicenceKind kind) {
        return app.records().licences().stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void theSimulatedIdCardIdentifiesItsHolderAndTheAnswerShowsOnlyMaskedData() {
        Api.Reply r = identify(Api.SIMULATED_CARD);
        assertEquals(200, r.status(), r.body());
        JsonNode subject = r.json().get("subject");
        assertEquals("citizen", subject.get("kind").asText());
        assertEquals("测***甲", subject.get("name").asText());
        assertEquals("110105********0015", subject.get("idNumber").asText());
        assertEquals("si-participation-certificate", subject.get("services").get(0).asText());
        assertEquals(43, r.json().get("subjectToken").asText().length());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), Instant.parse(r.json().get("expiresAt").asText()));
        assertFalse(r.body().contains("110105194910010015"));
        assertFalse(r.body().contains("测试用户甲"));
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsABadRequestNamingTheField() {
        Api.Reply r = identify("{\"method\":\"id-card\",\"idNumber\":\"110105194910010016\",\"name\":\"测试用户甲\"}");
        assertProblem(r, 400, "invalid-request", "MOD 11-2");
        assertEquals("idNumber", r.json().get("field").asText());
    }

    @Test
    void aNameThatDoesNotMatchTheRecordFindsNoRecordAndSaysSo() {
        assertProblem(identify("{\"method\":\"id-card\",\"idNumber\":\"110105194910010015\",\"name\":\"测试用户乙\"}"),
                404, "not-found", "no citizen record matches this ID number and name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no method           | {}                                                  | method",
            "an unknown method   | {\"method\":\"face\"}                               | id-card or qr",
            "no name             | {\"method\":\"id-card\",\"idNumber\":\"110105194910010015\"} | name",
            "a short number      | {\"method\":\"id-card\",\"idNumber\":\"1101\",\"name\":\"甲\"} | idNumber",
            "a QR of neither kind | {\"method\":\"qr\",\"code\":\"WECHAT:123\"}            | ESSC1",
            "no QR code          | {\"method\":\"qr\"}                                 | code"})
    void everyMalformedIdentificationIsABadRequest(String what, String body, String detail) {
        assertProblem(identify(body), 400, "invalid-request", detail);
    }

    @Test
    void anESocialSecurityCardCodeIdentifiesTheCitizenItWasIssuedFor() {
        String code = DemoKiosk.socialSecurityQr("110105194910010015").text();
        assertTrue(code.matches("ESSC1:[23456789A-HJ-NP-Z]{24}"), code);
        Api.Reply r = identify(qr(code));
        assertEquals(200, r.status(), r.body());
        assertEquals("110105********0015", r.json().get("subject").get("idNumber").asText());
    }

    @Test
    void anEBusinessLicenceCodeIdentifiesTheLicenceAndOffersTheServiceOfItsKind() {
        Licence pesticide = licence(LicenceKind.PESTICIDE_BUSINESS);
        Api.Reply r = identify(qr(DemoKiosk.licenceQr(pesticide.number()).text()));
        assertEquals(200, r.status(), r.body());
        JsonNode subject = r.json().get("subject");
        assertEquals("licence", subject.get("kind").asText());
        assertEquals(pesticide.holder().name(), subject.get("name").asText());
        assertEquals("农药经营许可证", subject.get("licenceKind").asText());
        assertEquals(1, subject.get("services").size());
        assertEquals("pesticide-licence", subject.get("services").get(0).asText());
    }

    @Test
    void aWellFormedQrCodeThatNobodyHoldsFindsNoRecord() {
        assertProblem(identify(qr("ESSC1:" + "2".repeat(24))), 404, "not-found", "belongs to no citizen on record");
    }

    @Test
    void identificationIsRateLimitedPerKioskWithRetryAfterAndRefillsOverTime() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, identify(Api.SIMULATED_CARD).status());
        }
        Api.Reply limited = identify(Api.SIMULATED_CARD);
        assertProblem(limited, 429, "too-many-identifications", "try again in 6 s");
        assertEquals("6", limited.raw().headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, api.send("POST", OTHER + "/identifications", otherToken, Api.SIMULATED_CARD).status(),
                "another kiosk has its own bucket");
        clock.advance(Duration.ofSeconds(6));
        assertEquals(200, identify(Api.SIMULATED_CARD).status());
    }

    @Test
    void theCertificateIsIssuedSignedStoredAndServedByteForByteWithItsSha256() throws Exception {
        JsonNode doc = api.certificate(DEMO, TOKEN);
        assertEquals("社会保险参保证明", doc.get("title").asText());
        assertEquals("测***甲", doc.get("holder").asText());
        assertTrue(doc.get("caseNumber").asText().matches("BM20260302-[2-9A-Z]{10}"), doc.toString());
        assertEquals("http://localhost:" + app.port() + "/verify/" + doc.get("verificationCode").asText(),
                doc.get("verifyUrl").asText(), "the base URL carries the real port, not 0");
        HttpResponse<byte[]> pdf = api.bytes(doc.get("pdf").asText(), TOKEN);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(doc.get("sha256").asText(), DocumentsApi.sha256(pdf.body()));
        assertTrue(new String(pdf.body(), StandardCharsets.ISO_8859_1).contains("/ByteRange"),
                "the PDF carries a signature");
        var audit = app.store().audit().latest(1).get(0);
        assertEquals("document.issued", audit.action());
        assertEquals(doc.get("documentId").asText(), audit.target());
    }

    @Test
    void eachLicenceKindIsIssuedForItsOwnQrCode() {
        for (LicenceKind kind : LicenceKind.values()) {
            Licence l = licence(kind);
            String subject = Api.identified(identify(qr(DemoKiosk.licenceQr(l.number()).text())));
            String service = DocumentsApi.LICENCE_SERVICES.entrySet().stream().filter(e -> e.getValue() == kind)
                    .findFirst().orElseThrow().getKey();
            JsonNode doc = api.issue(DEMO, TOKEN, service, subject);
            assertEquals(kind.chinese(), doc.get("title").asText());
            assertEquals(l.holder().name(), doc.get("holder").asText());
            assertEquals(l.validity().until().map(Object::toString).orElse(null),
                    doc.get("validUntil").isNull() ? null : doc.get("validUntil").asText());
        }
    }

    @Test
    void aServiceThatDoesNotFitTheSubjectIsAConflictThatSaysHowToIdentify() {
        String citizen = api.subjectToken(DEMO, TOKEN);
        assertProblem(request("business-licence", citizen), 409, "conflict", "e-business-licence QR code");
        String business = Api.identified(identify(qr(DemoKiosk.licenceQr(licence(LicenceKind.BUSINESS_LICENCE).number()).text())));
        assertProblem(request("pesticide-licence", business), 409, "conflict", "is a 营业执照");
        assertProblem(request("si-participation-certificate", business), 409, "conflict", "certifies a person");
    }

    private Api.Reply request(String service, String subjectToken) {
        return api.send("POST", DEMO + "/documents", TOKEN,
                "{\"serviceCode\":\"" + service + "\",\"subjectToken\":\"" + subjectToken + "\"}");
    }

    @Test
    void aSubjectTokenExpiresAfterTenMinutesAndWorksOnlyAtItsKiosk() {
        String subject = api.subjectToken(DEMO, TOKEN);
        Api.Reply elsewhere = api.send("POST", OTHER + "/documents", otherToken,
                "{\"serviceCode\":\"si-participation-certificate\",\"subjectToken\":\"" + subject + "\"}");
        assertProblem(elsewhere, 401, "subject-token", "identify the person again");
        clock.advance(Duration.ofMinutes(10));
        assertProblem(request("si-participation-certificate", subject), 401, "subject-token", "expired");
    }

    @Test
    void aMalformedSubjectTokenOrAMissingServiceIsABadRequest() {
        assertProblem(request("si-participation-certificate", "short"), 400, "invalid-request", "subjectToken");
        assertProblem(api.send("POST", DEMO + "/documents", TOKEN, "{\"subjectToken\":\"x\"}"), 400, "invalid-request",
                "serviceCode");
    }

    @Test
    void anotherKiosksDocumentIsNotFoundAndCannotBeReportedAsPrinted() {
        String id = api.certificate(DEMO, TOKEN).get("documentId").asText();
        assertProblem(api.get(OTHER + "/documents/" + id + "/pdf", otherToken), 404, "not-found", "has no document");
        assertProblem(api.send("PUT", OTHER + "/prints/job-other-1", otherToken,
                "{\"documentId\":\"" + id + "\",\"state\":\"queued\"}"), 409, "conflict", "another kiosk");
        assertProblem(api.send("PUT", DEMO + "/prints/job-other-2", TOKEN,
                "{\"documentId\":\"never-issued\",\"state\":\"queued\"}"), 404, "not-found", "never-issued");
    }

    @Test
    void theVerificationPageSaysWhatWasIssuedToWhomWhenAndThatItIsValid() {
        JsonNode doc = api.certificate(DEMO, TOKEN);
        Api.Reply html = api.get("/verify/" + doc.get("verificationCode").asText(), null);
        assertEquals(200, html.status());
        assertTrue(html.contentType().startsWith("text/html"), html.contentType());
        for (String part : new String[] {"社会保险参保证明", "Social insurance participation certificate", "测***甲",
            "2026-03-02 09:30:00", "有效 · Valid", doc.get("sha256").asText(), doc.get("caseNumber").asText()}) {
            assertTrue(html.body().contains(part), part + " missing from " + html.body());
        }
        assertFalse(html.body().contains("测试用户甲"));
        Api.Reply json = api.getAccepting("/verify/" + doc.get("verificationCode").asText(), "application/json");
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        assertTrue(json.json().get("valid").asBoolean());
        assertEquals(doc.get("sha256").asText(), json.json().get("sha256").asText());
    }

    @Test
    void aLicenceDocumentIsNoLongerValidAfterTheLicenceExpires() {
        Licence l = licence(LicenceKind.BREEDING_LIVESTOCK);
        String subject = Api.identified(identify(qr(DemoKiosk.licenceQr(l.number()).text())));
        String code = api.issue(DEMO, TOKEN, "breeding-livestock-licence", subject).get("verificationCode").asText();
        clock.advance(Duration.ofDays(4 * 366));
        Api.Reply json = api.getAccepting("/verify/" + code, "application/json");
        assertFalse(json.json().get("valid").asBoolean(), json.body());
        assertTrue(api.get("/verify/" + code, null).body().contains("已失效 · No longer valid"));
    }

    @Test
    void aMalformedVerificationCodeIsABadRequestAndAnUnknownOneIsNotFound() {
        assertProblem(api.get("/verify/0OIl", null), 400, "invalid-request", "16 characters");
        assertProblem(api.get("/verify/" + "Z".repeat(16), null), 404, "not-found", "forged or mistyped");
    }

    @Test
    void theLogNamesTheIdentifiedPersonOnlyMasked() {
        var logger = (Logger) LoggerFactory.getLogger(DocumentsApi.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        Level was = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            api.certificate(DEMO, TOKEN);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(was);
        }
        String logged = String.join("\n", appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertTrue(logged.contains("110105********0015"), logged);
        assertFalse(logged.contains("110105194910010015"), logged);
        assertFalse(logged.contains("测试用户甲"), logged);
    }
}
