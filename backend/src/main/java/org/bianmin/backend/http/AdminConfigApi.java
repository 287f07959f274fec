package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bianmin.backend.auth.AdminAuthenticator;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.fleet.ConfigDistribution;
import org.bianmin.backend.fleet.ConfigStatus;
import org.bianmin.backend.store.AdminKeys;
import org.bianmin.backend.store.DesiredConfigs;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.Kiosk;
import org.bianmin.backend.store.KioskGroups;
import org.bianmin.backend.store.Service;
import org.bianmin.backend.store.NotFoundException;
import org.bianmin.backend.store.PushedLayer;
import org.bianmin.backend.store.Store;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.SigningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' config operations under {@code /api/v1/admin}: pushing signed layers, history, desired against reported,
 * merged configs, rollouts, kiosks and groups, and the admin keys pushes are checked against. Every change is audited
 * with the admin's name.
 */
public final class AdminConfigApi {
    private static final String BASE = AdminApi.BASE;
    private static final Logger LOG = LoggerFactory.getLogger(AdminConfigApi.class);
    private static final int MAX_HISTORY = 500;

    private final Store store;
    private final AdminAuthenticator auth;
    private final KioskAuthenticator kiosks;
    private final ConfigDistribution distribution;
    private final ConfigStatus status;
    private final ObjectMapper mapper;

    public AdminConfigApi(Store store, AdminAuthenticator auth, KioskAuthenticator kiosks, ConfigDistribution distribution,
                          ConfigStatus status, ObjectMapper mapper) {
        this.store = store;
        this.auth = auth;
        this.kiosks = kiosks;
        this.distribution = distribution;
        this.status = status;
        this.mapper = mapper;
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.POST, BASE + "/config/pushes", this::push),
                new ApiRoute(HandlerType.GET, BASE + "/config/history", this::history),
                new ApiRoute(HandlerType.GET, BASE + "/config/targets/{target}/versions/{version}", this::envelope),
                new ApiRoute(HandlerType.GET, BASE + "/config/status", this::status),
                new ApiRoute(HandlerType.GET, BASE + "/config/kiosks/{kioskId}/merged", this::merged),
                new ApiRoute(HandlerType.POST, BASE + "/config/rollouts/{target}/resume", this::resume),
                new ApiRoute(HandlerType.POST, BASE + "/config/rollouts/{target}/abort", this::abort),
                new ApiRoute(HandlerType.DELETE, BASE + "/config/targets/{target}", this::clearLayer),
                new ApiRoute(HandlerType.POST, BASE + "/kiosks", this::addKiosk),
                new ApiRoute(HandlerType.DELETE, BASE + "/kiosks/{kioskId}", this::removeKiosk),
                new ApiRoute(HandlerType.POST, BASE + "/kiosks/{kioskId}/token", this::rotateToken),
                new ApiRoute(HandlerType.PUT, BASE + "/kiosks/{kioskId}/groups", this::setGroups),
                new ApiRoute(HandlerType.POST, BASE + "/kiosks/{kioskId}/move", this::moveKiosk),
                new ApiRoute(HandlerType.GET, BASE + "/groups", this::groups),
                new ApiRoute(HandlerType.POST, BASE + "/groups", this::addGroup),
                new ApiRoute(HandlerType.DELETE, BASE + "/groups/{name}", this::removeGroup),
                new ApiRoute(HandlerType.GET, BASE + "/keys", this::keys),
                new ApiRoute(HandlerType.POST, BASE + "/keys", this::addKey),
                new ApiRoute(HandlerType.DELETE, BASE + "/keys/{keyId}", this::removeKey));
    }

    record PushedView(String target, long version, String sha256, String keyId, ConfigStatus.RolloutView rollout, List<String> warnings) {
    }

    private void push(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        byte[] envelope = ctx.bodyAsBytes();
        if (envelope.length > SignedConfig.MAX_BYTES) {
            throw KioskFleetApi.tooLarge("a signed config is at most " + SignedConfig.MAX_BYTES + " bytes; this one is " + envelope.length);
        }
        Integer stage = whole(ctx, "stagePercent");
        Integer stop = whole(ctx, "stopOnFailures");
        Integer revertOf = whole(ctx, "revertOf");
        ConfigDistribution.Pushed pushed = distribution.push(envelope, admin, revertOf == null ? null : revertOf.longValue(), stage, stop);
        ctx.status(201).json(new PushedView(pushed.target(), pushed.version(), pushed.sha256(), pushed.keyId(),
                pushed.rollout().map(status::rollout).orElse(null), pushed.warnings()));
    }

    private static Integer whole(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number, was '" + text + "'");
        }
    }

    record HistoryView(List<PushedLayer> pushes, List<ConfigStatus.RolloutView> rollouts) {
    }

    private void history(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        Integer limitParam = whole(ctx, "limit");
        int limit = limitParam == null ? 50 : limitParam;
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new InvalidInputException("limit", "must be a whole number from 1 to " + MAX_HISTORY);
        }
        Set<String> targets = new LinkedHashSet<>();
        String target = ctx.queryParam("target");
        String kioskId = ctx.queryParam("kiosk");
        if (target != null) {
            targets.add(target(target).toString());
        }
        if (kioskId != null) {
            // a removed kiosk's history is kept: its own layer's and the fleet's pushes
            Kiosk.checkId(kioskId);
            if (!store.kiosks().known(kioskId)) {
                throw new NotFoundException("no kiosk " + kioskId + " is registered; GET " + BASE + "/kiosks lists them");
            }
            targets.add("fleet");
            store.groups().of(kioskId).forEach(g -> targets.add("group:" + g));
            targets.add("kiosk:" + kioskId);
        }
        ctx.json(new HistoryView(store.configs().history(targets, limit),
                store.configs().rollouts(targets, limit).stream().map(status::rollout).toList()));
    }

    private void envelope(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        ConfigTarget target = target(ctx.pathParam("target"));
        long version;
        try {
            version = Long.parseLong(ctx.pathParam("version"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "must be a whole number, e.g. 3");
        }
        ctx.contentType("application/json").result(distribution.envelope(target.toString(), version));
    }

    private void status(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        String kioskId = ctx.queryParam("kiosk");
        if (kioskId != null) {
            Kiosk.checkId(kioskId);
        }
        ctx.json(status.status(Optional.ofNullable(kioskId)));
    }

    private void merged(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        ctx.json(status.merged(Kiosk.checkId(ctx.pathParam("kioskId"))));
    }

    private void resume(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        ctx.json(status.rollout(distribution.resume(rolloutTarget(ctx), admin)));
    }

    private void abort(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        ctx.json(status.rollout(distribution.abort(rolloutTarget(ctx), admin)));
    }

    private static ConfigTarget rolloutTarget(Context ctx) {
        ConfigTarget target = target(ctx.pathParam("target"));
        if (target instanceof ConfigTarget.Kiosk) {
            throw new InvalidInputException("target", "a push to one kiosk has no rollout; rollouts are of group:NAME or fleet");
        }
        return target;
    }

    record AddKioskBody(String kioskId, String name, List<String> groups) {
    }

    record AddedKioskView(String kioskId, String name, List<String> groups, List<String> services, String token) {
    }

    private void addKiosk(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        AddKioskBody body = Json.read(mapper, ctx.body(), AddKioskBody.class);
        Kiosk kiosk = new Kiosk(body.kioskId(), body.name());
        List<String> groups = body.groups() == null ? List.of() : body.groups();
        KioskGroups.check(groups);
        String token = distribution.addKiosk(kiosk, groups, admin, kiosks::register);
        LOG.info("admin {} added kiosk {} in groups {}", admin, kiosk.id(), groups);
        List<String> services = store.services().offeredAt(kiosk.id()).stream().map(Service::code).toList();
        ctx.status(201).json(new AddedKioskView(kiosk.id(), kiosk.name(), groups, services, token));
    }

    record GroupsBody(List<String> groups) {
    }

    record KioskGroupsView(String kioskId, List<String> groups) {
    }

    private void setGroups(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        String kioskId = knownKiosk(ctx.pathParam("kioskId"));
        GroupsBody body = Json.read(mapper, ctx.body(), GroupsBody.class);
        if (body.groups() == null) {
            throw new InvalidInputException("groups", "is required: the kiosk's groups in order, [] for none");
        }
        KioskGroups.check(body.groups());
        distribution.setGroups(kioskId, body.groups(), admin);
        ctx.json(new KioskGroupsView(kioskId, store.groups().of(kioskId)));
    }

    record RemovedKioskView(String kioskId, String name, Instant removedAt, List<String> groups) {
    }

    private void removeKiosk(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        String kioskId = Kiosk.checkId(ctx.pathParam("kioskId"));
        DesiredConfigs.RemovedKiosk removed = distribution.removeKiosk(kioskId, admin);
        ctx.json(new RemovedKioskView(kioskId, removed.kiosk().name(), removed.removedAt(), removed.groups()));
    }

    record TokenView(String kioskId, String token) {
    }

    private void rotateToken(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        String kioskId = Kiosk.checkId(ctx.pathParam("kioskId"));
        String token = kiosks.rotateToken(kioskId, admin);
        distribution.disconnect(kioskId);
        LOG.info("admin {} rotated the token of kiosk {}", admin, kioskId);
        ctx.json(new TokenView(kioskId, token));
    }

    record MoveBody(String from, String to) {
    }

    private void moveKiosk(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        String kioskId = Kiosk.checkId(ctx.pathParam("kioskId"));
        MoveBody body = Json.read(mapper, ctx.body(), MoveBody.class);
        if (body.to() == null) {
            throw new InvalidInputException("to", "is required: the group the kiosk moves to");
        }
        KioskGroups.Membership moved = distribution.moveKiosk(kioskId, body.from(), body.to(), admin);
        ctx.json(new KioskGroupsView(kioskId, moved.groups()));
    }

    record GroupsView(List<KioskGroups.Group> groups) {
    }

    private void groups(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        ctx.json(new GroupsView(store.groups().all()));
    }

    record AddGroupBody(String name) {
    }

    private void addGroup(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        AddGroupBody body = Json.read(mapper, ctx.body(), AddGroupBody.class);
        KioskGroups.Group added = store.groups().add(body.name(), admin);
        LOG.info("admin {} added group {}", admin, added.name());
        ctx.status(201).json(added);
    }

    record RemovedGroupView(String name, Instant removedAt) {
    }

    private void removeGroup(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        KioskGroups.Removed removed = distribution.removeGroup(KioskGroups.checkName(ctx.pathParam("name")), admin);
        ctx.json(new RemovedGroupView(removed.name(), removed.removedAt()));
    }

    record ClearedView(String target, long version, Instant clearedAt) {
    }

    private void clearLayer(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        DesiredConfigs.Cleared cleared = distribution.clearLayer(target(ctx.pathParam("target")), admin);
        ctx.json(new ClearedView(cleared.target(), cleared.version(), cleared.clearedAt()));
    }

    record KeyView(String keyId, String admin, Instant addedAt) {
    }

    record LayerView(String target, long version) {
    }

    record RemovedKeyView(String keyId, String admin, Instant addedAt, List<LayerView> latestSigned, int keysLeft) {
    }

    private void removeKey(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        String keyId = ctx.pathParam("keyId");
        if (!keyId.matches("[0-9a-f]{16}")) {
            throw new InvalidInputException("keyId", "is 16 hex digits, as ./kiosk admin key list shows them");
        }
        AdminKeys.Registered removed = store.adminKeys().remove(keyId, admin);
        // the layers whose running version it signed: kiosks keep them, and re-signing them with another key is advised
        List<LayerView> signed = store.configs().snapshot().versions().entrySet().stream()
                .filter(e -> store.configs().pushed(e.getKey(), e.getValue()).filter(p -> p.keyId().equals(keyId)).isPresent())
                .map(e -> new LayerView(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(LayerView::target))
                .toList();
        LOG.info("admin {} removed admin key {} (registered by {}); latest versions it signed: {}", admin, keyId, removed.admin(), signed);
        ctx.json(new RemovedKeyView(keyId, removed.admin(), removed.addedAt(), signed, store.adminKeys().all().size()));
    }

    record KeysView(List<KeyView> keys) {
    }

    private void keys(Context ctx) {
        auth.authenticate(ctx.header("Authorization"));
        ctx.json(new KeysView(store.adminKeys().all().stream().map(k -> new KeyView(k.keyId(), k.admin(), k.addedAt())).toList()));
    }

    record AddKeyBody(String publicKey) {
    }

    private void addKey(Context ctx) {
        String admin = auth.authenticate(ctx.header("Authorization"));
        AddKeyBody body = Json.read(mapper, ctx.body(), AddKeyBody.class);
        if (body.publicKey() == null || body.publicKey().isBlank()) {
            throw new InvalidInputException("publicKey", "is required: the PEM text of an admin public key (./kiosk admin keygen writes one)");
        }
        PublicKey key;
        try {
            key = AdminKeyPair.parsePublicKey("publicKey", body.publicKey());
        } catch (SigningException e) {
            throw new InvalidInputException("publicKey", e.getMessage().replaceFirst("^publicKey: ", ""));
        }
        String keyId = AdminKeyPair.keyId(key);
        AdminKeys.Registered added = store.adminKeys().add(keyId, admin, body.publicKey().strip() + "\n");
        LOG.info("admin {} registered admin key {}", admin, keyId);
        ctx.status(201).json(new KeyView(added.keyId(), added.admin(), added.addedAt()));
    }

    static ConfigTarget target(String text) {
        try {
            return ConfigTarget.parse(text);
        } catch (SigningException e) {
            throw new InvalidInputException("target", e.getMessage());
        }
    }

    private String knownKiosk(String kioskId) {
        Kiosk.checkId(kioskId);
        return store.kiosks().find(kioskId).map(Kiosk::id).orElseThrow(() -> new NotFoundException(
                store.kiosks().absence(kioskId, "no kiosk " + kioskId + " is registered; GET " + BASE + "/kiosks lists them")));
    }
}
