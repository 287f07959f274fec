package org.bianmin.kiosk.print;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.DiagnosticsReceipt;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Heartbeat;
import org.bianmin.kiosk.backend.Evaluation;
import org.bianmin.kiosk.backend.Identification;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.backend.KioskBackend;
import org.bianmin.kiosk.backend.PrintState;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.backend.TechnicianAccess;

/** A backend that records the print reports it is given, and can be made unreachable; printing asks nothing else of it. */
final class RecordingBackend implements KioskBackend {

    record Report(String key, String documentId, PrintState state, String reason) {}

    final List<Report> reports = new CopyOnWriteArrayList<>();
    volatile boolean unreachable;

    @Override
    public CompletableFuture<Void> reportPrint(String idempotencyKey, String documentId, PrintState state, String reason) {
        if (unreachable) {
            return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.UNREACHABLE, 0,
                    "connection refused (test backend switched off)"));
        }
        reports.add(new Report(idempotencyKey, documentId, state, reason));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean online() {
        return !unreachable;
    }

    @Override
    public void onConnectivity(Consumer<Boolean> listener) {
        // connectivity never changes in these tests
    }

    private static <T> CompletableFuture<T> notForPrinting() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("printing does not call this"));
    }

    @Override
    public CompletableFuture<List<ServiceInfo>> services() {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<Identification> identifyByCard(String idNumber, String name) {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<Identification> identifyByCode(String code) {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<DocumentTicket> requestDocument(String serviceCode, String subjectToken) {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<byte[]> documentPdf(String documentId) {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<IndicatorSet> evaluationIndicators() {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<Void> evaluate(Evaluation evaluation) {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<Void> heartbeat(Heartbeat heartbeat) {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<TechnicianAccess> verifyTechnicianCode(String code) {
        return notForPrinting();
    }

    @Override
    public CompletableFuture<DiagnosticsReceipt> uploadDiagnostics(byte[] zip) {
        return notForPrinting();
    }
}
