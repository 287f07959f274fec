package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.auth.TechnicianCodeIssuer;
import org.bianmin.backend.codes.Masking;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.fleet.Heartbeat;
import org.bianmin.backend.store.DiagnosticBundles;
import org.bianmin.backend.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's side of the fleet service under {@code /api/v1/kiosks/{kioskId}}: heartbeats, technician code checks and
 * diagnostic bundle uploads.
 */
public final class KioskFleetApi {
    /** The largest heartbeat body, in bytes. */
    public static final int MAX_HEARTBEAT_BYTES = 64 * 1024;
    /** The largest diagnostic bundle, in bytes (20 MiB). */
    public static final int MAX_BUNDLE_BYTES = 20 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(KioskFleetApi.class);

    private final Store store;
    private final KioskAuthenticator auth;
    private final Fleet fleet;
    private final TechnicianCodeIssuer codes;
    private final ObjectMapper mapper;

    public KioskFleetApi(Store store, KioskAuthenticator auth, Fleet fleet, TechnicianCodeIssuer codes, ObjectMapper mapper) {
        this.store = store;
        this.auth = auth;
        this.fleet = fleet;
        this.codes = codes;
        this.mapper = mapper;
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.PUT, KioskApi.BASE + "/heartbeat", this::heartbeat),
                new ApiRoute(HandlerType.POST, KioskApi.BASE + "/technician-codes/verify", this::verify),
                new ApiRoute(HandlerType.POST, KioskApi.BASE + "/diagnostics", this::upload));
    }

    private void heartbeat(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_HEARTBEAT_BYTES) {
            throw tooLarge("a heartbeat is at most " + MAX_HEARTBEAT_BYTES + " bytes; this one is " + body.length
                    + " (too many devices, counters or too long error details?)");
        }
        Heartbeat heartbeat = Json.read(mapper, new String(body, StandardCharsets.UTF_8), Heartbeat.class);
        fleet.report(kioskId, heartbeat);
        // the body is never logged: only what the fleet table shows
        if (LOG.isDebugEnabled()) {
            LOG.debug("kiosk {} heartbeat: mode {}, config {}, {} devices, failing {}", kioskId, heartbeat.mode(),
                    heartbeat.configVersion(), heartbeat.devices().size(),
                    heartbeat.devices().stream().filter(Heartbeat.DeviceHealth::failing).map(Heartbeat.DeviceHealth::name).toList());
        }
        ctx.status(204);
    }

    record VerifyBody(String code) {
    }

    record AcceptedView(String technician, Instant expiresAt) {
    }

    private void verify(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        VerifyBody body = Json.read(mapper, ctx.body(), VerifyBody.class);
        TechnicianCodeIssuer.Accepted accepted = codes.verify(kioskId, body.code());
        LOG.info("kiosk {}: technician code of {} accepted, valid until {}", kioskId, Masking.name(accepted.technician()),
                accepted.expiresAt());
        ctx.json(new AcceptedView(accepted.technician(), accepted.expiresAt()));
    }

    record UploadedView(String bundleId, int size) {
    }

    private void upload(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/zip")) {
            throw new ApiProblemException(new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "a diagnostic bundle is sent as Content-Type: application/zip; this request said '"
                            + (type.isEmpty() ? "nothing" : type) + "'", null));
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BUNDLE_BYTES) {
            throw tooLarge(bundleTooLarge(declared));
        }
        byte[] zip = readAtMost(ctx, MAX_BUNDLE_BYTES);
        if (zip.length > MAX_BUNDLE_BYTES) {
            throw tooLarge(bundleTooLarge(zip.length));
        }
        if (!isZip(zip)) {
            throw new ApiProblemException(new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    zip.length == 0 ? "the diagnostic bundle is empty; send the zip file's bytes"
                            : "the body is not a zip file (a zip starts with the bytes PK 03 04); send the bundle the kiosk exported",
                    null));
        }
        DiagnosticBundles.Bundle bundle = store.diagnostics().save(kioskId, zip, DocumentsApi.sha256(zip));
        LOG.info("kiosk {} uploaded diagnostic bundle {} ({} bytes)", kioskId, bundle.id(), zip.length);
        ctx.status(201).header("Location", "/api/v1/admin/diagnostics/" + bundle.id()).json(new UploadedView(bundle.id(), zip.length));
    }

    private static String bundleTooLarge(long size) {
        return "a diagnostic bundle is at most 20 MiB (" + MAX_BUNDLE_BYTES + " bytes); this one is " + size
                + " bytes: export fewer days of logs or traces";
    }

    /** Reads up to {@code limit + 1} bytes, so a body over the limit is noticed without reading all of it. */
    private static byte[] readAtMost(Context ctx, int limit) {
        try (InputStream in = ctx.req().getInputStream()) {
            return in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload broke off", e);
        }
    }

    // a zip starts with a local file header (PK 03 04), or is empty and starts with the end record (PK 05 06)
    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K'
                && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
    }

    static ApiProblemException tooLarge(String detail) {
        return new ApiProblemException(new ApiProblem(413, "too-large", "Request body too large", detail, null));
    }
}
