package org.bianmin.kiosk.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bianmin.kiosk.backend.BackendException;
import org.bianmin.kiosk.backend.DiagnosticsReceipt;
import org.bianmin.kiosk.backend.DocumentTicket;
import org.bianmin.kiosk.backend.Evaluation;
import org.bianmin.kiosk.backend.Heartbeat;
import org.bianmin.kiosk.backend.Guide;
import org.bianmin.kiosk.backend.Identification;
import org.bianmin.kiosk.backend.IndicatorSet;
import org.bianmin.kiosk.backend.KioskBackend;
import org.bianmin.kiosk.backend.PrintState;
import org.bianmin.kiosk.backend.ServiceInfo;
import org.bianmin.kiosk.backend.TechnicianAccess;

/** A hand-written backend with the demo's services, one citizen and one licence; failures are set per call. */
final class FakeBackend implements KioskBackend {
    static final String CERTIFICATE = "si-participation-certificate";
    static final String LICENCE = "business-licence";
    static final String CITIZEN_NUMBER = "110105194910010015";
    static final String CITIZEN_NAME = "测试用户甲";
    static final String CITIZEN_CODE = "ESSC1:demo-citizen";
    static final String LICENCE_CODE = "EBL1:demo-licence";
    /** A technician code the office issued to 王师傅 for this kiosk, and one that has expired. */
    static final String TECHNICIAN_CODE = "BMTECH1:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String EXPIRED_TECHNICIAN_CODE = "BMTECH1:ZZZZZZZZZZZZZZZZZZZZZZZZZZ";
    static final String TECHNICIAN = "王师傅";

    static final List<ServiceInfo> SERVICES = List.of(
            new ServiceInfo(CERTIFICATE, "社保参保证明打印", "人力资源和社会保障局", new Guide(
                    "在本统筹区参加社会保险的个人，持本人有效居民身份证或电子社保卡即可办理。",
                    List.of("本人有效居民身份证（读卡）或电子社保卡二维码"),
                    List.of("刷身份证或扫描电子社保卡二维码核验身份", "预览参保证明", "打印参保证明（含验证码与二维码）", "评价本次服务"),
                    "即时办结", "《社会保险参保证明》（个人权益记录）一份，可扫码或凭验证码在线核验")),
            new ServiceInfo(LICENCE, "营业执照打印", "市场监督管理局", new Guide(
                    "已领取营业执照的企业、个体工商户、农民专业合作社，由法定代表人（负责人、经营者）本人办理。",
                    List.of("电子营业执照二维码"),
                    List.of("扫描电子营业执照二维码", "预览营业执照照面信息", "打印营业执照", "评价本次服务"),
                    "即时办结", "营业执照打印件一份，电子证照标识可在线核验")),
            new ServiceInfo("pesticide-licence", "农药经营许可证打印", "农业农村局", new Guide(
                    "已取得农药经营许可证且在有效期内的经营者。", List.of("电子营业执照二维码"), List.of("扫码", "预览", "打印"),
                    "即时办结", "农药经营许可证打印件一份")),
            new ServiceInfo("breeding-livestock-licence", "种畜禽生产经营许可证打印", "农业农村局", new Guide(
                    "已取得种畜禽生产经营许可证且在有效期内的单位或个人。", List.of("电子营业执照二维码"), List.of("扫码", "预览", "打印"),
                    "即时办结", "种畜禽生产经营许可证打印件一份")));

    static final IndicatorSet INDICATORS = new IndicatorSet(1, List.of(
            new IndicatorSet.Indicator("GUIDE_CLEAR", "办事指南清晰准确", true),
            new IndicatorSet.Indicator("FAST", "办理速度快", true),
            new IndicatorSet.Indicator("GUIDE_UNCLEAR", "办事指南不清晰", false),
            new IndicatorSet.Indicator("TOO_SLOW", "办理时间过长", false),
            new IndicatorSet.Indicator("DEVICE_FAULT", "自助设备故障", false)));

    /** When set, the next identification fails with it. */
    volatile BackendException.Kind identifyFails;
    /** When set, the next document request fails with it. */
    volatile BackendException.Kind documentFails;
    /** When set, identifications answer only once it completes (to see the checking screen). */
    volatile CompletableFuture<Void> identifyGate;
    private volatile boolean online = true;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    final List<Evaluation> evaluations = new CopyOnWriteArrayList<>();
    final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    final Map<String, String> requested = new ConcurrentHashMap<>();
    final List<byte[]> uploads = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<List<ServiceInfo>> services() {
        return online ? CompletableFuture.completedFuture(SERVICES) : unreachable();
    }

    @Override
    public CompletableFuture<Identification> identifyByCard(String idNumber, String name) {
        if (!online) {
            return unreachable();
        }
        BackendException.Kind f = identifyFails;
        if (f != null) {
            return failed(f);
        }
        if (!CITIZEN_NUMBER.equals(idNumber)) {
            return failed(BackendException.Kind.NOT_FOUND);
        }
        return gated(citizen());
    }

    private CompletableFuture<Identification> gated(Identification id) {
        CompletableFuture<Void> gate = identifyGate;
        return gate == null ? CompletableFuture.completedFuture(id) : gate.thenApply(x -> id);
    }

    @Override
    public CompletableFuture<Identification> identifyByCode(String code) {
        if (!online) {
            return unreachable();
        }
        BackendException.Kind f = identifyFails;
        if (f != null) {
            return failed(f);
        }
        if (code.equals(CITIZEN_CODE)) {
            return gated(citizen());
        }
        if (code.equals(LICENCE_CODE)) {
            return gated(new Identification("token-licence", Instant.now().plusSeconds(600),
                    Identification.SubjectKind.LICENCE, "示例县绿野农业科技有限公司", Optional.empty(), Optional.of("营业执照"),
                    Optional.of("91330100MA2XXXXX1K"), List.of(LICENCE)));
        }
        return failed(BackendException.Kind.NOT_FOUND);
    }

    private static Identification citizen() {
        return new Identification("token-citizen", Instant.now().plusSeconds(600), Identification.SubjectKind.CITIZEN, "测*甲",
                Optional.of("110105********0015"), Optional.empty(), Optional.empty(), List.of(CERTIFICATE));
    }

    @Override
    public CompletableFuture<DocumentTicket> requestDocument(String serviceCode, String subjectToken) {
        BackendException.Kind f = documentFails;
        if (f != null) {
            return failed(f);
        }
        requested.put(serviceCode, subjectToken);
        return CompletableFuture.completedFuture(new DocumentTicket("doc-1", "BM20260601000123", serviceCode, "社会保险参保证明", "测*甲",
                Instant.parse("2026-06-01T02:00:00Z"), Optional.of(LocalDate.of(2026, 9, 1)), "7K3M-Q9TX", "https://verify.example/v/7K3M-Q9TX",
                FakeDocuments.SHA256));
    }

    @Override
    public CompletableFuture<byte[]> documentPdf(String documentId) {
        return CompletableFuture.completedFuture(FakeDocuments.PDF.clone());
    }

    @Override
    public CompletableFuture<Void> reportPrint(String idempotencyKey, String documentId, PrintState state, String reason) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<IndicatorSet> evaluationIndicators() {
        return online ? CompletableFuture.completedFuture(INDICATORS) : unreachable();
    }

    @Override
    public CompletableFuture<Void> evaluate(Evaluation evaluation) {
        evaluations.add(evaluation);
        return CompletableFuture.completedFuture(null);
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
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<TechnicianAccess> verifyTechnicianCode(String code) {
        if (!online) {
            return unreachable();
        }
        if (code.equals(TECHNICIAN_CODE)) {
            return CompletableFuture.completedFuture(new TechnicianAccess(TECHNICIAN, Instant.now().plusSeconds(1800)));
        }
        String why = code.equals(EXPIRED_TECHNICIAN_CODE) ? "this technician code expired at 2026-06-01 08:00" : "this technician code is unknown";
        return CompletableFuture.failedFuture(new BackendException(BackendException.Kind.KIOSK_NOT_AUTHORISED, 403,
                "verifyTechnicianCode: 403 - " + why, null, why, null));
    }

    @Override
    public CompletableFuture<DiagnosticsReceipt> uploadDiagnostics(byte[] zip) {
        if (!online) {
            return unreachable();
        }
        uploads.add(zip.clone());
        return CompletableFuture.completedFuture(new DiagnosticsReceipt("bundle-" + uploads.size(), zip.length));
    }

    void setOnline(boolean now) {
        online = now;
        listeners.forEach(l -> l.accept(now));
    }

    private static <T> CompletableFuture<T> unreachable() {
        return failed(BackendException.Kind.UNREACHABLE);
    }

    private static <T> CompletableFuture<T> failed(BackendException.Kind kind) {
        return CompletableFuture.failedFuture(new BackendException(kind, 0, "fake backend: " + kind));
    }
}
