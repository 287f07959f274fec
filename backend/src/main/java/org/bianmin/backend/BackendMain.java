package org.bianmin.backend;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.bianmin.backend.auth.AdminAuthenticator;
import org.bianmin.backend.codes.Masking;
import org.bianmin.backend.domain.LicenceKind;
import org.bianmin.backend.http.DocumentsApi;
import org.bianmin.backend.store.AdminTokens;
import org.bianmin.backend.store.ConflictException;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.Store;
import org.bianmin.backend.store.StoreException;
import org.bianmin.backend.tls.TlsFileException;
import org.bianmin.backend.tls.TlsIdentity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command-line entry of {@code ./kiosk backend}: parses options, starts the backend and says where it listens. */
@Command(name = "kiosk backend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the reference backend: the kiosk API, the fleet service and its web console (/console) over HTTP, "
                + "or HTTPS with --tls-cert and --tls-key, on H2 under --data or on PostgreSQL (--db).",
                "Admins sign in with a token: './kiosk backend add-admin-token NAME' prints a new one once."})
public final class BackendMain implements Callable<Integer> {
    static final int USAGE = 2;
    static final int FAILED = 1;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "TCP port (0 = any free port; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: out/backend under the project, or ./backend-data)")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "jdbc:postgresql://host:port/db?user=…; default: H2 file database under --data")
    String db;

    @Option(names = "--demo", description = "seed the demo kiosk demo-kiosk-01 (token demo-kiosk-token), its services "
            + "and the demo admin (token demo-admin-token)")
    boolean demo;

    @Option(names = "--identify-burst", paramLabel = "N", defaultValue = "10",
            description = "identifications a kiosk may make at once before the limit of one every 6 s applies (default ${DEFAULT-VALUE}; benchmarks raise it)")
    int identifyBurst;

    @Option(names = "--base-url", paramLabel = "URL", description = "public address QR codes point to (default http(s)://localhost:P)")
    URI baseUrl;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "serve HTTPS (TLS 1.2+) on --port with this certificate "
            + "chain: PEM, the server's own certificate first, then any intermediate CA certificates")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "the private key of --tls-cert: PEM, unencrypted "
            + "(BEGIN PRIVATE KEY, BEGIN EC PRIVATE KEY or BEGIN RSA PRIVATE KEY), readable by this user only")
    Path tlsKey;

    private final PrintStream out;
    private final PrintStream err;
    private BackendApp app;

    BackendMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The outcome of a launch: an exit code, and the running app when there is one. */
    record Launch(int exitCode, BackendApp app) {
    }

    public static void main(String[] args) {
        Launch launch = launch(args, System.out, System.err);
        if (launch.app() == null) {
            System.exit(launch.exitCode());
        }
        BackendApp running = launch.app();
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "backend-shutdown"));
    }

    /** Parses {@code args} and starts the backend; on success the returned app is serving and the caller owns it. */
    static Launch launch(String[] args, PrintStream out, PrintStream err) {
        BackendMain main = new BackendMain(out, err);
        CommandLine cli = new CommandLine(main);
        cli.addSubcommand(new AddAdminToken(out, err));
        cli.addSubcommand(new RemoveAdminToken(out, err));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("kiosk backend: " + e.getMessage());
            err.println("Run ./kiosk backend --help for the options.");
            return USAGE;
        });
        int code = cli.execute(args);
        return new Launch(code, code == 0 ? main.app : null);
    }

    @Override
    public Integer call() {
        if ((tlsCert == null) != (tlsKey == null)) {
            err.println("kiosk backend: " + (tlsCert == null ? "--tls-key" : "--tls-cert") + " without "
                    + (tlsCert == null ? "--tls-cert" : "--tls-key") + "; HTTPS needs both the certificate chain and its "
                    + "private key (or neither, for plain HTTP)");
            return USAGE;
        }
        BackendConfig config;
        String scheme = tlsCert != null ? "https" : "http";
        try {
            TlsIdentity tls = tlsCert != null ? TlsIdentity.load(tlsCert, tlsKey, Instant.now()) : null;
            Path dataDir = data != null ? data : defaultDataDir();
            URI base = baseUrl != null ? baseUrl : URI.create(scheme + "://localhost:" + port);
            config = new BackendConfig(port, dataDir, db, demo, base, tls);
        } catch (BackendConfigException | TlsFileException e) {
            err.println("kiosk backend: " + e.getMessage());
            return USAGE;
        }
        try {
            if (identifyBurst < 1) {
                err.println("kiosk backend: --identify-burst must be at least 1, was " + identifyBurst);
                return USAGE;
            }
            app = BackendApp.create(config, Clock.systemUTC(),
                    new DocumentsApi.RateLimit(identifyBurst, DocumentsApi.RateLimit.DEFAULT.refillEvery()));
        } catch (BackendConfigException | StoreException e) {
            err.println("kiosk backend: " + e.getMessage());
            return FAILED;
        }
        try {
            app.start();
        } catch (RuntimeException e) {
            app.close();
            app = null;
            err.println("kiosk backend: cannot listen on port " + port + " (" + rootMessage(e) + "); choose another with --port");
            return FAILED;
        }
        out.println("Backend listening on " + scheme + "://localhost:" + app.port() + "  (contract: /openapi.yaml)");
        if (config.tls() != null) {
            out.println("TLS certificate: " + config.tls().describe());
        }
        out.println("Database: " + (db != null ? db.replaceAll("[?;].*", "") : "H2 under " + config.dataDir().toAbsolutePath()));
        out.println("Signing certificate (kiosk trust anchor): " + app.signingCertificateFile().toAbsolutePath());
        if (demo) {
            out.println("Demo kiosk: " + DemoKiosk.ID + "  bearer token: " + DemoKiosk.TOKEN);
            out.println("Demo admin: " + DemoKiosk.ADMIN + "  admin token: " + DemoKiosk.ADMIN_TOKEN
                    + "  (./kiosk admin kiosks --token " + DemoKiosk.ADMIN_TOKEN + ", or " + scheme + "://localhost:" + app.port() + "/console)");
            printDemoCodes(app);
        }
        return 0;
    }

    /** The QR codes a demo visitor can show: synthetic people and licences, names masked. */
    private void printDemoCodes(BackendApp app) {
        out.println("Demo QR codes (synthetic records):");
        app.records().histories().stream().limit(2).forEach(h -> out.println("  e-social-security card of "
                + Masking.name(h.citizen().name()) + " " + Masking.idNumber(h.citizen().idNumber()) + ": "
                + DemoKiosk.socialSecurityQr(h.citizen().idNumber()).text()));
        for (LicenceKind kind : LicenceKind.values()) {
            app.records().licences().stream().filter(l -> l.kind() == kind).findFirst().ifPresent(l -> out.println("  "
                    + kind.chinese() + " of " + l.holder().name() + ": " + DemoKiosk.licenceQr(l.number()).text()));
        }
    }

    /** Where the database is: the options of a subcommand that works on the store without serving. */
    static class StoreOptions {
        @Option(names = "--data", paramLabel = "DIR", description = "data directory of the H2 database (default: as ./kiosk backend)")
        Path data;

        @Option(names = "--db", paramLabel = "JDBC_URL", description = "jdbc:postgresql://host:port/db?user=…; default: H2 under --data")
        String db;

        /** Opens the store, or says in one line why it cannot (an H2 file is locked while the backend runs). */
        Store open(PrintStream err, String command) {
            BackendConfig config;
            try {
                config = new BackendConfig(0, data != null ? data : defaultDataDir(), db, false, URI.create("http://localhost"), null);
            } catch (BackendConfigException e) {
                err.println("kiosk backend " + command + ": " + e.getMessage());
                return null;
            }
            try {
                return Store.open(config.effectiveJdbcUrl(), Clock.systemUTC());
            } catch (StoreException e) {
                String hint = String.valueOf(e.getMessage()).contains("already in use")
                        ? "; the backend holds the H2 database while it runs: stop it first, or use PostgreSQL (--db)" : "";
                err.println("kiosk backend " + command + ": " + e.getMessage() + hint);
                return null;
            }
        }
    }

    /** {@code ./kiosk backend add-admin-token NAME}: adds an admin and prints their new token once. */
    @Command(name = "add-admin-token", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Adds an admin of the fleet and prints their new token, once; only its hash is kept.",
                    "The admin passes it to ./kiosk admin (--token or KIOSK_ADMIN_TOKEN) or pastes it into /console/login."})
    static final class AddAdminToken implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "who the token is for, e.g. ops-li (2-64 letters, digits, . _ @ -)")
        String name;

        @picocli.CommandLine.Mixin
        StoreOptions storeOptions = new StoreOptions();

        private final PrintStream out;
        private final PrintStream err;

        AddAdminToken(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            try {
                AdminTokens.checkName(name);
            } catch (InvalidInputException e) {
                err.println("kiosk backend add-admin-token: NAME " + e.getMessage().substring("name: ".length()));
                return USAGE;
            }
            Store store = storeOptions.open(err, "add-admin-token");
            if (store == null) {
                return FAILED;
            }
            try (store) {
                String token = new AdminAuthenticator(store.admins(), store.kiosks(), new SecureRandom()).issue(name);
                out.println("Admin token for " + name + " (shown once; only its hash is kept): " + token);
                return 0;
            } catch (ConflictException e) {
                err.println("kiosk backend add-admin-token: admin " + name
                        + " already has a token; remove it first with ./kiosk backend remove-admin-token " + name);
                return FAILED;
            }
        }
    }

    /** {@code ./kiosk backend remove-admin-token NAME}: revokes an admin's token and ends their console sessions. */
    @Command(name = "remove-admin-token", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Revokes an admin's token and ends their console sessions.")
    static final class RemoveAdminToken implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "the admin, as given to add-admin-token")
        String name;

        @picocli.CommandLine.Mixin
        StoreOptions storeOptions = new StoreOptions();

        private final PrintStream out;
        private final PrintStream err;

        RemoveAdminToken(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            Store store = storeOptions.open(err, "remove-admin-token");
            if (store == null) {
                return FAILED;
            }
            try (store) {
                if (!store.admins().remove(name)) {
                    err.println("kiosk backend remove-admin-token: no admin " + name + "; the admins are: "
                            + (store.admins().names().isEmpty() ? "none" : String.join(", ", store.admins().names())));
                    return FAILED;
                }
                out.println("Admin " + name + ": token revoked");
                return 0;
            }
        }
    }

    private static Path defaultDataDir() {
        String home = System.getProperty("kiosk.home");
        return home != null ? Path.of(home, "out", "backend") : Path.of("backend-data");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
