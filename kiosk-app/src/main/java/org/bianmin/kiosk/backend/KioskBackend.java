package org.bianmin.kiosk.backend;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The backend as the visit uses it. Every call answers with a future that fails with a
 * {@link BackendException} saying what went wrong in a form the kiosk can act on; none blocks the
 * caller. Subject tokens, ID numbers and names passed here never reach a log in full.
 */
public interface KioskBackend {

    /** The services this kiosk offers, in home-screen order (operation listServices). */
    CompletableFuture<List<ServiceInfo>> services();

    /** Identifies a citizen by the ID card's number and name (operation identify, method id-card). */
    CompletableFuture<Identification> identifyByCard(String idNumber, String name);

    /** Identifies by a scanned code: {@code ESSC1:…} or {@code EBL1:…} (operation identify, method qr). */
    CompletableFuture<Identification> identifyByCode(String code);

    /** Issues the document of {@code serviceCode} for the identified subject (operation requestDocument). */
    CompletableFuture<DocumentTicket> requestDocument(String serviceCode, String subjectToken);

    /** The signed PDF, byte for byte as issued (operation getDocumentPdf). */
    CompletableFuture<byte[]> documentPdf(String documentId);

    /** Records a print job's state in the backend's ledger, idempotently (operation recordPrintResult). */
    CompletableFuture<Void> reportPrint(String idempotencyKey, String documentId, PrintState state, String reason);

    /** The current 好差评 indicator set (operation getEvaluationIndicators). */
    CompletableFuture<IndicatorSet> evaluationIndicators();

    /** Submits one evaluation of a 办件编号 issued here (operation submitEvaluation). */
    CompletableFuture<Void> evaluate(Evaluation evaluation);

    /**
     * Tells the fleet service how the kiosk and its devices are (operation putHeartbeat). Sent once, never retried:
     * the next heartbeat carries newer news.
     */
    CompletableFuture<Void> heartbeat(Heartbeat heartbeat);

    /** Whether the last exchange with the backend succeeded (false until the first one does). */
    boolean online();

    /** Called with the new value whenever {@link #online()} changes, on the client's own thread. */
    void onConnectivity(Consumer<Boolean> listener);

    /**
     * Checks a scanned technician code ({@code BMTECH1:…}) for this kiosk (operation verifyTechnicianCode). An unknown,
     * expired or other kiosk's code fails with {@link BackendException.Kind#KIOSK_NOT_AUTHORISED} (403), the backend's
     * reason in plain words in {@link BackendException#detail()}. The code is a credential: it never reaches a log.
     */
    CompletableFuture<TechnicianAccess> verifyTechnicianCode(String code);

    /**
     * Uploads a diagnostic bundle, a zip of at most {@value #DIAGNOSTICS_MAX_BYTES} bytes, for the office (operation
     * uploadDiagnostics). Sent once, never retried.
     */
    CompletableFuture<DiagnosticsReceipt> uploadDiagnostics(byte[] zip);

    /** The largest diagnostic bundle the backend takes: 20 MiB. */
    int DIAGNOSTICS_MAX_BYTES = 20 * 1024 * 1024;
}
