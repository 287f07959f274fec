package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.store.ConflictException;
import org.bianmin.backend.store.Evaluation;
import org.bianmin.backend.store.EvaluationRequest;
import org.bianmin.backend.store.Grade;
import org.bianmin.backend.store.Guide;
import org.bianmin.backend.store.IndicatorSet;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.PrintLedger;
import org.bianmin.backend.store.PrintRecord;
import org.bianmin.backend.store.PrintReport;
import org.bianmin.backend.store.PrintState;
import org.bianmin.backend.store.Service;
import org.bianmin.backend.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kiosk-facing operations under {@code /api/v1/kiosks/{kioskId}}: services, print results, evaluations. */
public final class KioskApi {
    static final String BASE = "/api/v1/kiosks/{kioskId}";
    private static final Logger LOG = LoggerFactory.getLogger(KioskApi.class);

    private final Store store;
    private final KioskAuthenticator auth;
    private final ObjectMapper mapper;

    public KioskApi(Store store, KioskAuthenticator auth, ObjectMapper mapper) {
        this.store = store;
        this.auth = auth;
        this.mapper = mapper;
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, BASE + "/services", this::services),
                new ApiRoute(HandlerType.GET, BASE + "/evaluation-indicators", this::indicators),
                new ApiRoute(HandlerType.PUT, BASE + "/prints/{idempotencyKey}", this::print),
                new ApiRoute(HandlerType.POST, BASE + "/evaluations", this::evaluate));
    }

    record GuideView(String acceptanceConditions, List<String> materials, List<String> steps, String timeLimit,
                     String result) {
        static GuideView of(Guide g) {
            return new GuideView(g.acceptanceConditions(), g.materials(), g.steps(), g.timeLimit(), g.result());
        }
    }

    record ServiceView(String code, String name, String department, GuideView guide) {
    }

    record ServicesView(String kioskId, List<ServiceView> services) {
    }

    private void services(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        List<ServiceView> services = store.services().offeredAt(kioskId).stream()
                .map((Service s) -> new ServiceView(s.code(), s.name(), s.department(), GuideView.of(s.guide())))
                .toList();
        ctx.json(new ServicesView(kioskId, services));
    }

    record IndicatorView(String code, String label, String polarity) {
    }

    record IndicatorSetView(int version, LocalDate publishedOn, List<IndicatorView> indicators) {
    }

    private void indicators(Context ctx) {
        auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId"));
        IndicatorSet set = store.evaluations().currentIndicatorSet();
        ctx.json(new IndicatorSetView(set.version(), set.publishedOn(), set.indicators().stream()
                .map(i -> new IndicatorView(i.code(), i.label(), i.polarity().name().toLowerCase(java.util.Locale.ROOT)))
                .toList()));
    }

    record PrintReportBody(String documentId, String state, String reason) {
    }

    record PrintRecordView(String idempotencyKey, String documentId, String state, String reason, Instant createdAt,
                           Instant updatedAt) {
        static PrintRecordView of(PrintRecord r) {
            return new PrintRecordView(r.idempotencyKey(), r.report().documentId(), r.report().state().wireName(),
                    r.report().reason(), r.createdAt(), r.updatedAt());
        }
    }

    private void print(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        String key = PrintLedger.checkKey(ctx.pathParam("idempotencyKey"));
        PrintReportBody body = Json.read(mapper, ctx.body(), PrintReportBody.class);
        if (body.state() == null) {
            throw new InvalidInputException("state", "is required");
        }
        PrintReport report = new PrintReport(body.documentId(), PrintState.fromWire(body.state()), body.reason());
        var document = store.documents().find(report.documentId()).orElseThrow(() -> DocumentsApi.notFound(
                "no document " + report.documentId() + " was issued; request the document before reporting its print"));
        if (!document.kioskId().equals(kioskId)) {
            throw new ConflictException("document " + report.documentId() + " was issued to another kiosk");
        }
        PrintRecord record = store.prints().record(kioskId, key, report);
        LOG.info("kiosk {} print job {}: {}", kioskId, key, record.report().state().wireName());
        ctx.json(PrintRecordView.of(record));
    }

    record EvaluationBody(String caseNumber, String grade, Integer indicatorSetVersion, List<String> indicators,
                          String comment) {
    }

    record EvaluationView(String id, String caseNumber, String grade, String gradeLabel, int indicatorSetVersion,
                          List<String> indicators, String comment, Instant submittedAt) {
    }

    private void evaluate(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        EvaluationBody body = Json.read(mapper, ctx.body(), EvaluationBody.class);
        if (body.indicatorSetVersion() == null) {
            throw new InvalidInputException("indicatorSetVersion", "is required");
        }
        if (body.indicators() != null && body.indicators().contains(null)) {
            throw new InvalidInputException("indicators", "must not contain null");
        }
        EvaluationRequest request = new EvaluationRequest(body.caseNumber(), Grade.parse(body.grade()),
                body.indicatorSetVersion(), body.indicators(), body.comment());
        // a case issued at another kiosk is reported exactly like an unknown one, so its existence does not leak
        store.documents().byCaseNumber(request.caseNumber()).filter(d -> d.kioskId().equals(kioskId))
                .orElseThrow(() -> DocumentsApi.notFound("no document with 办件编号 " + request.caseNumber()
                        + " was issued at this kiosk"));
        Evaluation e = store.evaluations().submit(kioskId, request);
        LOG.info("kiosk {} evaluation {} for case {}", kioskId, e.id(), request.caseNumber());
        ctx.status(201).header("Location", "/api/v1/kiosks/" + kioskId + "/evaluations/" + e.id())
                .json(new EvaluationView(e.id(), request.caseNumber(), request.grade().name(), request.grade().label(),
                        request.indicatorSetVersion(), request.indicators(), request.comment(), e.submittedAt()));
    }
}
