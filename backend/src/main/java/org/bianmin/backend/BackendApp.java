package org.bianmin.backend;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bianmin.backend.auth.AdminAuthenticator;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.auth.TechnicianCodeIssuer;
import org.bianmin.backend.console.Console;
import org.bianmin.backend.auth.SubjectAuthenticator;
import org.bianmin.backend.documents.CjkFont;
import org.bianmin.backend.documents.DocumentException;
import org.bianmin.backend.documents.DocumentIssuer;
import org.bianmin.backend.documents.SigningKeys;
import org.bianmin.backend.fleet.ConfigDistribution;
import org.bianmin.backend.fleet.ConfigStatus;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.http.AdminApi;
import org.bianmin.backend.http.AdminConfigApi;
import org.bianmin.backend.http.ApiRoute;
import org.bianmin.backend.http.DocumentsApi;
import org.bianmin.backend.http.HttpServer;
import org.bianmin.backend.http.Json;
import org.bianmin.backend.http.KioskApi;
import org.bianmin.backend.http.KioskConfigApi;
import org.bianmin.backend.http.KioskFleetApi;
import org.bianmin.backend.http.OpenApiDocument;
import org.bianmin.backend.http.VerificationPage;
import org.bianmin.backend.store.CivilRecords;
import org.bianmin.backend.store.Store;
import org.bianmin.backend.tls.TlsIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's composition root: opens the store, seeds the demo if asked, loads the document font and signing key,
 * and builds the un-started HTTP(S) server: the kiosk API, the fleet's kiosk and admin APIs (heartbeats, desired and
 * reported config), and the admins' web console.
 *
 * <p>{@link #create} returns an app that listens nowhere yet; {@link #start} binds the configured port (0 = any). A
 * base URL with port 0 (the default for {@code --port 0}) takes the real port once the server has started.
 */
public final class BackendApp implements AutoCloseable {
    /** The PKCS#12 file under the data directory that holds the document-signing key. */
    public static final String SIGNING_KEY_FILE = "document-signing.p12";
    /** The signing key's certificate as PEM beside the key, rewritten at every start: the kiosks' trust anchor. */
    public static final String SIGNING_CERTIFICATE_FILE = "signing-certificate.pem";
    // the key file is protected by the data directory's permissions; the password only satisfies PKCS#12
    private static final char[] SIGNING_KEY_PASSWORD = "bianmin-document-signing".toCharArray();

    private static final Logger LOG = LoggerFactory.getLogger(BackendApp.class);
    /** A served certificate closer than this to its expiry is warned about at every start. */
    private static final Duration CERTIFICATE_RENEWAL = Duration.ofDays(30);

    private final BackendConfig config;
    private final Clock clock;
    private final Store store;
    private final KioskAuthenticator authenticator;
    private final AdminAuthenticator admins;
    private final Fleet fleet;
    private final ConfigDistribution configs;
    private final CivilRecords records;
    private final CjkFont font;
    private final X509Certificate signingCertificate;
    private final Path signingCertificateFile;
    private final List<ApiRoute> routes;
    private final Javalin javalin;
    private volatile boolean started;

    private BackendApp(BackendConfig config, Clock clock, Store store, KioskAuthenticator authenticator, AdminAuthenticator admins,
                       Fleet fleet, ConfigDistribution configs, CivilRecords records, CjkFont font, SigningKeys keys,
                       Path signingCertificateFile, List<ApiRoute> routes, Javalin javalin) {
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.authenticator = authenticator;
        this.admins = admins;
        this.fleet = fleet;
        this.configs = configs;
        this.records = records;
        this.font = font;
        this.signingCertificate = keys.certificate();
        this.signingCertificateFile = signingCertificateFile;
        this.routes = routes;
        this.javalin = javalin;
    }

    public static BackendApp create(BackendConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** As {@link #create(BackendConfig)}, with the clock the store stamps times with. */
    public static BackendApp create(BackendConfig config, Clock clock) {
        return create(config, clock, DocumentsApi.RateLimit.DEFAULT);
    }

    /** As {@link #create(BackendConfig, Clock)}, with the per-kiosk identification rate limit. */
    public static BackendApp create(BackendConfig config, Clock clock, DocumentsApi.RateLimit identifyRate) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new BackendConfigException("data directory: cannot create " + config.dataDir() + " (" + e.getMessage() + ")");
        }
        SigningKeys keys = signingKeys(config.dataDir().resolve(SIGNING_KEY_FILE));
        Path certificateFile = config.dataDir().resolve(SIGNING_CERTIFICATE_FILE);
        writeCertificate(keys.certificate(), certificateFile);
        CjkFont font;
        try {
            font = CjkFont.load();
        } catch (DocumentException e) {
            throw new BackendConfigException("document font: " + e.getMessage());
        }
        Store store;
        try {
            store = Store.open(config.effectiveJdbcUrl(), clock);
        } catch (RuntimeException e) {
            closeQuietly(font);
            throw e;
        }
        ConfigDistribution configs = null;
        try {
            SecureRandom random = new SecureRandom();
            KioskAuthenticator auth = new KioskAuthenticator(store.kiosks(), store.admins(), random);
            AdminAuthenticator admins = new AdminAuthenticator(store.admins(), store.kiosks(), random);
            CivilRecords records = config.demo() ? DemoKiosk.seed(store, auth, admins, clock) : CivilRecords.none();
            var mapper = Json.mapper();
            Fleet fleet = new Fleet(store, mapper, clock);
            configs = ConfigDistribution.over(store, clock);
            TechnicianCodeIssuer technicianCodes = new TechnicianCodeIssuer(store.technicianCodes(), random, clock);
            DocumentIssuer issuer = new DocumentIssuer(font, keys, DocumentsApi.ZONE);
            BackendApp[] self = new BackendApp[1];
            List<ApiRoute> routes = new ArrayList<>();
            routes.add(OpenApiDocument.route());
            routes.addAll(new KioskApi(store, auth, mapper).routes());
            routes.addAll(new DocumentsApi(store, records, auth, new SubjectAuthenticator(store.subjectTokens(), random, clock),
                    issuer, () -> self[0].baseUrl(), identifyRate, clock, mapper, random).routes());
            routes.addAll(new KioskFleetApi(store, auth, fleet, technicianCodes, mapper).routes());
            routes.addAll(new AdminApi(store, admins, fleet, technicianCodes, mapper).routes());
            routes.addAll(new KioskConfigApi(auth, configs, mapper).routes());
            ConfigStatus configStatus = new ConfigStatus(store, fleet, configs);
            routes.addAll(new AdminConfigApi(store, admins, auth, configs, configStatus, mapper).routes());
            routes.add(new VerificationPage(store, clock).route());
            List<ApiRoute> pages = new Console(store, admins, fleet, configs, configStatus, random, clock).routes();
            Javalin javalin = HttpServer.create(config.port(), config.tls(), routes, pages, new JavalinJackson(mapper, false), mapper);
            self[0] = new BackendApp(config, clock, store, auth, admins, fleet, configs, records, font, keys, certificateFile,
                    List.copyOf(routes), javalin);
            return self[0];
        } catch (RuntimeException | Error e) {
            if (configs != null) {
                configs.close();
            }
            store.close();
            closeQuietly(font);
            throw e;
        }
    }

    /** Loads the signing key from {@code file}, or generates one and saves it there (readable by the owner only). */
    private static SigningKeys signingKeys(Path file) {
        try {
            if (Files.exists(file)) {
                return SigningKeys.load(file, SIGNING_KEY_PASSWORD);
            }
            SigningKeys keys = SigningKeys.generateForPlatform(Duration.ofDays(3650));
            keys.save(file, SIGNING_KEY_PASSWORD);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException e) {
                // a file system without POSIX permissions: the data directory's own protection applies
            }
            return keys;
        } catch (DocumentException e) {
            throw new BackendConfigException("document-signing key: " + e.getMessage());
        }
    }

    /** PEM (RFC 7468): base64 of the DER in 64-character lines; written to a temporary file, then moved over the old one. */
    private static void writeCertificate(X509Certificate certificate, Path file) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), SIGNING_CERTIFICATE_FILE, ".tmp");
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | CertificateEncodingException e) {
            throw new BackendConfigException("signing certificate: cannot write " + file + " (" + e.getMessage()
                    + "); kiosks need it as their trust anchor: check the data directory's permissions");
        }
    }

    private static void closeQuietly(CjkFont font) {
        try {
            font.close();
        } catch (IOException ignored) {
            // closing after a failed start; the start failure is what the caller needs
        }
    }

    /** Binds the port and serves; returns this app. */
    public BackendApp start() {
        javalin.start();
        started = true;
        TlsIdentity tls = config.tls();
        if (tls != null) {
            LOG.info("Serving HTTPS on port {} with the certificate {} (from {})", port(), tls.describe(), tls.certificateFile());
            Duration left = Duration.between(clock.instant(), tls.notAfter());
            if (left.compareTo(CERTIFICATE_RENEWAL) < 0) {
                LOG.warn("The TLS certificate {} expires in {} days; get a renewed one from your CA and restart with it, "
                        + "or kiosks and admins can no longer connect", tls.describe(), left.toDays());
            }
        }
        return this;
    }

    /** The port the server listens on (the real one when started on port 0). */
    public int port() {
        return javalin.port();
    }

    /**
     * The public address documents and QR codes point to: the configured base URL, with the real port in place of
     * port 0 once the server has started.
     */
    public URI baseUrl() {
        URI base = config.baseUrl();
        if (base.getPort() != 0 || !started) {
            return base;
        }
        try {
            return new URI(base.getScheme(), base.getUserInfo(), base.getHost(), port(), base.getPath(), base.getQuery(),
                    base.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("replacing the port of a valid URI gives a valid URI", e);
        }
    }

    /** The certificate documents are signed with. */
    public X509Certificate signingCertificate() {
        return signingCertificate;
    }

    /** Where that certificate is written as PEM: copy it to a kiosk as its trust anchor. */
    public Path signingCertificateFile() {
        return signingCertificateFile;
    }

    public BackendConfig config() {
        return config;
    }

    /** Every API operation the server serves, for the contract test; the console's pages are not among them. */
    public List<ApiRoute> routes() {
        return routes;
    }

    public Store store() {
        return store;
    }

    public KioskAuthenticator authenticator() {
        return authenticator;
    }

    public AdminAuthenticator admins() {
        return admins;
    }

    public Fleet fleet() {
        return fleet;
    }

    /** Desired and reported config: pushes, rollouts, what each kiosk should run. */
    public ConfigDistribution configs() {
        return configs;
    }

    /** The records identification and documents draw on: the demo data, or none. */
    public CivilRecords records() {
        return records;
    }

    @Override
    public void close() {
        try {
            javalin.stop();
        } finally {
            configs.close();
            store.close();
            closeQuietly(font);
        }
    }

}
