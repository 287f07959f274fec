package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.auth.QrCode;
import org.bianmin.backend.auth.SubjectAuthenticator;
import org.bianmin.backend.codes.IdNumbers;
import org.bianmin.backend.codes.Masking;
import org.bianmin.backend.documents.CertificateRenderer;
import org.bianmin.backend.documents.DocumentIssuer;
import org.bianmin.backend.documents.IssueDetails;
import org.bianmin.backend.documents.VerificationCodes;
import org.bianmin.backend.domain.InsuranceHistory;
import org.bianmin.backend.domain.Licence;
import org.bianmin.backend.domain.LicenceKind;
import org.bianmin.backend.domain.Organisation;
import org.bianmin.backend.store.CivilRecords;
import org.bianmin.backend.store.ConflictException;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.IssuedDocument;
import org.bianmin.backend.store.Service;
import org.bianmin.backend.store.Store;
import org.bianmin.backend.store.Subject;
import org.bianmin.backend.store.SubjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's identification and document operations: identify a person or a licence, request a signed document
 * for a service, and download its PDF.
 */
public final class DocumentsApi {
    /** Documents show Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String CERTIFICATE_SERVICE = "si-participation-certificate";
    static final Map<String, LicenceKind> LICENCE_SERVICES = Map.of(
            "business-licence", LicenceKind.BUSINESS_LICENCE,
            "pesticide-licence", LicenceKind.PESTICIDE_BUSINESS,
            "breeding-livestock-licence", LicenceKind.BREEDING_LIVESTOCK);
    /** What each document is called in English on the verification page. */
    static final Map<String, String> ENGLISH_TITLES = Map.of(
            CERTIFICATE_SERVICE, "Social insurance participation certificate",
            "business-licence", "Business licence",
            "pesticide-licence", "Pesticide business licence",
            "breeding-livestock-licence", "Breeding livestock and poultry production and business licence");
    private static final Logger LOG = LoggerFactory.getLogger(DocumentsApi.class);
    private static final DateTimeFormatter CASE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Store store;
    private final CivilRecords records;
    private final KioskAuthenticator auth;
    private final SubjectAuthenticator subjects;
    private final DocumentIssuer issuer;
    private final Supplier<URI> baseUrl;
    private final IdentifyRateLimiter limiter;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final RandomGenerator random;

    /**
     * @param baseUrl      the public address verification links use, read at each issue (it is known only after start)
     * @param identifyRate how many identifications a kiosk may make at once, and how often one more is allowed
     */
    public DocumentsApi(Store store, CivilRecords records, KioskAuthenticator auth, SubjectAuthenticator subjects,
                        DocumentIssuer issuer, Supplier<URI> baseUrl, RateLimit identifyRate, Clock clock,
                        ObjectMapper mapper, RandomGenerator random) {
        this.store = store;
        this.records = records;
        this.auth = auth;
        this.subjects = subjects;
        this.issuer = issuer;
        this.baseUrl = baseUrl;
        this.limiter = new IdentifyRateLimiter(identifyRate.capacity(), identifyRate.refillEvery(), clock);
        this.clock = clock;
        this.mapper = mapper;
        this.random = random;
    }

    /** A token bucket's size and refill interval. */
    public record RateLimit(int capacity, Duration refillEvery) {
        /** Ten identifications at once, then one every six seconds. */
        public static final RateLimit DEFAULT = new RateLimit(10, Duration.ofSeconds(6));
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.POST, KioskApi.BASE + "/identifications", this::identify),
                new ApiRoute(HandlerType.POST, KioskApi.BASE + "/documents", this::request),
                new ApiRoute(HandlerType.GET, KioskApi.BASE + "/documents/{documentId}/pdf", this::pdf));
    }

    record IdentifyBody(String method, String idNumber, String name, String code) {
    }

    record SubjectView(String kind, String name, String idNumber, String licenceKind, String licenceNumber,
                       List<String> services) {
    }

    record IdentifiedView(String subjectToken, Instant expiresAt, SubjectView subject) {
    }

    private void identify(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        Duration wait = limiter.take(kioskId);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiProblemException(new ApiProblem(429, "too-many-identifications", "Too many identifications",
                    "kiosk " + kioskId + " has made too many identifications in a short time; try again in " + seconds
                            + " s", null));
        }
        IdentifyBody body = Json.read(mapper, ctx.body(), IdentifyBody.class);
        if (body.method() == null) {
            throw new InvalidInputException("method", "is required: id-card (with idNumber and name) or qr (with code)");
        }
        Subject subject = switch (body.method()) {
            case "id-card" -> byIdCard(body);
            case "qr" -> byQrCode(body);
            default -> throw new InvalidInputException("method", "must be id-card or qr, not '" + body.method() + "'");
        };
        SubjectAuthenticator.Issued issued = subjects.issue(kioskId, subject);
        LOG.info("kiosk {} identified {}", kioskId, describe(subject));
        ctx.json(new IdentifiedView(issued.token(), issued.expiresAt(), view(kioskId, subject)));
    }

    private Subject byIdCard(IdentifyBody body) {
        if (body.idNumber() == null || body.idNumber().isBlank()) {
            throw new InvalidInputException("idNumber", "is required for id-card identification");
        }
        String number = body.idNumber().strip().toUpperCase(Locale.ROOT);
        if (!IdNumbers.isValid(number)) {
            throw new InvalidInputException("idNumber", "is not a valid 18-character resident ID number "
                    + "(17 digits and a MOD 11-2 check character)");
        }
        if (body.name() == null || body.name().isBlank()) {
            throw new InvalidInputException("name", "is required for id-card identification");
        }
        if (body.name().strip().codePointCount(0, body.name().strip().length()) > 50) {
            throw new InvalidInputException("name", "must be at most 50 characters");
        }
        String name = body.name().strip();
        records.history(number).filter(h -> h.citizen().name().equals(name)).orElseThrow(() -> notFound(
                "no citizen record matches this ID number and name; check both against the ID card"));
        return Subject.citizen(number);
    }

    private Subject byQrCode(IdentifyBody body) {
        if (body.code() == null || body.code().isBlank()) {
            throw new InvalidInputException("code", "is required for qr identification");
        }
        QrCode code = QrCode.parse(body.code()).orElseThrow(() -> new InvalidInputException("code",
                "is neither an e-social-security-card code (ESSC1:…) nor an e-business-licence code (EBL1:…) "
                        + "with 24 characters from " + QrCode.ALPHABET));
        Subject subject = store.qrCodes().find(code.hash()).filter(s -> s.kind() == code.kind()).orElseThrow(() ->
                notFound("this QR code belongs to no " + (code.kind() == SubjectKind.CITIZEN
                        ? "citizen" : "licence") + " on record; it may have been replaced"));
        boolean onRecord = subject.kind() == SubjectKind.CITIZEN ? records.history(subject.ref()).isPresent()
                : records.licence(subject.ref()).isPresent();
        if (!onRecord) {
            throw notFound("the record this QR code stood for is no longer held");
        }
        return subject;
    }

    private SubjectView view(String kioskId, Subject subject) {
        List<String> offered = store.services().offeredAt(kioskId).stream().map(Service::code).toList();
        if (subject.kind() == SubjectKind.CITIZEN) {
            InsuranceHistory h = records.history(subject.ref()).orElseThrow();
            return new SubjectView("citizen", Masking.name(h.citizen().name()), Masking.idNumber(subject.ref()), null,
                    null, offered.stream().filter(CERTIFICATE_SERVICE::equals).toList());
        }
        Licence l = records.licence(subject.ref()).orElseThrow();
        return new SubjectView("licence", l.holder().name(), null, l.kind().chinese(), l.number(),
                offered.stream().filter(code -> LICENCE_SERVICES.get(code) == l.kind()).toList());
    }

    record DocumentRequestBody(String serviceCode, String subjectToken) {
    }

    record DocumentView(String documentId, String caseNumber, String serviceCode, String title, String holder,
                        Instant issuedAt, LocalDate validUntil, String verificationCode, String verifyUrl, String sha256,
                        String pdf) {
    }

    private void request(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        DocumentRequestBody body = Json.read(mapper, ctx.body(), DocumentRequestBody.class);
        if (body.serviceCode() == null || body.serviceCode().isBlank()) {
            throw new InvalidInputException("serviceCode", "is required");
        }
        Subject subject = subjects.resolve(body.subjectToken(), kioskId);
        String service = body.serviceCode();
        if (store.services().offeredAt(kioskId).stream().noneMatch(s -> s.code().equals(service))) {
            throw notFound("service " + service + " is not offered at kiosk " + kioskId + "; GET …/services lists them");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String code = VerificationCodes.generate(random);
        byte[] pdf;
        String title;
        String holder;
        LocalDate validUntil = null;
        if (CERTIFICATE_SERVICE.equals(service)) {
            if (subject.kind() != SubjectKind.CITIZEN) {
                throw new ConflictException("service " + service + " certifies a person; identify with the ID card or "
                        + "the e-social-security-card QR code, not a licence");
            }
            InsuranceHistory h = records.history(subject.ref())
                    .orElseThrow(() -> notFound("no social-insurance record is held for this person"));
            pdf = issuer.certificate(h, details(records.insuranceAgency(), now, code));
            title = CertificateRenderer.TITLE;
            holder = Masking.name(h.citizen().name());
        } else if (LICENCE_SERVICES.containsKey(service)) {
            LicenceKind kind = LICENCE_SERVICES.get(service);
            if (subject.kind() != SubjectKind.LICENCE) {
                throw new ConflictException("service " + service + " prints a " + kind.chinese()
                        + "; identify with the e-business-licence QR code, not a person");
            }
            Licence l = records.licence(subject.ref()).orElseThrow(() -> notFound("no licence record is held for this QR code"));
            if (l.kind() != kind) {
                throw new ConflictException("the identified licence is a " + l.kind().chinese() + "; service " + service
                        + " prints a " + kind.chinese());
            }
            pdf = issuer.licence(l, details(l.issuer(), now, code));
            title = kind.chinese();
            holder = l.holder().name();
            validUntil = l.validity().until().orElse(null);
        } else {
            throw new ConflictException("service " + service + " issues no document");
        }
        String id = UUID.randomUUID().toString();
        String caseNumber = "BM" + CASE_DAY.format(now.atZone(ZONE)) + "-" + VerificationCodes.generate(random).substring(0, 10);
        IssuedDocument doc = new IssuedDocument(id, kioskId, service, caseNumber, title, holder, subject, code,
                sha256(pdf), now, validUntil);
        store.documents().issue(doc, pdf);
        LOG.info("kiosk {} issued document {} (case {}, service {}) for {}", kioskId, id, caseNumber, service,
                describe(subject));
        String pdfPath = "/api/v1/kiosks/" + kioskId + "/documents/" + id + "/pdf";
        ctx.status(201).header("Location", pdfPath).json(new DocumentView(id, caseNumber, service, title, holder, now,
                validUntil, code, verifyUrl(code), doc.sha256(), pdfPath));
    }

    private IssueDetails details(Organisation agency, Instant now, String code) {
        return new IssueDetails(agency, LocalDateTime.ofInstant(now, ZONE), code, baseUrl.get());
    }

    private String verifyUrl(String code) {
        String base = baseUrl.get().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + code;
    }

    private void pdf(Context ctx) {
        String kioskId = auth.authorize(ctx.header("Authorization"), ctx.pathParam("kioskId")).id();
        String id = ctx.pathParam("documentId");
        IssuedDocument doc = store.documents().find(id).filter(d -> d.kioskId().equals(kioskId))
                .orElseThrow(() -> notFound("kiosk " + kioskId + " has no document " + id));
        byte[] bytes = store.documents().pdf(id).orElseThrow();
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + doc.id() + ".pdf\"")
                .result(bytes);
    }

    static ApiProblemException notFound(String detail) {
        return new ApiProblemException(new ApiProblem(404, "not-found", "Not on record", detail, null));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A subject for the log: the ID number masked, a licence number as it is (an organisation's, not a person's). */
    private static String describe(Subject s) {
        return s.kind() == SubjectKind.CITIZEN ? "citizen " + Masking.idNumber(s.ref()) : "licence " + s.ref();
    }
}
