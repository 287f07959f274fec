package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.fleet.ConfigDistribution;
import org.bianmin.backend.fleet.Desired;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.LayerReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's side of desired and reported config under {@code /api/v1/kiosks/{kioskId}/config}: a long-poll for the
 * signed layers it should run, and its report of what it runs. A waiting kiosk holds a future, not a thread.
 */
public final class KioskConfigApi {
    /** The largest report body, in bytes. */
    public static final int MAX_REPORT_BYTES = 64 * 1024;
    private static final Pattern KNOWN = Pattern.compile("[0-9a-f]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(KioskConfigApi.class);

    private final KioskAuthenticator auth;
    private final ConfigDistribution distribution;
    private final ObjectMapper mapper;

    public KioskConfigApi(KioskAuthenticator auth, ConfigDistribution distribution, ObjectMapper mapper) {
        this.auth = auth;
        this.distribution = distribution;
        this.mapper = mapper;
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, KioskApi.BASE + "/config/desired", this::desired),
                new ApiRoute(HandlerType.PUT, KioskApi.BASE + "/config/reported", this::reported));
    }

    private void desired(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        String known = ctx.queryParam("known");
        if (known != null && !KNOWN.matcher(known).matches()) {
            throw new InvalidInputException("known", "is not an etag this backend gave; send the etag of the last answer, or leave it out");
        }
        int wait = waitSeconds(ctx.queryParam("wait"));
        Desired now = distribution.desired(kioskId);
        if (!now.etag().equals(known)) {
            write(ctx, now);
        } else if (wait == 0) {
            ctx.status(204);
        } else {
            ctx.future(() -> distribution.await(kioskId, known, Duration.ofSeconds(wait))
                    .thenAccept(changed -> changed.ifPresentOrElse(d -> write(ctx, d), () -> ctx.status(204))));
        }
    }

    private static int waitSeconds(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int wait = Integer.parseInt(text);
            if (wait >= 0 && wait <= ConfigDistribution.LONGEST_WAIT.toSeconds()) {
                return wait;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw new InvalidInputException("wait", "must be whole seconds from 0 to " + ConfigDistribution.LONGEST_WAIT.toSeconds());
    }

    private void write(Context ctx, Desired d) {
        ctx.status(200).header("ETag", "\"" + d.etag() + "\"").header("Cache-Control", "no-store")
                .contentType("application/json").result(distribution.body(d));
    }

    record ReportBody(List<LayerReport> layers) {
    }

    private void reported(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_REPORT_BYTES) {
            throw KioskFleetApi.tooLarge("a config report is at most " + MAX_REPORT_BYTES + " bytes; this one is " + body.length
                    + " (shorten the reasons)");
        }
        ReportBody report = Json.read(mapper, new String(body, StandardCharsets.UTF_8), ReportBody.class);
        if (report.layers() == null) {
            throw new InvalidInputException("layers", "is required: one entry per layer the kiosk was given, [] for none");
        }
        if (report.layers().stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("layers", "has a null entry; give each layer as an object");
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("kiosk {} reports {}", kioskId, report.layers().stream()
                    .map(l -> l.target() + " " + l.version() + " " + l.status().wireName()).toList());
        }
        CompletableFuture<Void> stored = distribution.report(kioskId, report.layers());
        ctx.future(() -> stored.thenRun(() -> ctx.status(204)));
    }
}
