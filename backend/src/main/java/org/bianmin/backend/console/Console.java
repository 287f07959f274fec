package org.bianmin.backend.console;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bianmin.backend.auth.AdminAuthenticationException;
import org.bianmin.backend.auth.AdminAuthenticator;
import org.bianmin.backend.auth.TokenHash;
import org.bianmin.backend.auth.WrongTokenKindException;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.http.AdminApi;
import org.bianmin.backend.http.ApiRoute;
import org.bianmin.backend.store.DiagnosticBundles;
import org.bianmin.backend.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' web console under {@code /console}: server-rendered HTML, no JavaScript, signed in with an admin token
 * that becomes a session cookie (HttpOnly, SameSite=Strict, Path=/console).
 *
 * <p>Each page is a route here and a menu entry in {@link #NAV}; a new page adds both. Sessions live in the database
 * (hashed ids) and end after {@link #IDLE} without a request or {@link #MAX_AGE} after sign-in.
 */
public final class Console {
    static final String ROOT = "/console";
    static final String LOGIN = ROOT + "/login";
    static final String LOGOUT = ROOT + "/logout";
    static final String KIOSKS = ROOT + "/kiosks";
    static final String COOKIE = "bianmin_console";
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    // pages are built here from escaped text only; nothing else may run or load
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** A menu entry: where it goes and what it says. */
    record NavItem(String path, String label) {
    }

    static final List<NavItem> NAV = List.of(new NavItem(KIOSKS, "自助机总览 · Fleet"));

    private final Store store;
    private final AdminAuthenticator admins;
    private final Fleet fleet;
    private final SecureRandom random;
    private final Clock clock;

    public Console(Store store, AdminAuthenticator admins, Fleet fleet, SecureRandom random, Clock clock) {
        this.store = store;
        this.admins = admins;
        this.fleet = fleet;
        this.random = random;
        this.clock = clock;
    }

    /** The console's pages, for the server to register beside the API. */
    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute(HandlerType.GET, ROOT, ctx -> seeOther(ctx, KIOSKS)),
                new ApiRoute(HandlerType.GET, LOGIN, this::loginForm),
                new ApiRoute(HandlerType.POST, LOGIN, this::login),
                new ApiRoute(HandlerType.POST, LOGOUT, this::logout),
                new ApiRoute(HandlerType.GET, KIOSKS, signedIn((ctx, admin) -> FleetPage.render(ctx, admin, fleet))),
                new ApiRoute(HandlerType.GET, KIOSKS + "/{kioskId}",
                        signedIn((ctx, admin) -> KioskPage.render(ctx, admin, fleet, store))),
                new ApiRoute(HandlerType.GET, ROOT + "/diagnostics/{bundleId}", signedIn(this::download)));
    }

    /** A page handler that knows who is signed in. */
    @FunctionalInterface
    interface Page {
        void handle(Context ctx, String admin) throws Exception;
    }

    /** Serves {@code page} to a signed-in admin; anyone else is sent to the sign-in form. */
    private Handler signedIn(Page page) {
        return ctx -> {
            secure(ctx);
            Optional<String> admin = session(ctx);
            if (admin.isEmpty()) {
                seeOther(ctx, LOGIN);
                return;
            }
            page.handle(ctx, admin.get());
        };
    }

    private Optional<String> session(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        return store.consoleSessions().use(TokenHash.of(id), clock.instant(), IDLE, MAX_AGE);
    }

    private void loginForm(Context ctx) {
        secure(ctx);
        if (session(ctx).isPresent()) {
            seeOther(ctx, KIOSKS);
            return;
        }
        LoginPage.render(ctx, 200, null);
    }

    private void login(Context ctx) {
        secure(ctx);
        String token = ctx.formParam("token");
        if (token == null || token.isBlank()) {
            LoginPage.render(ctx, 400, "请粘贴管理员令牌 · Paste an admin token (./kiosk backend add-admin-token NAME prints one).");
            return;
        }
        String admin;
        try {
            admin = admins.adminOf(token.strip());
        } catch (WrongTokenKindException e) {
            LoginPage.render(ctx, 403, "这是自助机令牌，控制台需要管理员令牌 · This is a kiosk token; the console takes an admin token.");
            return;
        } catch (AdminAuthenticationException e) {
            LoginPage.render(ctx, 401, "令牌无效 · This token belongs to no admin; check it, or ask for a new one "
                    + "(./kiosk backend add-admin-token NAME).");
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.consoleSessions().create(TokenHash.of(id), admin, clock.instant(), IDLE);
        LOG.info("admin {} signed in to the console", admin);
        setCookie(ctx, id, -1);
        seeOther(ctx, KIOSKS);
    }

    private void logout(Context ctx) {
        secure(ctx);
        String id = ctx.cookie(COOKIE);
        if (id != null && id.length() <= 100) {
            store.consoleSessions().delete(TokenHash.of(id));
        }
        setCookie(ctx, "", 0);
        seeOther(ctx, LOGIN);
    }

    private void download(Context ctx, String admin) {
        String id = ctx.pathParam("bundleId");
        Optional<DiagnosticBundles.Bundle> bundle = store.diagnostics().find(id);
        Optional<byte[]> zip = bundle.flatMap(b -> store.diagnostics().download(id, admin));
        if (zip.isEmpty()) {
            ctx.status(404).contentType("text/html; charset=utf-8").result(Html.page("未找到 · Not found", admin, NAV,
                    "<p class=\"message\">没有这个诊断包（可能已被更新的替换）· No such diagnostic bundle is kept.</p>", 0));
            return;
        }
        LOG.info("admin {} downloaded diagnostic bundle {} from the console", admin, id);
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + AdminApi.fileName(bundle.get()) + "\"")
                .result(zip.get());
    }

    /**
     * HttpOnly, SameSite=Strict, Path=/console; Secure when the request came over HTTPS (directly or via a proxy).
     *
     * @param maxAgeSeconds 0 deletes the cookie; negative makes it a browser-session cookie (the database ends it sooner)
     */
    private static void setCookie(Context ctx, String value, long maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.header("Set-Cookie", COOKIE + "=" + value + "; Path=" + ROOT + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : ""));
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    static void seeOther(Context ctx, String path) {
        ctx.status(303).header("Location", path);
    }
}
