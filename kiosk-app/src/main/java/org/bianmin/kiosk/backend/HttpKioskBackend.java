package org.bianmin.kiosk.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.bianmin.device.PersonalData;
import org.bianmin.kiosk.fleet.DesiredLayers;
import org.bianmin.kiosk.fleet.FleetService;
import org.bianmin.kiosk.fleet.FleetServiceException;
import org.bianmin.kiosk.fleet.ReportedConfig;
import org.bianmin.kiosk.backend.BackendException.Kind;
import org.bianmin.kiosk.backend.ReportOutbox.Entry;
import org.bianmin.kiosk.backend.ReportOutbox.EvaluationReport;
import org.bianmin.kiosk.backend.ReportOutbox.PrintReport;
import org.bianmin.kiosk.backend.ReportOutbox.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk API of {@code backend/openapi.yaml} over HTTP: {@code java.net.http} with a bearer kiosk
 * token, a deadline on every call, retries with backoff for idempotent calls only, answers checked
 * against the contract, a connectivity state, and a {@link ReportOutbox} for print results and evaluations.
 *
 * <p>Retries: GET services, GET indicators, GET pdf, PUT prints and PUT config/reported are tried up to
 * {@link RetryPolicy#maxAttempts()} times when there is no answer or a 5xx (and a GET also after a 429
 * that says {@code Retry-After}); POST identifications, documents and evaluations are sent once, and so is
 * PUT heartbeat (a heartbeat that failed is stale by the next one) and the long-poll GET config/desired
 * (its {@link org.bianmin.kiosk.fleet.FleetClient} asks again with its own backoff). As the
 * {@link FleetService}, the config calls block the caller's thread; the long-poll's deadline is the
 * request timeout plus its wait.
 *
 * <p>Connectivity: {@link #online()} turns false when a call gets no answer or a 5xx or an answer the
 * contract does not allow, and true when the backend answers within the contract (a 4xx problem included).
 * While offline, {@link #startHealthCheck(Duration)} probes {@code GET /openapi.yaml}; coming back
 * online replays the outbox.
 *
 * <p>Reports: {@link #reportPrint} and {@link #evaluate} first write the report to the outbox, then
 * deliver the outbox in order. Their future completes normally once the report is delivered, or once it
 * stays queued because the backend is offline, failing (5xx) or refusing the kiosk's token — so a visit
 * never waits on an offline backend. It fails only when the backend refused that report for good
 * (400 {@link Kind#REJECTED}, 404 {@link Kind#NOT_FOUND}, 409 {@link Kind#CONFLICT}); the report is then
 * dropped with a warning. A 409 on a report whose earlier delivery went unanswered means the backend
 * recorded it then: it counts as delivered.
 *
 * <p>TLS: an https backend's certificate must be issued by one of the builder's CA certificates (the Java runtime's
 * CAs when none are given) and name the host of the base URI. A refused certificate fails the call as
 * {@link Kind#UNREACHABLE} with the reason and the fix in plain words ({@link BackendTrust}), is not tried again,
 * is logged once per reason, and stays readable in {@link #certificateRefused()} until the backend answers.
 */
public final class HttpKioskBackend implements KioskBackend, FleetService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpKioskBackend.class);
    private static final String API = "/api/v1/kiosks/";
    private static final String JSON = "application/json";
    private static final Pattern KIOSK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    // an 18-character resident ID number inside a problem's detail, should a backend ever echo one
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final List<String> PRINT_STATES = List.of("queued", "printed", "failed");
    private static final Pattern TECHNICIAN_CODE = Pattern.compile("BMTECH1:[A-Za-z0-9]{26}");
    /** Bodies larger than this (curl's threshold) ask for 100 Continue before they are sent. */
    static final int EXPECT_CONTINUE_ABOVE = 1024 * 1024;
    // getDesiredConfig: known is an etag the backend gave, wait at most 60 s; reportConfig: reasons of at most 500 characters
    private static final Pattern ETAG = Pattern.compile("^[0-9a-f]{1,64}$");
    private static final long DESIRED_LONGEST_WAIT_SECONDS = 60;
    private static final int REASON_MAX = 500;

    private final String base;
    private final String kioskId;
    private final String kioskToken;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Executor callbacks;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final HttpClient http;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private final Executor drains = new SerialExecutor(io);
    private final Executor events;
    private final ObjectMapper json = new ObjectMapper();
    private final ReportOutbox outbox;
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Long, CompletableFuture<Void>> waiting = new HashMap<>();
    private ScheduledExecutorService healthCheck;
    /** Why the outbox last stopped delivering, until a report gets through. */
    private volatile Kind stuckOn;
    /** Why the backend's certificate was last refused, until the backend answers: logged once per reason. */
    private final AtomicReference<String> certificateRefused = new AtomicReference<>();

    private HttpKioskBackend(Builder b, ReportOutbox outbox) {
        this.base = b.baseUri.toString().replaceAll("/+$", "");
        this.kioskId = b.kioskId;
        this.kioskToken = b.kioskToken;
        this.requestTimeout = b.requestTimeout;
        this.retry = b.retryPolicy;
        this.callbacks = b.callbacks;
        this.sleeper = b.sleeper;
        this.random = b.random;
        this.events = new SerialExecutor(b.callbacks);
        this.outbox = outbox;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(BackendTrust.sslContext(b.caCertificates)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings of a {@link HttpKioskBackend}; base URI, kiosk id, kiosk token and outbox directory are required. */
    public static final class Builder {
        private URI baseUri;
        private String kioskId;
        private String kioskToken;
        private Path outboxDirectory;
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Executor callbacks = Runnable::run;
        private Sleeper sleeper = Sleeper.real();
        private RandomGenerator random = RandomGenerator.getDefault();
        private List<X509Certificate> caCertificates = List.of();

        private Builder() {
        }

        /**
         * The CAs whose certificates an https backend may present ({@code backend.caCertificates}, read with
         * {@link BackendTrust#readPemFiles}); none (the default) means the Java runtime's CAs.
         */
        public Builder caCertificates(List<X509Certificate> caCertificates) {
            this.caCertificates = caCertificates == null ? null : List.copyOf(caCertificates);
            return this;
        }

        /** The backend's address, e.g. {@code https://zwfw.example.gov.cn}; the API lives under {@code /api/v1}. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = baseUri;
            return this;
        }

        public Builder kioskId(String kioskId) {
            this.kioskId = kioskId;
            return this;
        }

        /** The kiosk's bearer token: a secret, never logged and never shown by {@code toString}. */
        public Builder kioskToken(String kioskToken) {
            this.kioskToken = kioskToken;
            return this;
        }

        /** Where {@link ReportOutbox#FILE_NAME} keeps the reports not yet delivered. */
        public Builder outboxDirectory(Path outboxDirectory) {
            this.outboxDirectory = outboxDirectory;
            return this;
        }

        /** The longest wait for a TCP connection (default 3 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The longest wait for one whole answer, body included (default 10 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** Where futures complete and connectivity listeners run (default: the client's own I/O thread). */
        public Builder callbackExecutor(Executor callbacks) {
            this.callbacks = callbacks;
            return this;
        }

        /** How the client waits between tries (default {@link Sleeper#real()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The jitter's source of randomness. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /**
         * Checks the settings and opens the outbox.
         *
         * @throws IllegalArgumentException naming the setting that is missing or wrong
         * @throws UncheckedIOException     if the outbox directory cannot be created or read
         */
        public HttpKioskBackend build() {
            if (baseUri == null || !baseUri.isAbsolute() || baseUri.getHost() == null
                    || !("http".equals(baseUri.getScheme()) || "https".equals(baseUri.getScheme()))) {
                throw new IllegalArgumentException("backend base URI '" + baseUri
                        + "' is not an absolute http(s) URL; set it to the backend's address, e.g. https://zwfw.example.gov.cn");
            }
            if (kioskId == null || !KIOSK_ID.matcher(kioskId).matches()) {
                throw new IllegalArgumentException("kiosk id '" + kioskId
                        + "' is not valid; use 3-64 of a-z, 0-9 and '-', starting with a letter or digit, e.g. demo-kiosk-01");
            }
            if (kioskToken == null || kioskToken.isBlank() || !kioskToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("kiosk token is missing or has spaces or non-ASCII characters; "
                        + "set the bearer token the backend issued to this kiosk");
            }
            if (outboxDirectory == null) {
                throw new IllegalArgumentException("outbox directory is not set; give a writable directory for the reports "
                        + "that wait for the backend");
            }
            requirePositive("connect timeout", connectTimeout);
            requirePositive("request timeout", requestTimeout);
            if (retryPolicy == null || callbacks == null || sleeper == null || random == null || caCertificates == null) {
                throw new IllegalArgumentException("retry policy, callback executor, sleeper, random and CA certificates must not be null");
            }
            try {
                return new HttpKioskBackend(this, ReportOutbox.open(outboxDirectory));
            } catch (IOException e) {
                throw new UncheckedIOException("outbox directory " + outboxDirectory + " cannot be used (" + e.getMessage()
                        + "); make it writable or choose another", e);
            }
        }

        private static void requirePositive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + d);
            }
        }
    }

    @Override
    public CompletableFuture<List<ServiceInfo>> services() {
        return submit(Call.get("listServices", "/services", "/services", JSON, this::readServices));
    }

    @Override
    public CompletableFuture<Identification> identifyByCard(String idNumber, String name) {
        if (idNumber == null || name == null) {
            return rejected("identify: an ID card's number and name are both needed");
        }
        ObjectNode body = json.createObjectNode().put("method", "id-card").put("idNumber", idNumber).put("name", name);
        return submit(Call.post("identify", "/identifications", body(body), this::readIdentified));
    }

    @Override
    public CompletableFuture<Identification> identifyByCode(String code) {
        if (code == null) {
            return rejected("identify: no QR code given");
        }
        ObjectNode body = json.createObjectNode().put("method", "qr").put("code", code);
        return submit(Call.post("identify", "/identifications", body(body), this::readIdentified));
    }

    @Override
    public CompletableFuture<DocumentTicket> requestDocument(String serviceCode, String subjectToken) {
        if (serviceCode == null || subjectToken == null) {
            return rejected("requestDocument: a service code and a subject token are both needed");
        }
        ObjectNode body = json.createObjectNode().put("serviceCode", serviceCode).put("subjectToken", subjectToken);
        return submit(Call.post("requestDocument", "/documents", body(body), this::readDocument));
    }

    @Override
    public CompletableFuture<byte[]> documentPdf(String documentId) {
        if (documentId == null || !DOCUMENT_ID.matcher(documentId).matches()) {
            return rejected("getDocumentPdf: '" + documentId + "' is not a document id the backend issues");
        }
        return submit(Call.get("getDocumentPdf", "/documents/{documentId}/pdf", "/documents/" + documentId + "/pdf",
                "application/pdf", HttpKioskBackend::readPdf));
    }

    @Override
    public CompletableFuture<IndicatorSet> evaluationIndicators() {
        return submit(Call.get("getEvaluationIndicators", "/evaluation-indicators", "/evaluation-indicators", JSON,
                this::readIndicators));
    }

    @Override
    public CompletableFuture<Void> reportPrint(String idempotencyKey, String documentId, PrintState state, String reason) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return rejected("recordPrintResult: idempotency key '" + idempotencyKey
                    + "' must be 8-64 of A-Z, a-z, 0-9, '_' and '-' (a UUID fits)");
        }
        if (documentId == null || !DOCUMENT_ID.matcher(documentId).matches()) {
            return rejected("recordPrintResult: '" + documentId + "' is not a document id the backend issues");
        }
        if (state == null || (state == PrintState.FAILED) != (reason != null && !reason.isBlank())) {
            return rejected("recordPrintResult: a failed job needs a reason and the other states take none");
        }
        if (reason != null && reason.length() > 200) {
            return rejected("recordPrintResult: the reason is " + reason.length() + " characters; at most 200");
        }
        return enqueue(new PrintReport(idempotencyKey, documentId, state, reason));
    }

    @Override
    public CompletableFuture<Void> evaluate(Evaluation evaluation) {
        if (evaluation == null || evaluation.caseNumber() == null || !CASE_NUMBER.matcher(evaluation.caseNumber()).matches()
                || evaluation.grade() == null || evaluation.indicatorSetVersion() < 1) {
            return rejected("submitEvaluation: an evaluation needs a 办件编号, a grade and an indicator set version >= 1");
        }
        if (!evaluation.grade().good() && evaluation.indicators().isEmpty()) {
            return rejected("submitEvaluation: grade " + evaluation.grade() + " needs at least one indicator");
        }
        return enqueue(new EvaluationReport(evaluation));
    }

    @Override
    public CompletableFuture<Void> heartbeat(Heartbeat heartbeat) {
        if (heartbeat == null) {
            return rejected("putHeartbeat: no heartbeat given");
        }
        // not retried: a heartbeat that did not get through is stale by the next one
        return submit(new Call<>("putHeartbeat", "PUT", API + "{kioskId}/heartbeat", "/heartbeat", HeartbeatJson.bytes(heartbeat), JSON, JSON,
                false, true, r -> null));
    }

    @Override
    public boolean online() {
        return online.get();
    }

    @Override
    public void onConnectivity(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<TechnicianAccess> verifyTechnicianCode(String code) {
        if (code == null || !TECHNICIAN_CODE.matcher(code).matches()) {
            return rejected("verifyTechnicianCode: not a technician code (BMTECH1: and 26 letters and digits)");
        }
        ObjectNode body = json.createObjectNode().put("code", code);
        return submit(Call.post("verifyTechnicianCode", "/technician-codes/verify", body(body), this::readTechnicianAccess));
    }

    @Override
    public CompletableFuture<DiagnosticsReceipt> uploadDiagnostics(byte[] zip) {
        if (zip == null || zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
            return rejected("uploadDiagnostics: the bundle is not a zip");
        }
        if (zip.length > DIAGNOSTICS_MAX_BYTES) {
            return rejected("uploadDiagnostics: the bundle is " + zip.length + " bytes; the backend takes at most "
                    + DIAGNOSTICS_MAX_BYTES);
        }
        return submit(Call.upload("uploadDiagnostics", "/diagnostics", zip, "application/zip", this::readDiagnosticsReceipt));
    }

    /**
     * Long-polls the layers this kiosk should run (operation getDesiredConfig) on the caller's thread: sent once, the
     * {@link org.bianmin.kiosk.fleet.FleetClient} asks again with its own backoff.
     */
    @Override
    public Optional<DesiredLayers> desired(Optional<String> known, Duration wait) throws FleetServiceException {
        long seconds = Math.clamp(wait.toSeconds(), 0, DESIRED_LONGEST_WAIT_SECONDS);
        String query = "?wait=" + seconds + known.filter(ETAG.asPredicate()).map(k -> "&known=" + k).orElse("");
        Call<Optional<DesiredLayers>> call = new Call<>("getDesiredConfig", "GET", API + "{kioskId}/config/desired",
                "/config/desired" + query, null, null, JSON, false, true, this::readDesired, Duration.ofSeconds(seconds));
        return fleetCall(call);
    }

    /**
     * Replaces the kiosk's reported config with these reports, one per layer (operation reportConfig), on the caller's
     * thread; tried again within the retry policy when there is no answer or a 5xx.
     */
    @Override
    public void report(List<ReportedConfig> layers) throws FleetServiceException {
        ObjectNode body = json.createObjectNode();
        var array = body.putArray("layers");
        for (ReportedConfig r : layers) {
            if (r.version() < 1) {
                continue;
            }
            ObjectNode l = array.addObject().put("target", r.target()).put("version", r.version());
            // the contract's running is at most the version reported on; a kiosk running a newer one says no more
            if (r.runningVersion() <= r.version()) {
                l.put("running", r.runningVersion());
            }
            l.put("status", r.status().name().toLowerCase(Locale.ROOT));
            if (!r.reason().isBlank()) {
                l.put("reason", r.reason().length() > REASON_MAX ? r.reason().substring(0, REASON_MAX - 1) + "…" : r.reason());
            }
            l.put("at", r.at().toString());
        }
        fleetCall(new Call<>("reportConfig", "PUT", API + "{kioskId}/config/reported", "/config/reported", body(body), JSON, JSON,
                true, true, response -> null));
    }

    private <T> T fleetCall(Call<T> call) throws FleetServiceException {
        try {
            return exchange(call);
        } catch (BackendException e) {
            FleetServiceException.Kind kind = switch (e.kind()) {
                case KIOSK_NOT_AUTHORISED -> FleetServiceException.Kind.UNAUTHORISED;
                case REJECTED, NOT_FOUND, CONFLICT -> FleetServiceException.Kind.REFUSED;
                default -> FleetServiceException.Kind.UNAVAILABLE;
            };
            throw new FleetServiceException(kind, e.getMessage());
        }
    }

    private Optional<DesiredLayers> readDesired(HttpResponse<byte[]> response) throws ContractNode.Violation {
        if (response.statusCode() == 204) {
            return Optional.empty();
        }
        ContractNode root = root(response);
        List<byte[]> layers = new ArrayList<>();
        for (ContractNode layer : root.array("layers")) {
            if (!layer.json().isObject()) {
                throw new ContractNode.Violation(layer.path() + " is not an object");
            }
            try {
                layers.add(json.writeValueAsBytes(layer.json()));
            } catch (JsonProcessingException e) {
                throw new ContractNode.Violation(layer.path() + " cannot be written back (" + e.getOriginalMessage() + ")");
            }
        }
        return Optional.of(new DesiredLayers(root.text("etag"), root.texts("groups"), layers));
    }

    /**
     * Asks {@code GET /openapi.yaml} (no token) once whether the backend answers; the future tells the
     * resulting {@link #online()} and never fails.
     */
    public CompletableFuture<Boolean> probe() {
        Call<Void> call = new Call<>("getContract", "GET", "/openapi.yaml", "/openapi.yaml", null, null, "application/yaml",
                false, false, r -> null);
        return submit(call).handle((v, e) -> online());
    }

    /** Probes every {@code every} while offline, and retries pending reports while online; replaces a running check. */
    public synchronized void startHealthCheck(Duration every) {
        stopHealthCheck();
        healthCheck = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("kiosk-backend-health")
                .unstarted(r));
        healthCheck.scheduleWithFixedDelay(this::checkHealth, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stopHealthCheck() {
        if (healthCheck != null) {
            healthCheck.shutdownNow();
            healthCheck = null;
        }
    }

    /**
     * Why the backend's certificate was refused at the last try, in plain words with the fix, e.g. "the backend's
     * certificate (issued by CN=…) is not signed by a CA this kiosk trusts; add the CA's certificate to
     * backend.caCertificates"; empty once the backend answers.
     */
    public Optional<String> certificateRefused() {
        return Optional.ofNullable(certificateRefused.get());
    }

    /** How many reports wait in the outbox. */
    public int pendingReports() {
        return outbox.size();
    }

    /** Stops the health check and abandons calls in flight; queued reports stay in the outbox file for the next start. */
    @Override
    public void close() {
        stopHealthCheck();
        io.shutdownNow();
        http.shutdownNow();
        settleWaiting();
    }

    @Override
    public String toString() {
        return "HttpKioskBackend[" + base + ", kiosk " + kioskId + "]";
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(HttpResponse<byte[]> response) throws ContractNode.Violation;
    }

    /**
     * @param template   the path for the log, ids left as placeholders
     * @param retryable  tried again on no answer or a 5xx
     * @param kioskScoped under {@code /api/v1/kiosks/{kioskId}} and sent with the kiosk token
     * @param extraTime   how much longer than the request timeout the answer may take (a long-poll's wait)
     */
    private record Call<T>(String operation, String method, String template, String path, byte[] body, String contentType,
                           String accept, boolean retryable, boolean kioskScoped, Reader<T> reader, Duration extraTime) {

        Call(String operation, String method, String template, String path, byte[] body, String contentType, String accept,
             boolean retryable, boolean kioskScoped, Reader<T> reader) {
            this(operation, method, template, path, body, contentType, accept, retryable, kioskScoped, reader, Duration.ZERO);
        }

        static <T> Call<T> get(String operation, String template, String path, String accept, Reader<T> reader) {
            return new Call<>(operation, "GET", API + "{kioskId}" + template, path, null, null, accept, true, true, reader);
        }

        static <T> Call<T> post(String operation, String template, byte[] body, Reader<T> reader) {
            return new Call<>(operation, "POST", API + "{kioskId}" + template, template, body, JSON, JSON, false, true, reader);
        }

        static <T> Call<T> put(String operation, String template, String path, byte[] body, Reader<T> reader) {
            return new Call<>(operation, "PUT", API + "{kioskId}" + template, path, body, JSON, JSON, true, true, reader);
        }

        /** A POST whose body is not JSON, e.g. a zip; sent once. */
        static <T> Call<T> upload(String operation, String template, byte[] body, String contentType, Reader<T> reader) {
            return new Call<>(operation, "POST", API + "{kioskId}" + template, template, body, contentType, JSON, false, true, reader);
        }
    }

    private <T> CompletableFuture<T> submit(Call<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            io.execute(() -> {
                try {
                    T value = exchange(call);
                    callbacks.execute(() -> future.complete(value));
                } catch (BackendException e) {
                    callbacks.execute(() -> future.completeExceptionally(e));
                } catch (RuntimeException e) {
                    // a defect here must still end the caller's wait, with a type the visit knows
                    LOG.error("{} failed unexpectedly: {}", call.operation(), describe(e));
                    BackendException typed = new BackendException(Kind.SERVER_ERROR, 0, call.operation()
                            + ": the client failed unexpectedly (" + describe(e) + ")", e);
                    callbacks.execute(() -> future.completeExceptionally(typed));
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": the client is closed"));
        }
        return future;
    }

    /** Runs {@code call} with its tries and reports the outcome to the connectivity state. */
    private <T> T exchange(Call<T> call) {
        try {
            T value = tryAll(call);
            connectivity(true);
            return value;
        } catch (BackendException e) {
            connectivity(e.kind() != Kind.UNREACHABLE && e.kind() != Kind.SERVER_ERROR);
            throw e;
        }
    }

    private <T> T tryAll(Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(call, attempt);
            } catch (BackendException e) {
                Duration wait = retryDelay(call, e, attempt);
                if (wait == null) {
                    throw e;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The wait before the next try, or null when there is none. */
    private Duration retryDelay(Call<?> call, BackendException e, int attempt) {
        if (!call.retryable() || attempt >= retry.maxAttempts() || BackendTrust.refusal(e).isPresent()) {
            // a refused certificate stays refused until someone changes it or the kiosk's CAs
            return null;
        }
        if (e.kind() == Kind.UNREACHABLE || e.status() >= 500) {
            return retry.backoff(attempt, random);
        }
        if (e.kind() == Kind.RATE_LIMITED && "GET".equals(call.method()) && e.retryAfter().isPresent()
                && e.retryAfter().get().compareTo(retry.maxBackoff()) <= 0) {
            return e.retryAfter().get();
        }
        return null;
    }

    private <T> T once(Call<T> call, int attempt) {
        String url = base + (call.kioskScoped() ? API + kioskId + call.path() : call.path());
        Duration timeout = requestTimeout.plus(call.extraTime());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", call.accept() + ", application/problem+json");
        if (call.kioskScoped()) {
            request.header("Authorization", "Bearer " + kioskToken);
        }
        if (call.body() != null) {
            request.header("Content-Type", call.contentType()).method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
            // a large body (a diagnostic bundle) waits for the backend's 100 Continue, as curl's does: a refusal by
            // its headers (401, 403, 413) then arrives as an answer, not as a connection reset in mid-upload
            request.expectContinue(call.body().length > EXPECT_CONTINUE_ABOVE);
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            // one deadline for the whole answer: HttpRequest.timeout alone stops waiting at the headers
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            logCall(call, "no answer (timed out)", start, attempt);
            throw new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": no answer from " + base + " within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                logCall(call, "no connection (timed out)", start, attempt);
                throw new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": no connection to " + base
                        + " within the connect timeout", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                logCall(call, "no answer (timed out)", start, attempt);
                throw new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": no answer from " + base + " within "
                        + timeout.toMillis() + " ms", cause);
            }
            Optional<String> refused = BackendTrust.refusal(cause);
            if (refused.isPresent()) {
                logCall(call, "certificate refused", start, attempt);
                if (!refused.get().equals(certificateRefused.getAndSet(refused.get()))) {
                    LOG.warn("no secure connection to the backend {}: {}; the kiosk works offline until this is put right", base, refused.get());
                }
                throw new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": no secure connection to " + base + ": "
                        + refused.get(), cause);
            }
            if (cause instanceof SSLException) {
                logCall(call, "no secure connection", start, attempt);
                throw new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": no secure connection to " + base + " ("
                        + describe(cause) + "); check that the backend serves https at that address", cause);
            }
            logCall(call, "no answer (" + cause.getClass().getSimpleName() + ")", start, attempt);
            throw new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": no answer from " + base + " ("
                    + describe(cause) + ")", cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new BackendException(Kind.UNREACHABLE, 0, call.operation() + ": interrupted while waiting for " + base, e);
        }
        int status = response.statusCode();
        logCall(call, Integer.toString(status), start, attempt);
        if (status >= 200 && status < 300) {
            try {
                return call.reader().read(response);
            } catch (ContractNode.Violation v) {
                throw new BackendException(Kind.SERVER_ERROR, status, call.operation() + ": the answer breaks the contract: "
                        + v.getMessage());
            }
        }
        throw problem(call, response);
    }

    private void logCall(Call<?> call, String outcome, long startNanos, int attempt) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} ms{}", call.method(), call.template(), outcome,
                    (System.nanoTime() - startNanos) / 1_000_000, attempt > 1 ? " (try " + attempt + ")" : "");
        }
    }

    /** Types a non-2xx answer by its status and its RFC 9457 problem document. */
    private BackendException problem(Call<?> call, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String type = "";
        String detail = null;
        String field = null;
        try {
            JsonNode p = json.readTree(response.body());
            if (p != null && p.isObject()) {
                type = p.path("type").asText("");
                detail = p.hasNonNull("detail") ? p.get("detail").asText() : null;
                field = p.hasNonNull("field") ? p.get("field").asText() : null;
            }
        } catch (IOException e) {
            // not a problem document (a proxy's page, say): the status alone types the failure
            detail = null;
        }
        boolean subjectToken = type.endsWith(":subject-token") || "subjectToken".equals(field);
        Kind kind = switch (status) {
            case 400 -> Kind.REJECTED;
            case 401 -> subjectToken ? Kind.IDENTIFICATION_EXPIRED : Kind.KIOSK_NOT_AUTHORISED;
            case 403 -> Kind.KIOSK_NOT_AUTHORISED;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 400 && status < 500 ? Kind.REJECTED : Kind.SERVER_ERROR;
        };
        String what = detail == null ? "no problem details in the answer" : ID_NUMBER.matcher(detail)
                .replaceAll(m -> PersonalData.maskIdNumber(m.group()));
        String message = call.operation() + ": " + status + (type.isEmpty() ? "" : " " + type.replace("urn:bianmin:problem:", ""))
                + (field == null ? "" : " (field " + field + ")") + " - " + what;
        return new BackendException(kind, status, message, retryAfter(response), detail == null ? null : what, null);
    }

    /** {@code Retry-After} in seconds (the form the backend sends); an HTTP date is not used. */
    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isEmpty() || !value.get().strip().matches("[0-9]{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value.get().strip()));
    }

    private static String describe(Throwable t) {
        String name = t.getClass().getSimpleName();
        return t.getMessage() == null || t.getMessage().isBlank() ? name : name + ": " + t.getMessage();
    }

    private byte[] body(ObjectNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an object of strings and numbers always serialises", e);
        }
    }

    private <T> CompletableFuture<T> rejected(String message) {
        return CompletableFuture.failedFuture(new BackendException(Kind.REJECTED, 0, message + "; nothing was sent"));
    }

    private ContractNode root(HttpResponse<byte[]> response) throws ContractNode.Violation {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new ContractNode.Violation("the answer is '" + type + "', not " + JSON);
        }
        try {
            return ContractNode.root(json.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new ContractNode.Violation("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ContractNode.Violation("the answer cannot be read (" + e.getMessage() + ")");
        }
    }

    private List<ServiceInfo> readServices(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode root = root(response);
        root.text("kioskId");
        List<ServiceInfo> services = new ArrayList<>();
        for (ContractNode s : root.array("services")) {
            ContractNode g = s.object("guide");
            services.add(new ServiceInfo(s.text("code"), s.text("name"), s.text("department"), new Guide(
                    g.text("acceptanceConditions"), g.texts("materials"), g.texts("steps"), g.text("timeLimit"),
                    g.text("result"))));
        }
        return List.copyOf(services);
    }

    private Identification readIdentified(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode root = root(response);
        ContractNode s = root.object("subject");
        Identification.SubjectKind kind = s.oneOf("kind", List.of("citizen", "licence")).equals("citizen")
                ? Identification.SubjectKind.CITIZEN : Identification.SubjectKind.LICENCE;
        return new Identification(root.text("subjectToken"), root.instant("expiresAt"), kind, s.text("name"),
                s.optionalText("idNumber"), s.optionalText("licenceKind"), s.optionalText("licenceNumber"), s.texts("services"));
    }

    private DocumentTicket readDocument(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode d = root(response);
        d.text("pdf");
        return new DocumentTicket(d.text("documentId"), d.text("caseNumber"), d.text("serviceCode"), d.text("title"),
                d.text("holder"), d.instant("issuedAt"), d.optionalDate("validUntil"), d.text("verificationCode"),
                d.text("verifyUrl"), d.text("sha256"));
    }

    private static byte[] readPdf(HttpResponse<byte[]> response) throws ContractNode.Violation {
        String type = response.headers().firstValue("Content-Type").orElse("");
        byte[] body = response.body();
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/pdf")) {
            throw new ContractNode.Violation("the answer is '" + type + "', not application/pdf");
        }
        if (body.length < 5 || !new String(body, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new ContractNode.Violation("the answer does not start with %PDF-");
        }
        return body;
    }

    private IndicatorSet readIndicators(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode root = root(response);
        root.date("publishedOn");
        List<IndicatorSet.Indicator> indicators = new ArrayList<>();
        for (ContractNode i : root.array("indicators")) {
            indicators.add(new IndicatorSet.Indicator(i.text("code"), i.text("label"),
                    i.oneOf("polarity", List.of("positive", "negative")).equals("positive")));
        }
        return new IndicatorSet(root.integer("version"), indicators);
    }

    private TechnicianAccess readTechnicianAccess(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode root = root(response);
        return new TechnicianAccess(root.text("technician"), root.instant("expiresAt"));
    }

    private DiagnosticsReceipt readDiagnosticsReceipt(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode root = root(response);
        return new DiagnosticsReceipt(root.text("bundleId"), root.integer("size"));
    }

    private Void readPrintRecord(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode r = root(response);
        r.text("idempotencyKey");
        r.text("documentId");
        r.oneOf("state", PRINT_STATES);
        r.instant("createdAt");
        r.instant("updatedAt");
        return null;
    }

    private Void readEvaluation(HttpResponse<byte[]> response) throws ContractNode.Violation {
        ContractNode e = root(response);
        e.text("id");
        e.text("caseNumber");
        e.text("grade");
        e.text("gradeLabel");
        e.integer("indicatorSetVersion");
        e.texts("indicators");
        e.instant("submittedAt");
        return null;
    }

    private void connectivity(boolean answered) {
        if (answered) {
            certificateRefused.set(null);
        }
        synchronized (online) {
            if (online.getAndSet(answered) == answered) {
                return;
            }
            LOG.info("backend {} {}", base, answered ? "is available"
                    : "is unavailable (no answer, a 5xx or an answer outside the contract); the kiosk works offline");
            events.execute(() -> {
                for (Consumer<Boolean> l : listeners) {
                    try {
                        l.accept(answered);
                    } catch (RuntimeException e) {
                        LOG.warn("a connectivity listener failed: {}", describe(e));
                    }
                }
            });
        }
        if (answered) {
            requestDrain();
        }
    }

    private void checkHealth() {
        if (!online()) {
            probe().join();
        } else if (outbox.size() > 0) {
            requestDrain();
        }
    }

    private CompletableFuture<Void> enqueue(Report report) {
        if (!online()) {
            outbox.add(report);
            LOG.debug("backend offline: {} queued", report);
            return CompletableFuture.supplyAsync(() -> null, callbacks);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        // atomic with settle(): a drain that delivers the entry at once still finds its future
        synchronized (waiting) {
            waiting.put(outbox.add(report).seq(), future);
        }
        requestDrain();
        return future;
    }

    private void requestDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            drains.execute(this::drain);
        }
    }

    /** Delivers the outbox in order until it is empty or the backend stops taking reports. */
    private void drain() {
        drainScheduled.set(false);
        try {
            deliverInOrder();
        } catch (RuntimeException e) {
            LOG.error("the report outbox stopped unexpectedly: {}; its reports stay queued", describe(e));
            settleWaiting();
        }
    }

    private void deliverInOrder() {
        for (Optional<Entry> head = outbox.head(); head.isPresent(); head = outbox.head()) {
            Entry e = head.get();
            outbox.markTried(e.seq());
            try {
                deliver(e.report());
                delivered(e);
            } catch (BackendException x) {
                switch (x.kind()) {
                    case UNREACHABLE, SERVER_ERROR, RATE_LIMITED, KIOSK_NOT_AUTHORISED -> {
                        if (x.kind() == Kind.SERVER_ERROR && x.status() >= 200 && x.status() < 300) {
                            LOG.warn("{} was accepted but the answer breaks the contract ({}); counted as delivered",
                                    e.report(), x.getMessage());
                            delivered(e);
                            continue;
                        }
                        // said once per cause: the health check retries every few seconds
                        if (stuckOn != x.kind() && x.kind() == Kind.KIOSK_NOT_AUTHORISED) {
                            LOG.error("{} stays queued: {}; check the kiosk id and token in the config", e.report(), x.getMessage());
                        } else if (stuckOn != x.kind()) {
                            LOG.info("{} and {} more stay queued: {}", e.report(), outbox.size() - 1, x.getMessage());
                        }
                        stuckOn = x.kind();
                        settleWaiting();
                        return;
                    }
                    case CONFLICT -> {
                        if (e.tried()) {
                            LOG.info("{} was recorded by an earlier unanswered delivery ({}); counted as delivered",
                                    e.report(), x.getMessage());
                            delivered(e);
                        } else {
                            dropped(e, x);
                        }
                    }
                    default -> dropped(e, x);
                }
            }
        }
        // a report queued after the last look has its own drain coming
    }

    private void deliver(Report report) {
        switch (report) {
            case PrintReport p -> {
                ObjectNode body = json.createObjectNode().put("documentId", p.documentId())
                        .put("state", p.state().name().toLowerCase(Locale.ROOT));
                if (p.reason() != null) {
                    body.put("reason", p.reason());
                }
                exchange(Call.put("recordPrintResult", "/prints/{idempotencyKey}", "/prints/" + p.idempotencyKey(),
                        body(body), this::readPrintRecord));
            }
            case EvaluationReport r -> {
                Evaluation ev = r.evaluation();
                ObjectNode body = json.createObjectNode().put("caseNumber", ev.caseNumber()).put("grade", ev.grade().name())
                        .put("indicatorSetVersion", ev.indicatorSetVersion());
                ev.indicators().forEach(body.putArray("indicators")::add);
                ev.comment().ifPresent(c -> body.put("comment", c));
                exchange(Call.post("submitEvaluation", "/evaluations", body(body), this::readEvaluation));
            }
        }
    }

    private void delivered(Entry e) {
        stuckOn = null;
        outbox.remove(e.seq());
        settle(e.seq(), null);
    }

    private void dropped(Entry e, BackendException x) {
        LOG.warn("{} refused by the backend and dropped: {}", e.report(), x.getMessage());
        outbox.remove(e.seq());
        settle(e.seq(), x);
    }

    private void settle(long seq, BackendException failure) {
        CompletableFuture<Void> f;
        synchronized (waiting) {
            f = waiting.remove(seq);
        }
        if (f != null) {
            callbacks.execute(failure == null ? () -> f.complete(null) : () -> f.completeExceptionally(failure));
        }
    }

    /** Completes every waiting report future normally: those reports are in the outbox file. */
    private void settleWaiting() {
        List<Long> seqs;
        synchronized (waiting) {
            seqs = List.copyOf(waiting.keySet());
        }
        for (Long seq : seqs) {
            settle(seq, null);
        }
    }

    /** Runs tasks one after another on an underlying executor, in submission order. */
    private static final class SerialExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private final Executor under;
        private Runnable active;

        SerialExecutor(Executor under) {
            this.under = under;
        }

        @Override
        public synchronized void execute(Runnable r) {
            tasks.add(() -> {
                try {
                    r.run();
                } finally {
                    next();
                }
            });
            if (active == null) {
                next();
            }
        }

        private synchronized void next() {
            active = tasks.poll();
            if (active != null) {
                try {
                    under.execute(active);
                } catch (RejectedExecutionException e) {
                    // the client is closed: nothing is left to run
                    tasks.clear();
                    active = null;
                }
            }
        }
    }
}
