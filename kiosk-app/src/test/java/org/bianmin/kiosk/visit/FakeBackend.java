package org.bianmin.kiosk.visit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bianmin.device.PersonalData;
import org.bianmin.kiosk.backend.DiagnosticsReceipt;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Evaluation;
import org.bianmin.kiosk.backend.Heartbeat;
import org.bianmin.kiosk.backend.Identification;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.backend.KioskBackend;
import org.bianmin.kiosk.backend.PrintState;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.backend.TechnicianAccess;

/**
 * The backend as a test scripts it: every operation answers at once with what a demo backend would
 * say, unless the test scripted a failure or a late answer for it. It keeps no card number or name:
 * it masks them into the identification as the real backend does, and forgets the rest.
 */
final class FakeBackend implements KioskBackend {
    final Script<List<ServiceInfo>> services = new Script<>();
    final Script<Identification> identifyByCard = new Script<>();
    final Script<Identification> identifyByCode = new Script<>();
    final Script<DocumentTicket> requestDocument = new Script<>();
    final Script<byte[]> documentPdf = new Script<>();
    final Script<IndicatorSet> indicators = new Script<>();
    final Script<Void> evaluate = new Script<>();

    /** Services a citizen identified by card or e-social-security card may have. */
    volatile List<String> citizenServices = List.of(VisitFixtures.SI.code());
    /** Services a licence holder identified by e-licence code may have. */
    volatile List<String> licenceServices = List.of(VisitFixtures.BUSINESS_LICENCE.code());
    volatile List<ServiceInfo> catalogue = VisitFixtures.CATALOGUE;

    final List<Evaluation> evaluations = new ArrayList<>();
    final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    final List<String> documentRequests = new ArrayList<>();
    private final List<Consumer<Boolean>> connectivity = new CopyOnWriteArrayList<>();
    private volatile boolean online = true;
    private int issued;

    @Override
    public CompletableFuture<List<ServiceInfo>> services() {
        return services.answer(() -> catalogue);
    }

    @Override
    public CompletableFuture<Identification> identifyByCard(String idNumber, String name) {
        Optional<String> masked = Optional.of(PersonalData.maskIdNumber(idNumber));
        String shownName = PersonalData.maskName(name);
        return identifyByCard.answer(() -> citizen(shownName, masked));
    }

    @Override
    public CompletableFuture<Identification> identifyByCode(String code) {
        return identifyByCode.answer(() -> code.startsWith("EBL1:") ? licence() : citizen("测*乙", Optional.of("110105********0021")));
    }

    /** What the backend answers for 测试用户甲's card, or for the fixtures' e-licence code (for late answers the test completes). */
    Identification identification(IdentifyMethod by) {
        return by == IdentifyMethod.ID_CARD ? citizen("测*甲", Optional.of("110105********0015")) : licence();
    }

    private Identification licence() {
        return new Identification("subject-" + (issued + 1), VisitFixtures.NOW.plus(Duration.ofMinutes(10)),
                Identification.SubjectKind.LICENCE, VisitFixtures.LICENCE_HOLDER, Optional.empty(),
                Optional.of("business-licence"), Optional.of(VisitFixtures.LICENCE_NUMBER), licenceServices);
    }

    private Identification citizen(String shownName, Optional<String> maskedNumber) {
        return new Identification("subject-" + (issued + 1), VisitFixtures.NOW.plus(Duration.ofMinutes(10)),
                Identification.SubjectKind.CITIZEN, shownName, maskedNumber, Optional.empty(), Optional.empty(), citizenServices);
    }

    @Override
    public CompletableFuture<DocumentTicket> requestDocument(String serviceCode, String subjectToken) {
        documentRequests.add(serviceCode);
        return requestDocument.answer(() -> ticket(serviceCode));
    }

    /** A freshly issued ticket, as the backend answers a document request (for late answers the test completes). */
    DocumentTicket ticket(String serviceCode) {
        int n = ++issued;
        return new DocumentTicket("doc-" + n, "KS-2025-" + n, serviceCode, "证明 " + n, "测*甲", VisitFixtures.NOW,
                Optional.empty(), "VC" + n, "https://backend.example/verify/VC" + n, "ab".repeat(32));
    }

    @Override
    public CompletableFuture<byte[]> documentPdf(String documentId) {
        return documentPdf.answer(() -> ("%PDF-1.7\n% a signed document " + documentId + "\n%%EOF").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public CompletableFuture<Void> reportPrint(String idempotencyKey, String documentId, PrintState state, String reason) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<IndicatorSet> evaluationIndicators() {
        return indicators.answer(() -> VisitFixtures.INDICATORS);
    }

    @Override
    public CompletableFuture<Void> evaluate(Evaluation evaluation) {
        evaluations.add(evaluation);
        return evaluate.answer(() -> null);
    }

    @Override
    public CompletableFuture<Void> heartbeat(Heartbeat heartbeat) {
        heartbeats.add(heartbeat);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean online() {
        return online;
    }

    @Override
    public void onConnectivity(Consumer<Boolean> listener) {
        connectivity.add(listener);
    }

    @Override
    public CompletableFuture<TechnicianAccess> verifyTechnicianCode(String code) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the visit never verifies technician codes"));
    }

    @Override
    public CompletableFuture<DiagnosticsReceipt> uploadDiagnostics(byte[] zip) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the visit never uploads diagnostics"));
    }

    /** The client's connectivity changes, as a real client reports it from its own thread (here, the test's). */
    void goes(boolean nowOnline) {
        online = nowOnline;
        for (Consumer<Boolean> l : connectivity) {
            l.accept(nowOnline);
        }
    }
}
