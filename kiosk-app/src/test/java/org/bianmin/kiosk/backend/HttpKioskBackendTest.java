package org.bianmin.kiosk.backend;

import static org.bianmin.kiosk.backend.Failures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of the client against the real reference backend, started once for the class as a
 * separate process with its demo data. The backend allows ten identifications at once per kiosk: the
 * tests here make fewer.
 */
class HttpKioskBackendTest {
    static final String ID_NUMBER = "110105194910010015";
    static final String NAME = "测试用户甲";

    @TempDir
    static Path dir;
    static BackendProcess backend;
    static HttpKioskBackend client;

    @BeforeAll
    static void startBackend() {
        backend = BackendProcess.start(dir.resolve("backend"));
        client = client(backend.kioskId(), backend.kioskToken(), "outbox");
    }

    @AfterAll
    static void stopBackend() {
        if (client != null) {
            client.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    static HttpKioskBackend client(String kioskId, String token, String outbox) {
        return HttpKioskBackend.builder().baseUri(backend.baseUri()).kioskId(kioskId).kioskToken(token)
                .outboxDirectory(dir.resolve(outbox)).requestTimeout(Duration.ofSeconds(20)).build();
    }

    static DocumentTicket issueCertificate() {
        Identification id = client.identifyByCard(ID_NUMBER, NAME).join();
        return client.requestDocument("si-participation-certificate", id.subjectToken()).join();
    }

    @Test
    void theServicesAreTheDemoKiosksFourEachWithItsGuide() {
        List<ServiceInfo> services = client.services().join();

        assertEquals(List.of("si-participation-certificate", "business-licence", "pesticide-licence",
                "breeding-livestock-licence"), services.stream().map(ServiceInfo::code).toList());
        ServiceInfo first = services.getFirst();
        assertEquals("社保参保证明打印", first.name());
        assertEquals("人力资源和社会保障局", first.department());
        assertEquals("即时办结", first.guide().timeLimit());
        assertFalse(first.guide().steps().isEmpty());
        assertTrue(client.online());
    }

    @Test
    void anIdCardIdentifiesTheSeededCitizenWithAMaskedNameAndNumber() {
        Identification id = client.identifyByCard(ID_NUMBER, NAME).join();

        assertEquals(Identification.SubjectKind.CITIZEN, id.kind());
        assertEquals("测***甲", id.displayName());
        assertEquals(Optional.of("110105********0015"), id.maskedIdNumber());
        assertEquals(List.of("si-participation-certificate"), id.services());
        assertEquals(43, id.subjectToken().length());
        assertTrue(id.expiresAt().isAfter(Instant.now()));
        assertFalse(id.toString().contains(id.subjectToken()));
    }

    @Test
    void aBusinessLicenceCodeIdentifiesTheLicenceAndTheServiceThatPrintsIt() {
        Identification id = client.identifyByCode(backend.demoCode("营业执照")).join();

        assertEquals(Identification.SubjectKind.LICENCE, id.kind());
        assertEquals(Optional.of("营业执照"), id.licenceKind());
        assertTrue(id.licenceNumber().isPresent());
        assertEquals(List.of("business-licence"), id.services());
    }

    @Test
    void anIssuedCertificateDownloadsAsTheSignedPdfItsTicketDescribes() throws Exception {
        DocumentTicket ticket = issueCertificate();
        byte[] pdf = client.documentPdf(ticket.documentId()).join();

        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        assertEquals(ticket.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertEquals("si-participation-certificate", ticket.serviceCode());
        assertEquals("测***甲", ticket.holder());
        assertTrue(ticket.caseNumber().startsWith("BM"), ticket.caseNumber());
        assertTrue(ticket.verifyUrl().endsWith("/verify/" + ticket.verificationCode()), ticket.verifyUrl());
    }

    @Test
    void aPrintResultIsRecordedIdempotentlyAndAChangedFinalStateIsAConflict() {
        DocumentTicket ticket = issueCertificate();
        String key = UUID.randomUUID().toString();

        client.reportPrint(key, ticket.documentId(), PrintState.QUEUED, null).join();
        client.reportPrint(key, ticket.documentId(), PrintState.PRINTED, null).join();
        client.reportPrint(key, ticket.documentId(), PrintState.PRINTED, null).join();
        BackendException conflict = failure(Kind.CONFLICT,
                client.reportPrint(key, ticket.documentId(), PrintState.FAILED, "paper out"));

        assertEquals(409, conflict.status());
        assertEquals(0, client.pendingReports());
    }

    @Test
    void aPrintReportForADocumentNeverIssuedFailsAsNotFoundAndIsNotKept() {
        failure(Kind.NOT_FOUND, client.reportPrint(UUID.randomUUID().toString(), "no-such-document", PrintState.PRINTED, null));

        assertEquals(0, client.pendingReports());
    }

    @Test
    void theIndicatorSetOffersIndicatorsForGoodAndForBadGrades() {
        IndicatorSet set = client.evaluationIndicators().join();

        assertTrue(set.version() >= 1);
        assertFalse(set.forGrade(Grade.VERY_SATISFIED).isEmpty());
        assertFalse(set.forGrade(Grade.DISSATISFIED).isEmpty());
    }

    @Test
    void anEvaluationIsStoredOnceAndASecondOneOfTheSameCaseIsAConflict() {
        DocumentTicket ticket = issueCertificate();
        IndicatorSet set = client.evaluationIndicators().join();
        String bad = set.forGrade(Grade.DISSATISFIED).getFirst().code();

        client.evaluate(new Evaluation(ticket.caseNumber(), Grade.VERY_SATISFIED, set.version(), List.of(), Optional.empty()))
                .join();
        failure(Kind.CONFLICT, client.evaluate(new Evaluation(ticket.caseNumber(), Grade.DISSATISFIED, set.version(),
                List.of(bad), Optional.empty())));

        assertEquals(0, client.pendingReports());
    }

    @Test
    void aWrongTokenIsAKioskNotAuthorised() {
        try (HttpKioskBackend wrong = client(backend.kioskId(), "not-the-kiosk-token", "outbox-wrong-token")) {
            BackendException e = failure(Kind.KIOSK_NOT_AUTHORISED, wrong.services());

            assertEquals(401, e.status());
            assertFalse(e.getMessage().contains("not-the-kiosk-token"), e.getMessage());
        }
    }

    @Test
    void aLargeBundleUploadsWholeAndOneSentWithAWrongTokenIsRefusedEveryTimeNotCutOff() throws Exception {
        byte[] zip = storedZip(19 * 1024 * 1024);
        assertTrue(zip.length > HttpKioskBackend.EXPECT_CONTINUE_ABOVE);

        assertEquals(zip.length, client.uploadDiagnostics(zip).join().size());
        // refused by its headers: without 100-continue the backend's 401 could be lost to a reset while the bytes go
        try (HttpKioskBackend wrong = client(backend.kioskId(), "not-the-kiosk-token", "outbox-wrong-token-upload")) {
            for (int i = 0; i < 10; i++) {
                assertEquals(401, failure(Kind.KIOSK_NOT_AUTHORISED, wrong.uploadDiagnostics(zip)).status());
            }
        }
    }

    private static byte[] storedZip(int size) throws IOException {
        byte[] noise = new byte[size];
        new Random(7).nextBytes(noise);
        CRC32 crc = new CRC32();
        crc.update(noise);
        ZipEntry entry = new ZipEntry("kiosk.log");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCrc(crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(entry);
            z.write(noise);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void anotherKiosksIdWithThisKiosksTokenIsAKioskNotAuthorised() {
        try (HttpKioskBackend other = client("demo-kiosk-99", backend.kioskToken(), "outbox-other-kiosk")) {
            assertEquals(403, failure(Kind.KIOSK_NOT_AUTHORISED, other.evaluationIndicators()).status());
        }
    }

    @Test
    void aNameThatDoesNotMatchTheIdNumberIsNotFoundAndTheMessageRepeatsNeither() {
        BackendException e = failure(Kind.NOT_FOUND, client.identifyByCard(ID_NUMBER, "测试用户乙"));

        assertFalse(e.getMessage().contains(ID_NUMBER), e.getMessage());
        assertFalse(e.getMessage().contains("测试用户乙"), e.getMessage());
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsRejectedNamingTheField() {
        BackendException e = failure(Kind.REJECTED, client.identifyByCard("110105194910010016", NAME));

        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("idNumber"), e.getMessage());
        assertFalse(e.getMessage().contains("110105194910010016"), e.getMessage());
    }

    @Test
    void anUnknownSubjectTokenMeansTheIdentificationExpired() {
        BackendException e = failure(Kind.IDENTIFICATION_EXPIRED,
                client.requestDocument("si-participation-certificate", "A".repeat(43)));

        assertEquals(401, e.status());
    }

    @Test
    void aDocumentThisKioskWasNeverIssuedIsNotFound() {
        failure(Kind.NOT_FOUND, client.documentPdf(UUID.randomUUID().toString()));
    }
}
