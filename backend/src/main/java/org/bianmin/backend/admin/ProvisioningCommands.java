package org.bianmin.backend.admin;

import static org.bianmin.backend.admin.AdminCli.USAGE;
import static org.bianmin.backend.admin.ConfigCommands.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.SigningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Provisioning: admin key pairs ({@code keygen}, {@code key add|list}), kiosks ({@code kiosk add|groups|move|remove|
 * rotate-token}) and groups ({@code group add|list|remove}). What takes a working kiosk out of service (remove,
 * rotate-token) says first what it would do, and does it only with {@code --yes}.
 */
final class ProvisioningCommands {
    static final String PRIVATE_KEY = "admin-key.pem";
    static final String PUBLIC_KEY = "admin-key.pub";

    private ProvisioningCommands() {
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Makes your Ed25519 admin key pair.",
                    "DIR/" + PRIVATE_KEY + " is private (it signs pushes; readable by you only), DIR/" + PUBLIC_KEY + " public "
                            + "(register it with the backend, provision kiosks with it). Never overwrites."})
    static final class Keygen extends AdminCli.LocalCommand {
        @Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the two files")
        Path dir;

        @Override
        public Integer call() {
            AdminKeyPair pair = AdminKeyPair.generate();
            Path privateKey = dir.resolve(PRIVATE_KEY);
            Path publicKey = dir.resolve(PUBLIC_KEY);
            try {
                pair.write(privateKey, publicKey);
            } catch (SigningException e) {
                throw new AdminCliException(e.getMessage(), USAGE);
            }
            out().println("Admin key " + pair.keyId() + ":");
            out().println("  private: " + privateKey + "  (keep it; it signs every push: --key or " + ConfigCommands.KEY_VARIABLE + ")");
            out().println("  public:  " + publicKey);
            out().println("Next: ./kiosk admin key add " + publicKey + "  (so the backend takes your pushes),");
            out().println("and provision every kiosk with the public key (kiosks apply only what a key they trust signed).");
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, subcommands = {KeyAdd.class, KeyList.class, KeyRemove.class},
            description = "The admin public keys the backend takes pushes from: ./kiosk admin key add FILE.pub | key list | key remove KEY --yes")
    static final class KeyGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin key add FILE.pub, key list, or key remove KEY --yes", USAGE);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Registers your admin public key with the backend (it does not make kiosks trust it).")
    static final class KeyAdd extends AdminCli.AdminCommand {
        @Parameters(paramLabel = "FILE", description = "the public key, e.g. keys/" + PUBLIC_KEY)
        Path file;

        @Override
        public Integer call() {
            String pem;
            try {
                AdminKeyPair.readPublicKey(file);
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (SigningException e) {
                throw new AdminCliException(e.getMessage(), USAGE);
            } catch (IOException e) {
                throw new AdminCliException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", USAGE);
            }
            JsonNode added = client().post("/api/v1/admin/keys", body("publicKey", pem), null);
            out().println("Admin key " + added.path("keyId").asText() + " registered for " + DisplayWidth.printable(added.path("admin").asText())
                    + "; pushes signed with it are taken from now on");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The registered admin keys.")
    static final class KeyList extends AdminCli.AdminCommand {
        @Override
        public Integer call() {
            JsonNode keys = client().get("/api/v1/admin/keys", null);
            if (keys.path("keys").isEmpty()) {
                out().println("No admin key is registered: ./kiosk admin key add FILE.pub registers yours");
                return 0;
            }
            out().println("KEY               ADMIN                  ADDED (Beijing time)");
            for (JsonNode k : keys.path("keys")) {
                out().println(k.path("keyId").asText() + "  " + DisplayWidth.pad(DisplayWidth.printable(k.path("admin").asText()), 21) + "  "
                        + ConfigCommands.when(k.path("addedAt")));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Removes an admin key (lost, leaked, or its admin gone).",
                    "The backend refuses pushes signed with it from now on. Kiosks provisioned with it still trust it until they are "
                            + "provisioned again. Without --yes it only says what it would do."})
    static final class KeyRemove extends Confirmed {
        @Parameters(paramLabel = "KEY", description = "the key's id, as ./kiosk admin key list shows it")
        String keyId;

        @Override
        String preview(BackendClient client) {
            String key = AdminCli.pathSegment(keyId);
            JsonNode found = null;
            for (JsonNode k : client.get("/api/v1/admin/keys", null).path("keys")) {
                if (k.path("keyId").asText().equals(key)) {
                    found = k;
                }
            }
            if (found == null) {
                throw new AdminCliException("no admin key " + key + " is registered; ./kiosk admin key list lists them", BackendClient.FAILED);
            }
            out().println("Would remove admin key " + key + " (" + DisplayWidth.printable(found.path("admin").asText()) + ", added "
                    + ConfigCommands.when(found.path("addedAt")) + "):");
            out().println("  the backend refuses pushes signed with it from now on; the versions it signed stay in the history,");
            out().println("  and kiosks keep running them. Kiosks provisioned with this key trust it until they are provisioned");
            out().println("  again without it (fleet.adminKeys).");
            return "nothing removed; run it again with --yes to remove admin key " + key;
        }

        @Override
        void act(BackendClient client) {
            String key = AdminCli.pathSegment(keyId);
            JsonNode removed = client.delete("/api/v1/admin/keys/" + key,
                    () -> "no admin key " + key + " is registered; ./kiosk admin key list lists them");
            out().println("Admin key " + key + " (" + DisplayWidth.printable(removed.path("admin").asText())
                    + ") removed: the backend refuses pushes signed with it from now on.");
            List<String> signed = new ArrayList<>();
            removed.path("latestSigned").forEach(l -> signed.add(l.path("target").asText() + " version " + l.path("version").asLong()));
            if (!signed.isEmpty()) {
                out().println("It signed the latest version of: " + String.join(", ", signed) + ". Kiosks keep running them; to have");
                out().println("them signed by a key you keep, re-sign each as its next version, e.g.:");
                JsonNode first = removed.path("latestSigned").get(0);
                out().println("  ./kiosk admin revert --target " + first.path("target").asText() + " --to " + first.path("version").asLong());
            }
            if (removed.path("keysLeft").asInt() == 0) {
                out().println("No admin key is registered now: nobody can push until one is added (./kiosk admin key add FILE.pub).");
            }
            out().println("Kiosks provisioned with it still trust it: provision them again without it (fleet.adminKeys).");
        }
    }

    /** A command that takes something working away: without {@code --yes} it only says what it would do, and exits 2. */
    abstract static class Confirmed extends AdminCli.AdminCommand {
        @Option(names = "--yes", description = "do it (without: show what would happen, change nothing)")
        boolean yes;

        /** Prints what would happen and returns the one line that says nothing was done and how to do it. */
        abstract String preview(BackendClient client);

        abstract void act(BackendClient client);

        @Override
        public Integer call() {
            BackendClient client = client();
            if (!yes) {
                throw new AdminCliException(preview(client), USAGE);
            }
            act(client);
            return 0;
        }
    }

    @Command(name = "kiosk", mixinStandardHelpOptions = true,
            subcommands = {KioskAdd.class, KioskGroups.class, KioskMove.class, KioskRemove.class, KioskRotateToken.class},
            description = {"Provision kiosks: add, groups, move, remove, rotate-token.",
                    "./kiosk admin kiosk add ID --name NAME [--group G]..., kiosk groups ID [--group G]..., kiosk move ID --to G "
                            + "[--from F], kiosk remove ID --yes, kiosk rotate-token ID --yes"})
    static final class KioskGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin kiosk add ID --name NAME, kiosk groups ID --group G, "
                    + "kiosk move ID --to G, kiosk remove ID, or kiosk rotate-token ID", USAGE);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Registers a kiosk in its groups and prints its token, once (only its hash is kept).")
    static final class KioskAdd extends AdminCli.AdminCommand {
        @Parameters(paramLabel = "ID", description = "the kiosk's identity.kioskId, e.g. xiaoshan-east-01")
        String id;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "where it stands, e.g. 城关镇便民服务中心")
        String name;

        @Option(names = "--group", paramLabel = "G", description = "a group it is in; repeat in order (a later group's layer lies over an earlier one's)")
        List<String> groups = new ArrayList<>();

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kioskId", id);
            body.put("name", name);
            body.put("groups", groups);
            JsonNode added = client().post("/api/v1/admin/kiosks", body, null);
            out().println("Kiosk " + added.path("kioskId").asText() + " registered"
                    + (groups.isEmpty() ? "" : " in " + String.join(", ", groups)) + ". Its token (shown once; only its hash is kept):");
            out().println("  " + added.path("token").asText());
            out().println("Put it in the kiosk's backend.tokenFile (readable by the kiosk's user only), or KIOSK_TOKEN.");
            List<String> services = new ArrayList<>();
            added.path("services").forEach(s -> services.add(s.asText()));
            out().println("It offers " + (services.isEmpty() ? "no services yet (the catalog is empty)" : services.size()
                    + (services.size() == 1 ? " service: " : " services: ") + String.join(", ", services))
                    + "; its config's services: picks and orders those shown on Home.");
            return 0;
        }
    }

    @Command(name = "groups", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Puts a kiosk in exactly the groups given, in order; none takes it out of all.")
    static final class KioskGroups extends AdminCli.AdminCommand {
        @Parameters(paramLabel = "ID", description = "the kiosk")
        String id;

        @Option(names = "--group", paramLabel = "G", description = "a group; repeat in order")
        List<String> groups = new ArrayList<>();

        @Override
        public Integer call() {
            String kiosk = AdminCli.pathSegment(id);
            BackendClient client = client();
            JsonNode set = client.put("/api/v1/admin/kiosks/" + kiosk + "/groups", body("groups", groups), null);
            List<String> now = new ArrayList<>();
            set.path("groups").forEach(g -> now.add(g.asText()));
            out().println("Kiosk " + kiosk + " is in " + (now.isEmpty() ? "no group" : String.join(", ", now) + " (in that order)")
                    + "; it gets the matching layers at its next poll");
            return 0;
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Moves a kiosk from one group to another, in the same place among its groups.",
                    "A connected kiosk gets the new group's layer at once. A kiosk in several groups needs --from."})
    static final class KioskMove extends AdminCli.AdminCommand {
        @Parameters(paramLabel = "ID", description = "the kiosk")
        String id;

        @Option(names = {"--to", "--group"}, paramLabel = "G", required = true, description = "the group it moves to")
        String to;

        @Option(names = "--from", paramLabel = "F", description = "the group it leaves (default: its only group, if it is in one)")
        String from;

        @Override
        public Integer call() {
            String kiosk = AdminCli.pathSegment(id);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", to);
            if (from != null) {
                body.put("from", from);
            }
            JsonNode moved = client().post("/api/v1/admin/kiosks/" + kiosk + "/move", body, null);
            List<String> now = new ArrayList<>();
            moved.path("groups").forEach(g -> now.add(g.asText()));
            out().println("Kiosk " + kiosk + " moved to " + to + "; it is in " + String.join(", ", now)
                    + (now.size() > 1 ? " (in that order)" : "") + " and gets the matching layers now (at once if it is connected)");
            return 0;
        }
    }

    /** Reads the kiosk's name, connection and groups for a preview of what a command would do to it. */
    private static String describe(BackendClient client, String kiosk) {
        JsonNode k = client.get("/api/v1/admin/config/status?kiosk=" + kiosk, null).path("kiosks").path(0);
        List<String> groups = new ArrayList<>();
        k.path("groups").forEach(g -> groups.add(g.asText()));
        String connection = k.path("connection").asText();
        return "kiosk " + kiosk + " (" + DisplayWidth.printable(k.path("name").asText()) + "), "
                + ("online".equals(connection) ? "online now" : connection) + ", in " + (groups.isEmpty() ? "no group"
                : (groups.size() == 1 ? "group " : "groups ") + String.join(", ", groups));
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Removes a kiosk from the fleet (decommissioned).",
                    "Its token stops working at once, it leaves its groups and rollouts and every list; its heartbeats, documents, "
                            + "config history and audit rows are kept. Without --yes it only says what it would do."})
    static final class KioskRemove extends Confirmed {
        @Parameters(paramLabel = "ID", description = "the kiosk")
        String id;

        @Override
        String preview(BackendClient client) {
            String kiosk = AdminCli.pathSegment(id);
            out().println("Would remove " + describe(client, kiosk) + ":");
            out().println("  its token stops working at once: it can no longer fetch config, report, identify anyone or print;");
            out().println("  it leaves its groups and any rollout, and drops out of admin kiosks, admin status and the console;");
            out().println("  its heartbeats, documents, config history and audit rows are kept.");
            return "nothing removed; run it again with --yes to remove kiosk " + kiosk;
        }

        @Override
        void act(BackendClient client) {
            String kiosk = AdminCli.pathSegment(id);
            JsonNode removed = client.delete("/api/v1/admin/kiosks/" + kiosk, null);
            List<String> groups = new ArrayList<>();
            removed.path("groups").forEach(g -> groups.add(g.asText()));
            out().println("Kiosk " + kiosk + " (" + DisplayWidth.printable(removed.path("name").asText()) + ") removed from the fleet"
                    + (groups.isEmpty() ? "" : "; it left " + String.join(", ", groups)) + ". Its token no longer works.");
            out().println("Its history is kept; ./kiosk admin kiosk add " + kiosk + " --name NAME registers it again with a new token.");
        }
    }

    @Command(name = "rotate-token", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Gives a kiosk a new token (for a lost or leaked one) and prints it once.",
                    "The old one stops working at once, so the kiosk is cut off until the new token is in its backend.tokenFile. "
                            + "Without --yes it only says what it would do."})
    static final class KioskRotateToken extends Confirmed {
        @Parameters(paramLabel = "ID", description = "the kiosk")
        String id;

        @Override
        String preview(BackendClient client) {
            String kiosk = AdminCli.pathSegment(id);
            out().println("Would give " + describe(client, kiosk) + ", a new token:");
            out().println("  the old token stops working at once, and the kiosk cannot reach the backend until the new one is");
            out().println("  in its backend.tokenFile (or KIOSK_TOKEN).");
            return "no token changed; run it again with --yes to rotate the token of kiosk " + kiosk;
        }

        @Override
        void act(BackendClient client) {
            String kiosk = AdminCli.pathSegment(id);
            JsonNode rotated = client.postRaw("/api/v1/admin/kiosks/" + kiosk + "/token", new byte[0], null);
            out().println("Kiosk " + kiosk + " has a new token (shown once; only its hash is kept); the old one no longer works:");
            out().println("  " + rotated.path("token").asText());
            out().println("Put it in the kiosk's backend.tokenFile (readable by the kiosk's user only), or KIOSK_TOKEN.");
        }
    }

    @Command(name = "group", mixinStandardHelpOptions = true, subcommands = {GroupAdd.class, GroupList.class, GroupRemove.class},
            description = "Kiosk groups: ./kiosk admin group add NAME | group list | group remove NAME")
    static final class GroupGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin group add NAME, group list, or group remove NAME", USAGE);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Removes a group no kiosk is in and with no layer set (./kiosk admin config clear withdraws one).",
                    "The history of its pushes stays."})
    static final class GroupRemove extends AdminCli.AdminCommand {
        @Parameters(paramLabel = "NAME", description = "the group")
        String name;

        @Override
        public Integer call() {
            String group = AdminCli.pathSegment(name);
            client().delete("/api/v1/admin/groups/" + group, null);
            out().println("Group " + group + " removed; ./kiosk admin history --target group:" + group + " still lists its pushes");
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a kiosk group.")
    static final class GroupAdd extends AdminCli.AdminCommand {
        @Parameters(paramLabel = "NAME", description = "3-64 lower-case letters, digits and hyphens, e.g. xiaoshan-east")
        String name;

        @Override
        public Integer call() {
            client().post("/api/v1/admin/groups", body("name", name), null);
            out().println("Group " + name + " added; ./kiosk admin kiosk groups ID --group " + name + " puts a kiosk in it");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The groups and their kiosks.")
    static final class GroupList extends AdminCli.AdminCommand {
        @Override
        public Integer call() {
            JsonNode groups = client().get("/api/v1/admin/groups", null);
            if (groups.path("groups").isEmpty()) {
                out().println("No groups yet: ./kiosk admin group add NAME adds one");
                return 0;
            }
            for (JsonNode g : groups.path("groups")) {
                List<String> kiosks = new ArrayList<>();
                g.path("kiosks").forEach(k -> kiosks.add(k.asText()));
                out().println(g.path("name").asText() + " (" + kiosks.size() + (kiosks.size() == 1 ? " kiosk" : " kiosks") + ")"
                        + (kiosks.isEmpty() ? "" : ": " + String.join(", ", kiosks)));
            }
            return 0;
        }
    }
}
