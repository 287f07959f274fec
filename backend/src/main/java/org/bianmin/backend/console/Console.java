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
import org.bianmin.backend.fleet.ConfigDistribution;
import org.bianmin.backend.fleet.ConfigStatus;
import org.bianmin.backend.fleet.Fleet;
import org.bianmin.backend.http.AdminApi;
import org.bianmin.backend.http.ApiRoute;
import org.bianmin.backend.http.UnreadBody;
import org.bianmin.backend.store.DiagnosticBundles;
import org.bianmin.backend.store.Store;
import org.bianmin.config.signing.SignedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' web console under {@code /console}: server-rendered HTML, no JavaScript, signed in with an admin token
 * that becomes a session cookie (HttpOnly, SameSite=Strict, Path=/console).
 *
 * <p>Each page is a route here and a menu entry in {@link #NAV}; a new page adds both. Sessions live in the database
 * (hashed ids) and end after {@link #IDLE} without a request or {@link #MAX_AGE} after sign-in. Every POST carries a
 * {@link FormToken}; one without the right token changes nothing.
 */
public final class Console {
    static final String ROOT = "/console";
    static final String LOGIN = ROOT + "/login";
    static final String LOGOUT = ROOT + "/logout";
    static final String KIOSKS = ROOT + "/kiosks";
    static final String PUSH = ROOT + "/push";
    static final String LAYERS = ROOT + "/layers";
    static final String COOKIE = "bianmin_console";
    // the sign-in form's own token, before there is a session
    static final String LOGIN_COOKIE = "bianmin_console_login";
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    // pages are built here from escaped text only; nothing else may run or load
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /** A menu entry: where it goes and what it says. */
    record NavItem(String path, String label) {
    }

    static final List<NavItem> NAV = List.of(new NavItem(KIOSKS, "自助机总览 · Fleet"), new NavItem(PUSH, "推送配置 · Push config"));

    /** A signed-in admin and the token their forms carry. */
    record Session(String admin, String formToken) {
    }

    private final Store store;
    private final AdminAuthenticator admins;
    private final Fleet fleet;
    private final ConfigDistribution configs;
    private final ConfigStatus configStatus;
    private final SecureRandom random;
    private final Clock clock;

    public Console(Store store, AdminAuthenticator admins, Fleet fleet, ConfigDistribution configs, ConfigStatus configStatus,
                   SecureRandom random, Clock clock) {
        this.store = store;
        this.admins = admins;
        this.fleet = fleet;
        this.configs = configs;
        this.configStatus = configStatus;
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
                new ApiRoute(HandlerType.GET, KIOSKS, signedIn((ctx, s) -> FleetPage.render(ctx, s, fleet, configStatus))),
                new ApiRoute(HandlerType.GET, KIOSKS + "/{kioskId}",
                        signedIn((ctx, s) -> KioskPage.render(ctx, s, fleet, configStatus, store))),
                new ApiRoute(HandlerType.GET, PUSH, signedIn(PushPage::form)),
                new ApiRoute(HandlerType.POST, PUSH, signedInForm((ctx, s) -> PushPage.submit(ctx, s, configs, configStatus))),
                new ApiRoute(HandlerType.GET, LAYERS + "/{target}/{version}",
                        signedIn((ctx, s) -> RevertPage.render(ctx, s, store, configs))),
                new ApiRoute(HandlerType.GET, LAYERS + "/{target}/{version}/yaml",
                        signedIn((ctx, s) -> RevertPage.yaml(ctx, s, store, configs))),
                new ApiRoute(HandlerType.GET, ROOT + "/diagnostics/{bundleId}", signedIn(this::download)));
    }

    /** A page handler that knows who is signed in. */
    @FunctionalInterface
    interface Page {
        void handle(Context ctx, Session session) throws Exception;
    }

    /** Serves {@code page} to a signed-in admin; anyone else is sent to the sign-in form. */
    private Handler signedIn(Page page) {
        return ctx -> {
            secure(ctx);
            Optional<Session> session = session(ctx);
            if (session.isEmpty()) {
                seeOther(ctx, LOGIN);
                return;
            }
            page.handle(ctx, session.get());
        };
    }

    /** As {@link #signedIn}, for a POST: the form must carry the session's token, else nothing is done. */
    private Handler signedInForm(Page page) {
        return signedIn((ctx, session) -> {
            String sent;
            try {
                sent = ctx.formParam(FormToken.FIELD);
            } catch (Exception e) {
                // Jetty's multipart parser throws ServletException (undeclared, through Kotlin) for a part over the limit
                LOG.info("admin {}: a form posted to {} could not be read ({})", session.admin(), ctx.path(), e.getMessage());
                UnreadBody.discard(ctx);
                ctx.status(413).contentType("text/html; charset=utf-8").result(Html.page("表单无法读取 · Form not read", session, NAV,
                        "<p class=\"message\" role=\"alert\">表单过大或无法读取，未执行任何操作 · The form was too large or could not be "
                                + "read, so nothing was done; a signed config is at most " + SignedConfig.MAX_BYTES
                                + " bytes. Check that you chose the signed file, and send it again.</p>\n", 0));
                return;
            }
            if (!FormToken.matches(session.formToken(), sent)) {
                LOG.warn("admin {}: a form without this session's token was posted to {}; refused", session.admin(), ctx.path());
                refuseForm(ctx, session);
                return;
            }
            page.handle(ctx, session);
        });
    }

    /** The form token a request sent; null when it sent none or its body is not a form that can be read. */
    private static String sentToken(Context ctx) {
        try {
            return ctx.formParam(FormToken.FIELD);
        } catch (Exception e) {
            return null;
        }
    }

    private static void refuseForm(Context ctx, Session session) {
        ctx.status(403).contentType("text/html; charset=utf-8").result(Html.page("表单已失效 · Form expired", session, NAV,
                "<p class=\"message\" role=\"alert\">表单已失效或来自别的网页，未执行任何操作 · This form expired or came from "
                        + "another page, so nothing was done. Open the page again from the menu and send it from there.</p>\n", 0));
    }

    private Optional<Session> session(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        return store.consoleSessions().use(TokenHash.of(id), clock.instant(), IDLE, MAX_AGE)
                .map(admin -> new Session(admin, FormToken.ofSession(id)));
    }

    private void loginForm(Context ctx) {
        secure(ctx);
        if (session(ctx).isPresent()) {
            seeOther(ctx, KIOSKS);
            return;
        }
        LoginPage.render(ctx, 200, null, loginToken(ctx));
    }

    /** A fresh random token for the sign-in form, also set as the sign-in cookie. */
    private String loginToken(Context ctx) {
        String token = randomId();
        ctx.header("Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=" + LOGIN + "; HttpOnly; SameSite=Strict" + secureFlag(ctx));
        return token;
    }

    private void login(Context ctx) {
        secure(ctx);
        if (!FormToken.matches(ctx.cookie(LOGIN_COOKIE), sentToken(ctx))) {
            LoginPage.render(ctx, 403, "登录表单已失效，请重新登录 · The sign-in form expired or came from another page; "
                    + "sign in again with this one.", loginToken(ctx));
            return;
        }
        String token = ctx.formParam("token");
        if (token == null || token.isBlank()) {
            LoginPage.render(ctx, 400, "请粘贴管理员令牌 · Paste an admin token (./kiosk backend add-admin-token NAME prints one).",
                    loginToken(ctx));
            return;
        }
        String admin;
        try {
            admin = admins.adminOf(token.strip());
        } catch (WrongTokenKindException e) {
            LoginPage.render(ctx, 403, "这是自助机令牌，控制台需要管理员令牌 · This is a kiosk token; the console takes an admin token.",
                    loginToken(ctx));
            return;
        } catch (AdminAuthenticationException e) {
            LoginPage.render(ctx, 401, "令牌无效 · This token belongs to no admin; check it, or ask for a new one "
                    + "(./kiosk backend add-admin-token NAME).", loginToken(ctx));
            return;
        }
        String id = randomId();
        store.consoleSessions().create(TokenHash.of(id), admin, clock.instant(), IDLE);
        LOG.info("admin {} signed in to the console", admin);
        setCookie(ctx, id, -1);
        seeOther(ctx, KIOSKS);
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void logout(Context ctx) {
        secure(ctx);
        Optional<Session> session = session(ctx);
        if (session.isPresent() && !FormToken.matches(session.get().formToken(), sentToken(ctx))) {
            refuseForm(ctx, session.get());
            return;
        }
        String id = ctx.cookie(COOKIE);
        if (session.isPresent()) {
            store.consoleSessions().delete(TokenHash.of(id));
            LOG.info("admin {} signed out of the console", session.get().admin());
        }
        setCookie(ctx, "", 0);
        seeOther(ctx, LOGIN);
    }

    private void download(Context ctx, Session session) {
        String admin = session.admin();
        String id = ctx.pathParam("bundleId");
        Optional<DiagnosticBundles.Bundle> bundle = store.diagnostics().find(id);
        Optional<byte[]> zip = bundle.flatMap(b -> store.diagnostics().download(id, admin));
        if (zip.isEmpty()) {
            ctx.status(404).contentType("text/html; charset=utf-8").result(Html.page("未找到 · Not found", session, NAV,
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
        ctx.header("Set-Cookie", COOKIE + "=" + value + "; Path=" + ROOT + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + "; HttpOnly; SameSite=Strict" + secureFlag(ctx));
    }

    private static String secureFlag(Context ctx) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return https ? "; Secure" : "";
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
