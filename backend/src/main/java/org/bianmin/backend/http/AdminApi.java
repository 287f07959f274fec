package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.bianmin.backend.auth.AdminAuthenticator;
import org.bianmin.backend.auth.TechnicianCodeIssuer;
import org.bianmin.backend.codes.Masking;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.fleet.HistoryEntry;
import org.bianmin.backend.fleet.KioskSummary;
import org.bianmin.backend.store.DiagnosticBundles;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.KioskHeartbeats;
import org.bianmin.backend.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' operations under {@code /api/v1/admin}: the fleet table, a kiosk's heartbeat history, technician codes
 * and diagnostic bundles. Every call carries an admin token.
 */
public final class AdminApi {
    static final String BASE = "/api/v1/admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Store store;
    private final AdminAuthenticator auth;
    private final Fleet fleet;
    private final TechnicianCodeIssuer codes;
    private final ObjectMapper mapper;

    public AdminApi(Store store, AdminAuthenticator auth, Fleet fleet, TechnicianCodeIssuer codes, ObjectMapper mapper) {
        this.store = store;
        this.auth = auth;
        this.fleet = fleet;
        this.codes = codes;
        this.mapper = mapper;
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, BASE + "/kiosks", this::kiosks),
                new ApiRoute(HandlerType.GET, BASE + "/kiosks/{kioskId}/history", this::history),
                new ApiRoute(HandlerType.POST, BASE + "/technician-codes", this::issueCode),
                new ApiRoute(HandlerType.GET, BASE + "/kiosks/{kioskId}/diagnostics", this::bundles),
                new ApiRoute(HandlerType.GET, BASE + "/diagnostics/{bundleId}", this::bundle));
    }

    /** @param asOf the backend's time the statuses were judged at, so a client can say "12 s ago" without trusting its own clock */
    record FleetView(Instant asOf, List<KioskSummary> kiosks) {
    }

    private void kiosks(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        Instant asOf = fleet.now();
        ctx.json(new FleetView(asOf, fleet.kiosks()));
    }

    record HistoryView(String kioskId, List<HistoryEntry> heartbeats) {
    }

    private void history(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        String kioskId = keptKiosk(ctx.pathParam("kioskId"));
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(new HistoryView(kioskId, fleet.history(kioskId, limit)));
    }

    private static int limit(String text) {
        if (text == null) {
            return Fleet.DEFAULT_HISTORY;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= KioskHeartbeats.KEEP_ROWS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + KioskHeartbeats.KEEP_ROWS);
    }

    record IssueBody(String kioskId, String technician, Integer validMinutes) {
    }

    private void issueCode(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        IssueBody body = Json.read(mapper, ctx.body(), IssueBody.class);
        String kioskId = knownKiosk(body.kioskId());
        int minutes = body.validMinutes() == null ? 30 : body.validMinutes();
        TechnicianCodeIssuer.Issued issued = codes.issue(kioskId, body.technician(), minutes, admin);
        LOG.info("admin {} issued a technician code for {} at kiosk {}, valid until {}", admin,
                Masking.name(issued.technician()), kioskId, issued.expiresAt());
        ctx.status(201).json(issued);
    }

    record BundleView(String bundleId, Instant receivedAt, int size, String sha256) {
    }

    record BundlesView(String kioskId, List<BundleView> bundles) {
    }

    private void bundles(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        String kioskId = keptKiosk(ctx.pathParam("kioskId"));
        ctx.json(new BundlesView(kioskId, store.diagnostics().list(kioskId).stream()
                .map(b -> new BundleView(b.id(), b.receivedAt(), b.size(), b.sha256())).toList()));
    }

    private void bundle(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        String id = ctx.pathParam("bundleId");
        DiagnosticBundles.Bundle bundle = store.diagnostics().find(id).orElseThrow(() -> DocumentsApi.notFound(
                "no diagnostic bundle " + id + " is kept; GET " + BASE + "/kiosks/{kioskId}/diagnostics lists a kiosk's bundles"));
        byte[] zip = store.diagnostics().download(id, admin).orElseThrow(() -> DocumentsApi.notFound(
                "diagnostic bundle " + id + " was just replaced by a newer one"));
        LOG.info("admin {} downloaded diagnostic bundle {} of kiosk {}", admin, id, bundle.kioskId());
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + fileName(bundle) + "\"")
                .result(zip);
    }

    /** {@code diagnostics-demo-kiosk-01-20261125-150000.zip}, in Beijing time. */
    public static String fileName(DiagnosticBundles.Bundle bundle) {
        return "diagnostics-" + bundle.kioskId() + "-" + FILE_TIME.format(bundle.receivedAt().atZone(DocumentsApi.ZONE)) + ".zip";
    }

    /** A kiosk in the fleet, or one removed from it: its heartbeats and bundles are kept and stay readable. */
    private String keptKiosk(String kioskId) {
        Kiosk.checkId(kioskId);
        if (!store.kiosks().known(kioskId)) {
            throw DocumentsApi.notFound("no kiosk " + kioskId + " is registered; GET " + BASE + "/kiosks lists them");
        }
        return kioskId;
    }

    private String knownKiosk(String kioskId) {
        Kiosk.checkId(kioskId);
        return store.kiosks().find(kioskId).map(Kiosk::id).orElseThrow(() -> DocumentsApi.notFound(
                store.kiosks().absence(kioskId, "no kiosk " + kioskId + " is registered; GET " + BASE + "/kiosks lists them")));
    }
}
