package org.bianmin.backend.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bianmin.backend.TestClock;
import org.bianmin.backend.auth.TokenHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's behaviour, run against every engine the backend supports (subclasses give the database). */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    final TestClock clock = new TestClock(T0);
    Store store;

    /** A JDBC URL to an empty database. */
    abstract String freshDatabaseUrl();

    @BeforeEach
    void open() {
        store = Store.open(freshDatabaseUrl(), clock);
        store.kiosks().add(new Kiosk("kiosk-a", "甲镇便民服务中心"), TokenHash.of("token-a-123"));
        store.kiosks().add(new Kiosk("kiosk-b", "乙镇便民服务中心"), TokenHash.of("token-b-123"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Service service(String code, String name) {
        return new Service(code, name, "人力资源和社会保障局", new Guide("本人持有效身份证件办理。",
                List.of("居民身份证", "电子社保卡"), List.of("刷身份证", "选择业务", "打印"), "即时办结", "证明一份"));
    }

    @Test
    void aKioskIsFoundByTheHashOfItsTokenAndTheTokenItselfIsNotStored() {
        var credential = store.kiosks().byTokenHash(TokenHash.of("token-a-123")).orElseThrow();
        assertEquals("kiosk-a", credential.kiosk().id());
        assertEquals(64, credential.tokenHash().length());
        assertNotEquals("token-a-123", credential.tokenHash());
        assertTrue(store.kiosks().byTokenHash(TokenHash.of("token-unknown")).isEmpty());
    }

    @Test
    void registeringAKioskIdTwiceIsAConflict() {
        assertThrows(ConflictException.class,
                () -> store.kiosks().add(new Kiosk("kiosk-a", "另一台"), TokenHash.of("another-token")));
    }

    @Test
    void eachKioskListsItsOwnServicesInItsOwnOrderWithFullGuides() {
        store.services().save(service("si-cert", "社保参保证明打印"));
        store.services().save(service("biz-licence", "营业执照打印"));
        store.services().offer("kiosk-a", List.of("biz-licence", "si-cert"));
        store.services().offer("kiosk-b", List.of("si-cert"));

        List<Service> atA = store.services().offeredAt("kiosk-a");
        assertEquals(List.of("biz-licence", "si-cert"), atA.stream().map(Service::code).toList());
        assertEquals(service("biz-licence", "营业执照打印"), atA.get(0));
        assertEquals(List.of("si-cert"), store.services().offeredAt("kiosk-b").stream().map(Service::code).toList());
    }

    @Test
    void savingAServiceAgainReplacesItsGuide() {
        store.services().save(service("si-cert", "社保参保证明打印"));
        Service changed = new Service("si-cert", "社保参保证明打印", "人社局", new Guide("新条件", List.of("身份证"),
                List.of("刷卡", "打印"), "1个工作日", "证明一份"));
        store.services().save(changed);
        store.services().offer("kiosk-a", List.of("si-cert"));
        assertEquals(List.of(changed), store.services().offeredAt("kiosk-a"));
    }

    @Test
    void offeringAnUnknownServiceIsRefusedAndNamesIt() {
        var e = assertThrows(InvalidInputException.class, () -> store.services().offer("kiosk-a", List.of("no-such")));
        assertTrue(e.getMessage().contains("no-such"), e.getMessage());
    }

    @Test
    void repeatingAPrintReportGivesTheSameRecord() {
        PrintReport printed = new PrintReport("doc-1", PrintState.PRINTED, null);
        PrintRecord first = store.prints().record("kiosk-a", "job-0001", printed);
        clock.advance(Duration.ofMinutes(1));
        PrintRecord again = store.prints().record("kiosk-a", "job-0001", printed);
        assertEquals(first, again);
        assertEquals(first, store.prints().find("job-0001").orElseThrow());
    }

    @Test
    void aQueuedJobMovesOnToPrintedAndKeepsItsCreationTime() {
        store.prints().record("kiosk-a", "job-0002", new PrintReport("doc-2", PrintState.QUEUED, null));
        clock.advance(Duration.ofSeconds(30));
        PrintRecord done = store.prints().record("kiosk-a", "job-0002", new PrintReport("doc-2", PrintState.PRINTED, null));
        assertEquals(PrintState.PRINTED, done.report().state());
        assertEquals(T0, done.createdAt());
        assertEquals(T0.plusSeconds(30), done.updatedAt());
        assertEquals(done, store.prints().find("job-0002").orElseThrow());
    }

    @Test
    void aFinalPrintStateCannotChange() {
        store.prints().record("kiosk-a", "job-0003", new PrintReport("doc-3", PrintState.FAILED, "缺纸"));
        assertThrows(ConflictException.class,
                () -> store.prints().record("kiosk-a", "job-0003", new PrintReport("doc-3", PrintState.PRINTED, null)));
        assertThrows(ConflictException.class,
                () -> store.prints().record("kiosk-a", "job-0003", new PrintReport("doc-3", PrintState.FAILED, "卡纸")));
        assertThrows(ConflictException.class,
                () -> store.prints().record("kiosk-a", "job-0003", new PrintReport("doc-3", PrintState.QUEUED, null)));
        assertEquals("缺纸", store.prints().find("job-0003").orElseThrow().report().reason());
    }

    @Test
    void aKeyReusedForAnotherDocumentOrByAnotherKioskIsAConflict() {
        store.prints().record("kiosk-a", "job-0004", new PrintReport("doc-4", PrintState.QUEUED, null));
        assertThrows(ConflictException.class,
                () -> store.prints().record("kiosk-a", "job-0004", new PrintReport("doc-5", PrintState.QUEUED, null)));
        assertThrows(ConflictException.class,
                () -> store.prints().record("kiosk-b", "job-0004", new PrintReport("doc-4", PrintState.QUEUED, null)));
    }

    @Test
    void printedAndFailedJobsAreAuditedAndQueuedOnesAreNot() {
        store.prints().record("kiosk-a", "job-0005", new PrintReport("doc-5", PrintState.QUEUED, null));
        store.prints().record("kiosk-a", "job-0005", new PrintReport("doc-5", PrintState.PRINTED, null));
        store.prints().record("kiosk-b", "job-0006", new PrintReport("doc-6", PrintState.FAILED, "卡纸"));
        List<AuditEvent> events = store.audit().latest(10);
        assertEquals(List.of("document.failed", "document.printed"), events.stream().map(AuditEvent::action).toList());
        assertEquals("doc-6", events.get(0).target());
        assertEquals("kiosk-b", events.get(0).kioskId());
    }

    @Test
    void theCurrentIndicatorSetIsVersionOneWithPositiveAndNegativeIndicators() {
        IndicatorSet set = store.evaluations().currentIndicatorSet();
        assertEquals(1, set.version());
        assertTrue(set.indicators().stream().anyMatch(i -> i.polarity() == Grade.Polarity.POSITIVE));
        assertEquals("办理时间过长", set.find("TOO_SLOW").orElseThrow().label());
    }

    @Test
    void anEvaluationIsStoredOncePerCaseNumber() {
        var request = new EvaluationRequest("BJ2026030200001", Grade.VERY_SATISFIED, 1, List.of("FAST"), "很方便");
        Evaluation stored = store.evaluations().submit("kiosk-a", request);
        assertEquals(request, stored.request());
        assertEquals(T0, stored.submittedAt());
        var second = new EvaluationRequest("BJ2026030200001", Grade.DISSATISFIED, 1, List.of("TOO_SLOW"), null);
        assertThrows(ConflictException.class, () -> store.evaluations().submit("kiosk-b", second));
        assertEquals("evaluation.submitted", store.audit().latest(1).get(0).action());
    }

    @Test
    void anIndicatorMustBelongToTheSetAndFitTheGrade() {
        var unknown = new EvaluationRequest("BJ-1", Grade.SATISFIED, 1, List.of("NO_SUCH"), null);
        assertThrows(InvalidInputException.class, () -> store.evaluations().submit("kiosk-a", unknown));
        var wrongPolarity = new EvaluationRequest("BJ-2", Grade.SATISFIED, 1, List.of("TOO_SLOW"), null);
        var e = assertThrows(InvalidInputException.class, () -> store.evaluations().submit("kiosk-a", wrongPolarity));
        assertEquals("indicators", e.field());
        var unknownSet = new EvaluationRequest("BJ-3", Grade.SATISFIED, 99, List.of(), null);
        assertThrows(InvalidInputException.class, () -> store.evaluations().submit("kiosk-a", unknownSet));
        assertTrue(store.audit().latest(10).isEmpty());
    }

    @Test
    void aRefusedEvaluationLeavesTheCaseOpenForAValidOne() {
        var refused = new EvaluationRequest("BJ-4", Grade.SATISFIED, 1, List.of("TOO_SLOW"), null);
        assertThrows(InvalidInputException.class, () -> store.evaluations().submit("kiosk-a", refused));
        var valid = new EvaluationRequest("BJ-4", Grade.SATISFIED, 1, List.of("FAST"), null);
        assertFalse(store.evaluations().submit("kiosk-a", valid).id().isBlank());
    }

    @Test
    void aQrCodeIsFoundByItsHashAndRegisteringItAgainKeepsTheFirstSubject() {
        store.qrCodes().register(TokenHash.of("ESSC1:code-one"), Subject.citizen("110105194910010015"));
        store.qrCodes().register(TokenHash.of("ESSC1:code-one"), Subject.citizen("990101199001010012"));
        assertEquals(Subject.citizen("110105194910010015"), store.qrCodes().find(TokenHash.of("ESSC1:code-one")).orElseThrow());
        assertTrue(store.qrCodes().find(TokenHash.of("ESSC1:code-two")).isEmpty());
    }

    @Test
    void aSubjectTokenWorksOnlyAtItsKioskAndOnlyUntilItExpires() {
        String hash = TokenHash.of("subject-token-1");
        store.subjectTokens().issue(hash, "kiosk-a", Subject.licence("91990100MA0000001X"), T0.plus(Duration.ofMinutes(10)));
        assertEquals(Subject.licence("91990100MA0000001X"), store.subjectTokens().find(hash, "kiosk-a").orElseThrow());
        assertTrue(store.subjectTokens().find(hash, "kiosk-b").isEmpty());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(store.subjectTokens().find(hash, "kiosk-a").isEmpty());
    }

    static IssuedDocument document(String id, String caseNumber, String code, LocalDate validUntil) {
        return new IssuedDocument(id, "kiosk-a", "si-cert", caseNumber, "社会保险参保证明", "测****甲",
                Subject.citizen("110105194910010015"), code, "ab".repeat(32), T0, validUntil);
    }

    @Test
    void anIssuedDocumentKeepsItsPdfByteForByteAndIsAuditedAsIssued() {
        store.services().save(service("si-cert", "社保参保证明打印"));
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xff, 7};
        store.documents().issue(document("doc-1", "BM20260302-AAAA", "ABCDEFGHJKLMNPQR", null), pdf);
        IssuedDocument found = store.documents().find("doc-1").orElseThrow();
        assertEquals(document("doc-1", "BM20260302-AAAA", "ABCDEFGHJKLMNPQR", null), found);
        assertEquals("doc-1", store.documents().byVerificationCode("ABCDEFGHJKLMNPQR").orElseThrow().id());
        assertArrayEquals(pdf, store.documents().pdf("doc-1").orElseThrow());
        AuditEvent event = store.audit().latest(1).get(0);
        assertEquals("document.issued", event.action());
        assertEquals("doc-1", event.target());
        assertFalse(event.detail().contains("110105194910010015"));
        assertTrue(store.documents().find("doc-2").isEmpty());
    }

    @Test
    void aDocumentWithATakenCaseNumberOrVerificationCodeIsAConflict() {
        store.services().save(service("si-cert", "社保参保证明打印"));
        store.documents().issue(document("doc-1", "BM-1", "ABCDEFGHJKLMNPQR", LocalDate.of(2030, 1, 31)), new byte[] {1});
        assertThrows(ConflictException.class, () -> store.documents().issue(
                document("doc-2", "BM-1", "2BCDEFGHJKLMNPQR", null), new byte[] {1}));
        assertThrows(ConflictException.class, () -> store.documents().issue(
                document("doc-3", "BM-3", "ABCDEFGHJKLMNPQR", null), new byte[] {1}));
        assertEquals(LocalDate.of(2030, 1, 31), store.documents().find("doc-1").orElseThrow().validUntil());
        assertTrue(store.documents().find("doc-1").orElseThrow().isValidOn(LocalDate.of(2030, 1, 31)));
        assertFalse(store.documents().find("doc-1").orElseThrow().isValidOn(LocalDate.of(2030, 2, 1)));
    }
}
