package org.bianmin.kiosk.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * The backend as maintenance mode meets it: technician codes the office issued (valid, or refused with the
 * backend's words) and uploaded bundles. The visit's calls answer that nothing is on record.
 */
final class TechnicianBackend implements KioskBackend {
    static final String CODE = "BMTECH1:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String EXPIRED_CODE = "BMTECH1:ZZZZZZZZZZZZZZZZZZZZZZZZZZ";

    /** Codes and their technicians; a code not here is refused as unknown. */
    final Map<String, TechnicianAccess> issued = new ConcurrentHashMap<>();
    final List<String> identifications = new CopyOnWriteArrayList<>();
    final List<byte[]> uploads = new CopyOnWriteArrayList<>();

    TechnicianBackend(Instant now) {
        issued.put(CODE, new TechnicianAccess("王师傅", now.plusSeconds(1800)));
    }

    @Override
    public CompletableFuture<TechnicianAccess> verifyTechnicianCode(String code) {
        TechnicianAccess a = issued.get(code);
        if (a != null) {
            return CompletableFuture.completedFuture(a);
        }
        String why = code.equals(EXPIRED_CODE) ? "this technician code expired at 2026-11-25 08:00" : "this technician code is unknown";
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.KIOSK_NOT_AUTHORISED, 403,
                "verifyTechnicianCode: 403 - " + why, null, why, null));
    }

    @Override
    public CompletableFuture<DiagnosticsReceipt> uploadDiagnostics(byte[] zip) {
        uploads.add(zip.clone());
        return CompletableFuture.completedFuture(new DiagnosticsReceipt("bundle-" + uploads.size(), zip.length));
    }

    @Override
    public CompletableFuture<List<ServiceInfo>> services() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Identification> identifyByCard(String idNumber, String name) {
        identifications.add("card");
        return notFound();
    }

    @Override
    public CompletableFuture<Identification> identifyByCode(String code) {
        identifications.add("code");
        return notFound();
    }

    @Override
    public CompletableFuture<DocumentTicket> requestDocument(String serviceCode, String subjectToken) {
        return notFound();
    }

    @Override
    public CompletableFuture<byte[]> documentPdf(String documentId) {
        return notFound();
    }

    @Override
    public CompletableFuture<Void> reportPrint(String idempotencyKey, String documentId, PrintState state, String reason) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<IndicatorSet> evaluationIndicators() {
        return notFound();
    }

    @Override
    public CompletableFuture<Void> evaluate(Evaluation evaluation) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public void onConnectivity(Consumer<Boolean> listener) {
        // always online here
    }

    @Override
    public CompletableFuture<Void> heartbeat(Heartbeat heartbeat) {
        return CompletableFuture.completedFuture(null);
    }

    private static <T> CompletableFuture<T> notFound() {
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.NOT_FOUND, 404, "nothing on record here"));
    }
}
