package org.bianmin.backend;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.backend.auth.KioskAuthenticator;
import org.bianmin.backend.http.ApiRoute;
import org.bianmin.backend.http.HttpServer;
import org.bianmin.backend.http.Json;
import org.bianmin.backend.http.KioskApi;
import org.bianmin.backend.http.OpenApiDocument;
import org.bianmin.backend.store.Store;

/**
 * The backend's composition root: opens the store, seeds the demo if asked, and builds the un-started HTTP server.
 *
 * <p>{@link #create} returns an app that listens nowhere yet; {@link #start} binds the configured port (0 = any).
 */
public final class BackendApp implements AutoCloseable {
    private final BackendConfig config;
    private final Store store;
    private final KioskAuthenticator authenticator;
    private final List<ApiRoute> routes;
    private final Javalin javalin;

    private BackendApp(BackendConfig config, Store store, KioskAuthenticator authenticator, List<ApiRoute> routes,
                       Javalin javalin) {
        this.config = config;
        this.store = store;
        this.authenticator = authenticator;
        this.routes = routes;
        this.javalin = javalin;
    }

    public static BackendApp create(BackendConfig config) {
        return create(config, Clock.systemUTC());
    }

    /** As {@link #create(BackendConfig)}, with the clock the store stamps times with. */
    public static BackendApp create(BackendConfig config, Clock clock) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new BackendConfigException("data directory: cannot create " + config.dataDir() + " (" + e.getMessage() + ")");
        }
        Store store = Store.open(config.effectiveJdbcUrl(), clock);
        try {
            KioskAuthenticator auth = new KioskAuthenticator(store.kiosks(), new SecureRandom());
            if (config.demo()) {
                DemoKiosk.seed(store, auth);
            }
            var mapper = Json.mapper();
            List<ApiRoute> routes = new ArrayList<>();
            routes.add(OpenApiDocument.route());
            routes.addAll(new KioskApi(store, auth, mapper).routes());
            Javalin javalin = HttpServer.create(config.port(), routes, new JavalinJackson(mapper, false), mapper);
            return new BackendApp(config, store, auth, List.copyOf(routes), javalin);
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    /** Binds the port and serves; returns this app. */
    public BackendApp start() {
        javalin.start();
        return this;
    }

    /** The port the server listens on (the real one when started on port 0). */
    public int port() {
        return javalin.port();
    }

    public BackendConfig config() {
        return config;
    }

    /** Every operation the server serves, for the contract test. */
    public List<ApiRoute> routes() {
        return routes;
    }

    public Store store() {
        return store;
    }

    public KioskAuthenticator authenticator() {
        return authenticator;
    }

    @Override
    public void close() {
        try {
            javalin.stop();
        } finally {
            store.close();
        }
    }

}
