package org.bianmin.kiosk.devices;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bianmin.kiosk.backend.BackendException;
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

/** A backend that takes heartbeats only, answering each as the test says; any other call fails. */
final class HeartbeatOnlyBackend implements KioskBackend {
    private final Function<Heartbeat, CompletableFuture<Void>> answer;

    HeartbeatOnlyBackend(Function<Heartbeat, CompletableFuture<Void>> answer) {
        this.answer = answer;
    }

    @Override
    public CompletableFuture<Void> heartbeat(Heartbeat heartbeat) {
        return answer.apply(heartbeat);
    }

    private static <T> CompletableFuture<T> notHere() {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.REJECTED, 0, "only heartbeats here"));
    }

    @Override
    public CompletableFuture<List<ServiceInfo>> services() {
        return notHere();
    }

    @Override
    public CompletableFuture<Identification> identifyByCard(String idNumber, String name) {
        return notHere();
    }

    @Override
    public CompletableFuture<Identification> identifyByCode(String code) {
        return notHere();
    }

    @Override
    public CompletableFuture<DocumentTicket> requestDocument(String serviceCode, String subjectToken) {
        return notHere();
    }

    @Override
    public CompletableFuture<byte[]> documentPdf(String documentId) {
        return notHere();
    }

    @Override
    public CompletableFuture<Void> reportPrint(String idempotencyKey, String documentId, PrintState state, String reason) {
        return notHere();
    }

    @Override
    public CompletableFuture<IndicatorSet> evaluationIndicators() {
        return notHere();
    }

    @Override
    public CompletableFuture<Void> evaluate(Evaluation evaluation) {
        return notHere();
    }

    @Override
    public CompletableFuture<TechnicianAccess> verifyTechnicianCode(String code) {
        return notHere();
    }

    @Override
    public CompletableFuture<DiagnosticsReceipt> uploadDiagnostics(byte[] zip) {
        return notHere();
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public void onConnectivity(Consumer<Boolean> listener) {
    }
}
