package org.bianmin.backend.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bianmin.backend.fleet.Elapsed;
import org.bianmin.backend.fleet.HistoryEntry;
import org.bianmin.backend.http.DocumentsApi;
import org.bianmin.backend.tls.ClientTrust;
import org.bianmin.backend.tls.TlsFileException;
import org.bianmin.config.signing.SigningException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Command-line entry of {@code ./kiosk admin}: the fleet table, heartbeats, technician codes and diagnostic bundles;
 * signed config pushes, reverts, status and history; provisioning of keys, kiosks and groups. Every failure is one line
 * with the fix (a layer that does not check lists each problem), and a non-zero exit.
 */
@Command(name = "kiosk admin", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Asks the backend about the fleet and changes its config.",
                "Each command takes --backend URL (default http://127.0.0.1:8080) and an admin token from --token or the "
                        + "environment variable KIOSK_ADMIN_TOKEN; push and revert sign with your admin key from --key or KIOSK_ADMIN_KEY.",
                "An https backend whose certificate a private CA signed needs that CA's certificate: --ca FILE or KIOSK_ADMIN_CA."},
        subcommands = {AdminCli.Kiosks.class, AdminCli.Beats.class, AdminCli.TechnicianCode.class, AdminCli.Diagnostics.class,
                ConfigCommands.Push.class, ConfigCommands.Sign.class, ConfigCommands.Status.class, ConfigCommands.History.class, ConfigCommands.Revert.class,
                ConfigCommands.ConfigGroup.class, ConfigCommands.RolloutGroup.class, ProvisioningCommands.Keygen.class,
                ProvisioningCommands.KeyGroup.class, ProvisioningCommands.KioskGroup.class, ProvisioningCommands.GroupGroup.class})
public final class AdminCli implements Callable<Integer> {
    static final int USAGE = 2;
    static final String TOKEN_VARIABLE = "KIOSK_ADMIN_TOKEN";
    static final String CA_VARIABLE = "KIOSK_ADMIN_CA";
    static final int WIDTH = 80;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{8,200}");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    AdminCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one admin command; returns its exit code (0 done, 1 failed, 2 usage). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        AdminCli root = new AdminCli(out, err, env);
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("kiosk admin: " + e.getMessage());
            err.println("Run ./" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help for the options.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof AdminCliException failure) {
                err.println("kiosk admin: " + failure.getMessage());
                return failure.exitCode();
            }
            if (e instanceof SigningException refused) {
                // the layer holds a value that cannot be signed exactly (a number beyond 2^53, say)
                err.println("kiosk admin: " + refused.getMessage());
                return BackendClient.FAILED;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        err.println("kiosk admin: name a command: kiosks, beats, technician-code, diagnostics, push, sign, status, history, revert,");
        err.println("  config show, rollout, keygen, key, kiosk or group");
        err.println("Run ./kiosk admin --help for the commands.");
        return USAGE;
    }

    /** Where the backend is and the admin token, common to every command. */
    static final class Connection {
        @Option(names = "--backend", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
                description = "the backend (default ${DEFAULT-VALUE})")
        URI backend;

        @Option(names = "--token", paramLabel = "TOKEN", description = "admin token (default: the environment variable KIOSK_ADMIN_TOKEN)")
        String token;

        @Option(names = "--ca", paramLabel = "FILE", description = "trust an https backend whose certificate these CA certificates "
                + "(PEM) signed, instead of the JDK's trust store (default: the environment variable KIOSK_ADMIN_CA)")
        Path ca;
    }

    /** What every command shares: the streams and the environment of the {@code kiosk admin} it runs under. */
    abstract static class LocalCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        AdminCli cli() {
            return (AdminCli) spec.root().userObject();
        }

        PrintStream out() {
            return cli().out;
        }

        Map<String, String> env() {
            return cli().env;
        }
    }

    /** A command that asks the backend: the connection options besides. */
    abstract static class AdminCommand extends LocalCommand {
        @Mixin
        Connection connection = new Connection();

        BackendClient client() {
            String token = connection.token != null ? connection.token : env().get(TOKEN_VARIABLE);
            if (token == null || token.isBlank()) {
                throw new AdminCliException("no admin token: pass --token TOKEN or set " + TOKEN_VARIABLE
                        + " (./kiosk backend add-admin-token NAME prints one; the demo's is demo-admin-token)", USAGE);
            }
            if (!TOKEN.matcher(token.strip()).matches()) {
                throw new AdminCliException("the admin token has characters no token has (tokens are letters, digits and "
                        + "._~+/=-); copy it again", USAGE);
            }
            URI backend = connection.backend;
            if (!backend.isAbsolute() || backend.getHost() == null
                    || !("http".equals(backend.getScheme()) || "https".equals(backend.getScheme()))) {
                throw new AdminCliException("--backend " + backend + " is not an http(s) URL, e.g. http://127.0.0.1:8080", USAGE);
            }
            return new BackendClient(backend, token.strip(), trust());
        }

        /** The CA file of --ca or KIOSK_ADMIN_CA, else the JDK's default trust store. */
        private ClientTrust trust() {
            String fromEnv = env().get(CA_VARIABLE);
            if (connection.ca == null && (fromEnv == null || fromEnv.isBlank())) {
                return ClientTrust.defaultStore();
            }
            try {
                return connection.ca != null ? ClientTrust.of(connection.ca, "--ca") : ClientTrust.of(Path.of(fromEnv), CA_VARIABLE);
            } catch (TlsFileException e) {
                throw new AdminCliException(e.getMessage(), USAGE);
            }
        }

        void printJson(JsonNode node) {
            try {
                out().println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed JSON tree always serialises", e);
            }
        }

        static String notFoundKiosk(String kioskId, URI backend) {
            return "no kiosk " + kioskId + " is registered at " + backend + "; ./kiosk admin kiosks lists the kiosks";
        }
    }

    @Command(name = "kiosks", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The fleet table: each kiosk's status (online, offline, never-seen), last heartbeat, versions, "
                    + "failing devices and printers low on paper.")
    static final class Kiosks extends AdminCommand {
        @Option(names = "--json", description = "print the backend's JSON instead of the table")
        boolean json;

        @Override
        public Integer call() {
            BackendClient client = client();
            JsonNode fleet = client.get("/api/v1/admin/kiosks", () -> "the backend at " + client.backend()
                    + " has no admin API; is it an older version?");
            if (json) {
                printJson(fleet);
                return 0;
            }
            out().print(FleetTable.render(fleet));
            return 0;
        }
    }

    @Command(name = "beats", mixinStandardHelpOptions = true, sortOptions = false,
            description = "A kiosk's recent heartbeats, newest first, with what changed in each.")
    static final class Beats extends AdminCommand {
        @Option(names = "--kiosk", paramLabel = "ID", required = true, description = "the kiosk, e.g. demo-kiosk-01")
        String kiosk;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "how many heartbeats (1-2000; default ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--json", description = "print the backend's JSON instead of the table")
        boolean json;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 2000) {
                throw new AdminCliException("--limit must be 1 to 2000, was " + limit, USAGE);
            }
            BackendClient client = client();
            JsonNode history = client.get("/api/v1/admin/kiosks/" + pathSegment(kiosk) + "/history?limit=" + limit,
                    () -> notFoundKiosk(kiosk, client.backend()));
            if (json) {
                printJson(history);
                return 0;
            }
            List<HistoryEntry> entries = new ArrayList<>();
            ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            for (JsonNode n : history.path("heartbeats")) {
                entries.add(mapper.convertValue(n, HistoryEntry.class));
            }
            out().println("Heartbeats of " + DisplayWidth.printable(kiosk) + ", newest first (Beijing time):");
            if (entries.isEmpty()) {
                out().println("  none yet: the kiosk has not sent a heartbeat");
                return 0;
            }
            out().println("RECEIVED             MODE         APP             CONFIG  DEVICES");
            for (int i = 0; i < entries.size(); i++) {
                HistoryEntry e = entries.get(i);
                out().println(DisplayWidth.pad(time(e.receivedAt()), 19) + "  " + DisplayWidth.pad(e.mode(), 11) + "  "
                        + DisplayWidth.pad(DisplayWidth.printable(e.appVersion()), 14) + "  "
                        + DisplayWidth.pad(String.valueOf(e.configVersion()), 6) + "  " + devices(e));
                if (i + 1 < entries.size()) {
                    List<String> changes = e.changesSince(entries.get(i + 1));
                    if (!changes.isEmpty()) {
                        out().println("  changed: " + DisplayWidth.printable(String.join("; ", changes)));
                    }
                }
            }
            return 0;
        }

        private static String devices(HistoryEntry e) {
            List<String> notOk = e.devices().stream().filter(d -> !"ok".equals(d.health()) || (d.paper() != null && !"ok".equals(d.paper())))
                    .map(d -> d.name() + " " + d.health() + (d.lastError() != null && !"ok".equals(d.health()) ? " " + d.lastError() : "")
                            + (d.paper() != null && !"ok".equals(d.paper()) ? ", paper " + d.paper() : ""))
                    .toList();
            int ok = e.devices().size() - notOk.size();
            if (notOk.isEmpty()) {
                return "all " + ok + " ok";
            }
            return DisplayWidth.printable(String.join("; ", notOk)) + (ok > 0 ? "; " + ok + " ok" : "");
        }
    }

    @Command(name = "technician-code", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Issues a code that opens maintenance mode on one kiosk for a while; scan it at the kiosk.")
    static final class TechnicianCode extends AdminCommand {
        @Option(names = "--kiosk", paramLabel = "ID", required = true, description = "the kiosk it opens, e.g. demo-kiosk-01")
        String kiosk;

        @Option(names = "--technician", paramLabel = "NAME", required = true, description = "who gets it, e.g. 王师傅 (audited)")
        String technician;

        @Option(names = "--minutes", paramLabel = "M", defaultValue = "30", description = "how long it works (1-480; default ${DEFAULT-VALUE})")
        int minutes;

        @Option(names = "--png", paramLabel = "FILE", description = "also write the code as a QR code PNG to FILE")
        Path png;

        @Override
        public Integer call() {
            if (minutes < 1 || minutes > 480) {
                throw new AdminCliException("--minutes must be 1 to 480 (8 hours), was " + minutes, USAGE);
            }
            BackendClient client = client();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kioskId", kiosk);
            body.put("technician", technician);
            body.put("validMinutes", minutes);
            JsonNode issued = client.post("/api/v1/admin/technician-codes", body, () -> notFoundKiosk(kiosk, client.backend()));
            String code = issued.path("code").asText();
            Instant until = Instant.parse(issued.path("expiresAt").asText());
            out().println("Technician code for " + DisplayWidth.printable(issued.path("technician").asText()) + " at kiosk "
                    + kiosk + ", valid until " + time(until) + " (Beijing time); it is not shown again:");
            out().println("  " + code);
            if (png != null) {
                try {
                    QrPng.write(code, png);
                } catch (IOException e) {
                    throw new AdminCliException("the code above was issued, but the QR code could not be written to " + png
                            + " (" + e.getMessage() + "); choose another --png FILE next time", BackendClient.FAILED);
                }
                out().println("QR code written to " + png + ": show it to the kiosk's scanner");
            }
            return 0;
        }
    }

    @Command(name = "diagnostics", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Lists a kiosk's diagnostic bundles (--kiosk ID), or downloads one (--get BUNDLE --out FILE)."})
    static final class Diagnostics extends AdminCommand {
        @Option(names = "--kiosk", paramLabel = "ID", description = "list this kiosk's bundles")
        String kiosk;

        @Option(names = "--get", paramLabel = "BUNDLE", description = "download this bundle (its id from the list)")
        String bundle;

        @Option(names = "--out", paramLabel = "FILE", description = "where --get writes the zip (must not exist)")
        Path outFile;

        @Option(names = "--json", description = "print the backend's JSON instead of the list")
        boolean json;

        @Override
        public Integer call() {
            if (bundle != null) {
                return download();
            }
            if (kiosk == null) {
                throw new AdminCliException("say which: --kiosk ID lists a kiosk's bundles, --get BUNDLE --out FILE downloads one", USAGE);
            }
            BackendClient client = client();
            JsonNode list = client.get("/api/v1/admin/kiosks/" + pathSegment(kiosk) + "/diagnostics",
                    () -> notFoundKiosk(kiosk, client.backend()));
            if (json) {
                printJson(list);
                return 0;
            }
            out().println("Diagnostic bundles of " + DisplayWidth.printable(kiosk) + ", newest first (Beijing time):");
            if (list.path("bundles").isEmpty()) {
                out().println("  none: export one at the kiosk (maintenance mode, upload to the backend)");
                return 0;
            }
            out().println("BUNDLE                                RECEIVED             SIZE");
            for (JsonNode b : list.path("bundles")) {
                out().println(DisplayWidth.pad(DisplayWidth.printable(b.path("bundleId").asText()), 36) + "  "
                        + time(Instant.parse(b.path("receivedAt").asText())) + "  " + size(b.path("size").asLong()));
            }
            out().println("Download one: ./kiosk admin diagnostics --get BUNDLE --out FILE");
            return 0;
        }

        private int download() {
            if (outFile == null) {
                throw new AdminCliException("--get needs --out FILE: where to write the zip", USAGE);
            }
            if (Files.exists(outFile)) {
                throw new AdminCliException(outFile + " exists; choose another --out FILE (nothing is overwritten)", USAGE);
            }
            BackendClient client = client();
            byte[] zip = client.download("/api/v1/admin/diagnostics/" + pathSegment(bundle), () -> "no diagnostic bundle "
                    + bundle + " is kept at " + client.backend() + "; ./kiosk admin diagnostics --kiosk ID lists a kiosk's bundles");
            try {
                Files.write(outFile, zip, StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw new AdminCliException("cannot write " + outFile + " (" + e.getMessage() + "); choose another --out FILE",
                        BackendClient.FAILED);
            }
            out().println("Diagnostic bundle " + bundle + " (" + size(zip.length) + ") written to " + outFile);
            return 0;
        }

        private static String size(long bytes) {
            if (bytes < 1024) {
                return bytes + " B";
            }
            if (bytes < 1024 * 1024) {
                return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
            }
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
    }

    static String time(Instant at) {
        return at == null ? "-" : SHOWN.format(at.atZone(DocumentsApi.ZONE));
    }

    /** A path segment from the command line: kiosk ids and bundle ids are letters, digits and hyphens; anything else is refused. */
    static String pathSegment(String value) {
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9-]{0,63}")) {
            throw new AdminCliException("'" + DisplayWidth.printable(value) + "' is not an id: ids are letters, digits and hyphens, "
                    + "e.g. demo-kiosk-01", USAGE);
        }
        return value;
    }

    /** The fleet table, 80 columns wide, with a line under each kiosk that needs attention. */
    static final class FleetTable {
        private FleetTable() {
        }

        static String render(JsonNode fleet) {
            Instant asOf = Instant.parse(fleet.path("asOf").asText());
            List<JsonNode> kiosks = new ArrayList<>();
            fleet.path("kiosks").forEach(kiosks::add);
            List<String[]> rows = new ArrayList<>();
            for (JsonNode k : kiosks) {
                Instant seen = k.path("lastSeen").isNull() || k.path("lastSeen").isMissingNode() ? null
                        : Instant.parse(k.path("lastSeen").asText());
                rows.add(new String[] {text(k, "kioskId"), text(k, "name"), text(k, "status"), Elapsed.english(seen, asOf),
                        text(k, "appVersion"), text(k, "configVersion")});
            }
            String[] headers = {"KIOSK", "NAME", "STATUS", "LAST SEEN", "APP", "CONFIG"};
            int[] caps = {20, 40, 10, 10, 14, 6};
            int[] widths = new int[headers.length];
            for (int c = 0; c < headers.length; c++) {
                widths[c] = DisplayWidth.of(headers[c]);
                for (String[] r : rows) {
                    widths[c] = Math.max(widths[c], DisplayWidth.of(r[c]));
                }
                widths[c] = Math.min(widths[c], caps[c]);
            }
            // the name takes what the other columns leave of 80 (two spaces between columns)
            int others = 2 * (headers.length - 1);
            for (int c = 0; c < headers.length; c++) {
                others += c == 1 ? 0 : widths[c];
            }
            widths[1] = Math.max(8, Math.min(widths[1], WIDTH - others));
            StringBuilder b = new StringBuilder();
            b.append(line(headers, widths));
            for (int i = 0; i < rows.size(); i++) {
                b.append(line(rows.get(i), widths));
                List<String> attention = attention(kiosks.get(i));
                String oneLine = "  ! " + String.join("   ", attention);
                if (DisplayWidth.of(oneLine) <= WIDTH) {
                    b.append(attention.isEmpty() ? "" : oneLine + "\n");
                } else {
                    attention.forEach(part -> b.append("  ! ").append(part).append('\n'));
                }
            }
            long online = kiosks.stream().filter(k -> "online".equals(k.path("status").asText())).count();
            long offline = kiosks.stream().filter(k -> "offline".equals(k.path("status").asText())).count();
            long never = kiosks.stream().filter(k -> "never-seen".equals(k.path("status").asText())).count();
            long failing = kiosks.stream().filter(k -> !k.path("failingDevices").isEmpty()).count();
            b.append(kiosks.size()).append(kiosks.size() == 1 ? " kiosk: " : " kiosks: ").append(online).append(" online, ")
                    .append(offline).append(" offline, ").append(never).append(" never seen, ").append(failing)
                    .append(" with failing devices\nAs of ").append(time(asOf)).append(" (Beijing time)\n");
            return b.toString();
        }

        private static List<String> attention(JsonNode k) {
            List<String> parts = new ArrayList<>();
            if (!k.path("failingDevices").isEmpty()) {
                parts.add("failing: " + join(k.path("failingDevices")));
            }
            if (!k.path("paperLow").isEmpty()) {
                parts.add("paper low: " + join(k.path("paperLow")));
            }
            if (!k.path("servicesOut").isEmpty()) {
                parts.add("services out: " + join(k.path("servicesOut")));
            }
            if ("maintenance".equals(k.path("mode").asText())) {
                parts.add("in maintenance mode");
            }
            return parts.stream().map(DisplayWidth::printable).toList();
        }

        private static String join(JsonNode array) {
            List<String> items = new ArrayList<>();
            array.forEach(n -> items.add(n.asText()));
            return items.stream().collect(Collectors.joining(", "));
        }

        private static String text(JsonNode k, String field) {
            JsonNode n = k.path(field);
            return n.isNull() || n.isMissingNode() ? "-" : DisplayWidth.printable(n.asText());
        }

        private static String line(String[] cells, int[] widths) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < cells.length; c++) {
                b.append(c == cells.length - 1 ? DisplayWidth.fit(cells[c], widths[c]) : DisplayWidth.pad(cells[c], widths[c]));
                if (c < cells.length - 1) {
                    b.append("  ");
                }
            }
            return b.toString().stripTrailing() + "\n";
        }
    }
}
