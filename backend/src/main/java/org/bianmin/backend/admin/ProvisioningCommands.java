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
 * Provisioning: admin key pairs ({@code keygen}, {@code key add|list}), kiosks ({@code kiosk add|groups}) and groups
 * ({@code group add|list}).
 */
final class ProvisioningCommands {
    static final String PRIVATE_KEY = "admin-key.pem";
    static final String PUBLIC_KEY = "admin-key.pub";

    private ProvisioningCommands() {
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Makes your Ed25519 admin key pair: DIR/" + PRIVATE_KEY + " (private, signs pushes; readable by you only)",
                    "and DIR/" + PUBLIC_KEY + " (public: register it with the backend, provision kiosks with it). Never overwrites."})
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

    @Command(name = "key", mixinStandardHelpOptions = true, subcommands = {KeyAdd.class, KeyList.class},
            description = "The admin public keys the backend takes pushes from: ./kiosk admin key add FILE.pub | key list")
    static final class KeyGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin key add FILE.pub, or key list", USAGE);
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

    @Command(name = "kiosk", mixinStandardHelpOptions = true, subcommands = {KioskAdd.class, KioskGroups.class},
            description = "Provision kiosks: ./kiosk admin kiosk add ID --name NAME [--group G]..., kiosk groups ID [--group G]...")
    static final class KioskGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin kiosk add ID --name NAME, or kiosk groups ID --group G", USAGE);
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

    @Command(name = "group", mixinStandardHelpOptions = true, subcommands = {GroupAdd.class, GroupList.class},
            description = "Kiosk groups: ./kiosk admin group add NAME | group list")
    static final class GroupGroup extends AdminCli.LocalCommand {
        @Override
        public Integer call() {
            throw new AdminCliException("name what to do: ./kiosk admin group add NAME, or group list", USAGE);
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
