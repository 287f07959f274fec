package org.bianmin.backend.admin;

import static org.bianmin.backend.admin.AdminCli.USAGE;
import static org.bianmin.backend.admin.AdminCli.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.backend.fleet.LayerRules;
import org.bianmin.config.ConfigException;
import org.bianmin.config.ConfigLayer;
import org.bianmin.config.ConfigProblem;
import org.bianmin.config.KioskConfigLoader;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.SigningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The admin commands for desired config: {@code push}, {@code sign}, {@code revert}, {@code status}, {@code history},
 * {@code config show} and {@code rollout resume|abort}. Signing happens here, on the admin's machine, with the
 * admin's private key; the backend only checks and hands out what was signed.
 */
final class ConfigCommands {
    /** Where the admin's private key is looked for when no --key is given. */
    static final String KEY_VARIABLE = "KIOSK_ADMIN_KEY";

    private ConfigCommands() {
    }

    /** The options that sign: the admin's private key file. */
    static final class Signing {
        @Option(names = "--key", paramLabel = "FILE", description = "your admin private key (default: the environment variable "
                + KEY_VARIABLE + ")")
        Path key;

        AdminKeyPair read(Map<String, String> env) {
            Path file = key != null ? key : env.containsKey(KEY_VARIABLE) ? Path.of(env.get(KEY_VARIABLE)) : null;
            if (file == null) {
                throw new AdminCliException("no admin key to sign with: pass --key FILE or set " + KEY_VARIABLE
                        + " (./kiosk admin keygen --out DIR makes a key pair; the demo's is config/demo-admin-key.pem)", USAGE);
            }
            try {
                return AdminKeyPair.read(file);
            } catch (SigningException e) {
                throw new AdminCliException(e.getMessage(), USAGE);
            }
        }
    }

    static ConfigTarget target(String text) {
        try {
            return ConfigTarget.parse(text);
        } catch (SigningException e) {
            throw new AdminCliException(e.getMessage(), USAGE);
        }
    }

    /** The next version of {@code target}: its latest pushed version plus one. */
    static long nextVersion(BackendClient client, ConfigTarget target) {
        JsonNode history = client.get("/api/v1/admin/config/history?limit=1&target=" + target, null);
        JsonNode latest = history.path("pushes").path(0);
        return latest.isMissingNode() ? 1 : latest.path("version").asLong() + 1;
    }

    static JsonNode push(BackendClient client, SignedConfig envelope, String query) {
        return client.postRaw("/api/v1/admin/config/pushes" + query, envelope.toJson(), null);
    }

    /** What a push did, wrapped at 80 columns: the version and key, who gets it, then any warnings. */
    static void printPushed(AdminCli.LocalCommand command, JsonNode pushed, String what) {
        StringBuilder b = new StringBuilder();
        StatusReport.wrapCells(b, what + " " + pushed.path("target").asText() + " version " + pushed.path("version").asLong()
                + " (key " + pushed.path("keyId").asText() + ", sha256 " + pushed.path("sha256").asText().substring(0, 8) + "…)", "", "  ");
        JsonNode r = pushed.path("rollout");
        if (r.isMissingNode() || r.isNull()) {
            StatusReport.wrapCells(b, "Every kiosk of " + pushed.path("target").asText() + " gets it now; kiosks that are offline "
                    + "get it when they come back. ./kiosk admin status shows who applied it.", "", "");
        } else {
            StatusReport.wrapCells(b, "Staged: wave 1 released to " + r.path("released").asInt() + " of " + r.path("members").asInt()
                    + " kiosks (" + r.path("stagePercent").asInt() + "% a wave; halts at " + r.path("stopOnFailures").asInt()
                    + " failed). ./kiosk admin status follows it.", "", "");
        }
        // the push went through: a warning is for the admin to read, not a failure
        pushed.path("warnings").forEach(w -> StatusReport.wrapCells(b, DisplayWidth.printable(w.asText()), "warning: ", "         "));
        command.out().print(b);
    }

    @Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Checks FILE as a config layer, signs it with your admin key as the target's next version and pushes it.",
                    "Layers: fleet < group (in the kiosk's order) < kiosk. FILE holds only the keys this layer sets (YAML).",
                    "A service code in services or guides that the backend does not offer at a kiosk of the target is never",
                    "shown there: it is printed as a warning, and the push still goes through (exit code 0)."})
    static final class Push extends AdminCli.AdminCommand {
        @Option(names = "--to", paramLabel = "TARGET", required = true, description = "kiosk:ID, group:NAME or fleet")
        String to;

        @Parameters(paramLabel = "FILE", description = "the layer, YAML, e.g. layer.yaml")
        Path file;

        @Option(names = "--stage", paramLabel = "PERCENT", description = "release to this share of the target's kiosks at a "
                + "time (1-100); the next share once all released kiosks reported (group or fleet only)")
        Integer stage;

        @Option(names = "--stop-on-failures", paramLabel = "N", description = "halt a staged push when N released kiosks "
                + "report failed, reverted or rejected (default 1)")
        Integer stopOnFailures;

        @picocli.CommandLine.Mixin
        Signing signing = new Signing();

        @Override
        public Integer call() {
            ConfigTarget target = target(to);
            if (stage != null && (stage < 1 || stage > 100)) {
                throw new AdminCliException("--stage must be 1 to 100 (percent of the target's kiosks a wave), was " + stage, USAGE);
            }
            if (stage != null && target instanceof ConfigTarget.Kiosk) {
                throw new AdminCliException("--stage is for group:NAME or fleet; a push to one kiosk goes to it at once", USAGE);
            }
            if (stopOnFailures != null && (stage == null || stopOnFailures < 1)) {
                throw new AdminCliException(stage == null ? "--stop-on-failures goes with --stage PERCENT"
                        : "--stop-on-failures must be 1 or more, was " + stopOnFailures, USAGE);
            }
            ObjectNode layer = checkedLayer(file, target);
            AdminKeyPair key = signing.read(env());
            BackendClient client = client();
            long version = nextVersion(client, target);
            SignedConfig envelope = SignedConfig.sign(layer, target, version, key.privateKey());
            String query = stage == null ? "" : "?stagePercent=" + stage + (stopOnFailures == null ? "" : "&stopOnFailures=" + stopOnFailures);
            printPushed(this, push(client, envelope, query), "Pushed");
            return 0;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Checks FILE as a config layer and signs it with your admin key into an envelope file, without pushing it.",
                    "Upload the file in the web console (Push config). With --version it needs no backend, so the key can stay on a "
                            + "machine that never reaches one; without it, the backend is asked for the target's next version."})
    static final class Sign extends AdminCli.AdminCommand {
        @Option(names = "--to", paramLabel = "TARGET", required = true, description = "kiosk:ID, group:NAME or fleet")
        String to;

        @Parameters(paramLabel = "FILE", description = "the layer, YAML, e.g. layer.yaml")
        Path file;

        @Option(names = "--out", paramLabel = "OUT", required = true, description = "where to write the signed envelope (JSON)")
        Path out;

        @Option(names = "--version", paramLabel = "N", description = "sign as this version (default: the target's latest + 1, "
                + "asked of the backend); a revert is the next version too")
        Long version;

        @picocli.CommandLine.Mixin
        Signing signing = new Signing();

        @Override
        public Integer call() {
            ConfigTarget target = target(to);
            if (version != null && version < 1) {
                throw new AdminCliException("--version must be 1 or more, was " + version
                        + "; ./kiosk admin history --target " + target + " shows the latest", USAGE);
            }
            if (out.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                throw new AdminCliException("--out " + out + " is the layer itself; write the signed envelope to another file", USAGE);
            }
            ObjectNode layer = checkedLayer(file, target);
            AdminKeyPair key = signing.read(env());
            long v = version != null ? version : nextVersion(client(), target);
            SignedConfig envelope = SignedConfig.sign(layer, target, v, key.privateKey());
            write(envelope.toJson(), out);
            out().println("Signed " + target + " version " + v + " (key " + envelope.keyId() + ") into " + out + "; nothing was pushed.");
            out().println("Upload it in the web console (Push config), or sign and push in one step with ./kiosk admin push.");
            return 0;
        }
    }

    /** Writes {@code bytes} to a temporary file beside {@code out}, then moves it there: a reader never sees half a file. */
    private static void write(byte[] bytes, Path out) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".sign", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) {
                // the message below is what matters; a stray temporary file is named .sign*.tmp
            }
            throw new AdminCliException("cannot write " + out + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); choose another --out", BackendClient.FAILED);
        }
    }

    /**
     * Reads {@code file} as a layer and checks it over the defaults with the kiosk's own strict binder (but for the files
     * it names, which lie on the kiosks), and against the layer rules; every problem is reported at once, and nothing is
     * signed.
     */
    static ObjectNode checkedLayer(Path file, ConfigTarget target) {
        if (!Files.isRegularFile(file)) {
            throw new AdminCliException(file + ": " + (Files.exists(file) ? "is not a file" : "does not exist")
                    + "; give the YAML file of the layer to push", USAGE);
        }
        List<String> problems = new ArrayList<>();
        ObjectNode tree = null;
        try {
            tree = ConfigLayer.fromFile(file).tree();
            KioskConfigLoader.overDefaults().file(file).loadForKiosks();
        } catch (ConfigException e) {
            e.problems().stream().map(ConfigProblem::toString).forEach(problems::add);
        }
        if (tree != null) {
            LayerRules.problem(tree, target).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new AdminCliException(file + " is not a valid layer (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "); nothing was signed or pushed:\n  " + String.join("\n  ", problems), BackendClient.FAILED);
        }
        return tree;
    }

    @Command(name = "revert", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Pushes an older version's config again, re-signed as the target's next version.",
                    "Kiosks refuse lower versions, so going back is a new version with the old content; every kiosk of the target "
                            + "gets it at once."})
    static final class Revert extends AdminCli.AdminCommand {
        @Option(names = "--target", paramLabel = "TARGET", required = true, description = "kiosk:ID, group:NAME or fleet")
        String targetText;

        @Option(names = "--to", paramLabel = "VERSION", required = true, description = "the version whose config to bring back")
        long to;

        @picocli.CommandLine.Mixin
        Signing signing = new Signing();

        @Override
        public Integer call() {
            ConfigTarget target = target(targetText);
            if (to < 1) {
                throw new AdminCliException("--to must be a version, 1 or more; ./kiosk admin history --target " + target + " lists them", USAGE);
            }
            AdminKeyPair key = signing.read(env());
            BackendClient client = client();
            byte[] old = client.download("/api/v1/admin/config/targets/" + target + "/versions/" + to, () -> "no version " + to
                    + " of " + target + " was pushed; ./kiosk admin history --target " + target + " lists them");
            SignedConfig previous;
            try {
                previous = SignedConfig.parse(old);
            } catch (SigningException e) {
                throw new AdminCliException("the backend's copy of " + target + " version " + to + " cannot be read: " + e.getMessage(),
                        BackendClient.FAILED);
            }
            long version = nextVersion(client, target);
            SignedConfig envelope = SignedConfig.sign(previous.config(), target, version, key.privateKey());
            printPushed(this, push(client, envelope, "?revertOf=" + to), "Reverted to the config of version " + to + ": pushed");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Desired against reported config for every kiosk.",
                    "Rollouts under way; each kiosk's layers, desired and running version, with the kiosk's status and reason, and "
                            + "what differs in the merged config; then what kiosks noted of configs they applied."})
    static final class Status extends AdminCli.AdminCommand {
        @Option(names = "--kiosk", paramLabel = "ID", description = "only this kiosk")
        String kiosk;

        @Option(names = "--json", description = "print the backend's JSON instead")
        boolean json;

        @Override
        public Integer call() {
            BackendClient client = client();
            String query = kiosk == null ? "" : "?kiosk=" + AdminCli.pathSegment(kiosk);
            JsonNode status = client.get("/api/v1/admin/config/status" + query, null);
            if (json) {
                printJson(status);
                return 0;
            }
            out().print(StatusReport.render(status));
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Config pushes and rollouts, newest first: of one target, of what reaches one kiosk, or of all.")
    static final class History extends AdminCli.AdminCommand {
        @Option(names = "--target", paramLabel = "TARGET", description = "kiosk:ID, group:NAME or fleet")
        String targetText;

        @Option(names = "--kiosk", paramLabel = "ID", description = "the layers that reach this kiosk (fleet, its groups, its own)")
        String kiosk;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "30", description = "how many pushes (1-500; default ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--json", description = "print the backend's JSON instead")
        boolean json;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 500) {
                throw new AdminCliException("--limit must be 1 to 500, was " + limit, USAGE);
            }
            StringBuilder query = new StringBuilder("?limit=" + limit);
            if (targetText != null) {
                query.append("&target=").append(target(targetText));
            }
            if (kiosk != null) {
                query.append("&kiosk=").append(AdminCli.pathSegment(kiosk));
            }
            BackendClient client = client();
            JsonNode history = client.get("/api/v1/admin/config/history" + query, null);
            if (json) {
                printJson(history);
                return 0;
            }
            out().print(StatusReport.history(history));
            return 0;
        }
    }

    @Command(name = "config", mixinStandardHelpOptions = true, subcommands = {Show.class, Clear.class},
            description = "A kiosk's merged config: ./kiosk admin config show --kiosk ID; config clear --target group:NAME")
    static final class ConfigGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin config show --kiosk ID, or config clear --target group:NAME", USAGE);
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Withdraws the layer of a group no kiosk is in, before ./kiosk admin group remove.",
                    "No kiosk gets it any more, and its history stays. A later push sets it again."})
    static final class Clear extends AdminCli.AdminCommand {
        @Option(names = "--target", paramLabel = "TARGET", required = true, description = "group:NAME")
        String targetText;

        @Override
        public Integer call() {
            ConfigTarget target = target(targetText);
            if (!(target instanceof ConfigTarget.Group)) {
                throw new AdminCliException("--target must be group:NAME: a kiosk keeps a fleet or kiosk layer until a newer one "
                        + "replaces it, so push a new version to change what kiosks run", USAGE);
            }
            JsonNode cleared = client().delete("/api/v1/admin/config/targets/" + target, null);
            out().println("Withdrew the layer of " + cleared.path("target").asText() + " (version " + cleared.path("version").asLong()
                    + "): no kiosk gets it any more; ./kiosk admin history --target " + target + " still lists its versions");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The config a kiosk should run, merged over the defaults, with where each value came from.")
    static final class Show extends AdminCli.AdminCommand {
        @Option(names = "--kiosk", paramLabel = "ID", required = true, description = "the kiosk")
        String kiosk;

        @Option(names = "--json", description = "print the backend's JSON instead")
        boolean json;

        @Override
        public Integer call() {
            BackendClient client = client();
            String id = AdminCli.pathSegment(kiosk);
            JsonNode merged = client.get("/api/v1/admin/config/kiosks/" + id + "/merged", () -> notFoundKiosk(id, client.backend()));
            if (json) {
                printJson(merged);
                return 0;
            }
            out().print(StatusReport.merged(merged));
            return 0;
        }
    }

    @Command(name = "rollout", mixinStandardHelpOptions = true, subcommands = {Resume.class, Abort.class},
            description = "Resume or abort a staged rollout: ./kiosk admin rollout resume|abort --target group:NAME|fleet")
    static final class RolloutGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin rollout resume --target T, or abort --target T", USAGE);
        }
    }

    abstract static class RolloutCommand extends AdminCli.AdminCommand {
        @Option(names = "--target", paramLabel = "TARGET", required = true, description = "group:NAME or fleet")
        String targetText;

        int act(String action, String done) {
            ConfigTarget target = target(targetText);
            JsonNode r = client().postRaw("/api/v1/admin/config/rollouts/" + target + "/" + action, new byte[0], null);
            out().println(done + " the rollout of " + r.path("target").asText() + " version " + r.path("version").asLong() + ": "
                    + StatusReport.rolloutLine(r));
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Resumes a halted rollout: the failures so far are accepted, and the threshold counts anew.")
    static final class Resume extends RolloutCommand {
        @Override
        public Integer call() {
            return act("resume", "Resumed");
        }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true,
            description = {"Stops a rollout: no more kiosks are released.",
                    "Released kiosks keep the new version (./kiosk admin revert takes it back)."})
    static final class Abort extends RolloutCommand {
        @Override
        public Integer call() {
            return act("abort", "Aborted");
        }
    }

    /** A request body of one field. */
    static Map<String, Object> body(String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, value);
        return body;
    }

    static String when(JsonNode at) {
        return at == null || at.isNull() || at.isMissingNode() ? "-" : time(Instant.parse(at.asText()));
    }
}
