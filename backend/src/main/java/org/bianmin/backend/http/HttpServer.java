package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JsonMapper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bianmin.backend.fleet.ConfigDistribution;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.backend.tls.TlsIdentity;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Builds the Javalin server from the API's routes and the console's pages, with problem-details error handling, sized
 * for thousands of kiosks that each keep a long-poll open; its one listener speaks HTTPS when given a TLS identity.
 */
public final class HttpServer {
    /** Connections silent this long are closed: longer than the longest long-poll, so a waiting kiosk is never cut off. */
    static final Duration IDLE_TIMEOUT = ConfigDistribution.LONGEST_WAIT.plusSeconds(30);
    // the listen backlog: a whole township's kiosks reconnecting at once after a network cut must not overflow it
    // (the kernel caps it at net.core.somaxconn)
    private static final int ACCEPT_QUEUE = 4096;

    private HttpServer() {
    }

    /**
     * An un-started server for the API {@code routes} and the console {@code pages} on {@code port} (0 = any free port):
     * HTTPS with {@code tls}, plain HTTP when it is null.
     */
    public static Javalin create(int port, TlsIdentity tls, List<ApiRoute> routes, List<ApiRoute> pages, JsonMapper jsonMapper,
                                 ObjectMapper problemMapper) {
        return Javalin.create(config -> {
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = tls == null
                        ? new ServerConnector(server, new HttpConnectionFactory(http))
                        : new ServerConnector(server, new SslConnectionFactory(sslContextFactory(tls), HttpVersion.HTTP_1_1.asString()),
                                new HttpConnectionFactory(secure(http)));
                connector.setPort(port);
                connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            config.jsonMapper(jsonMapper);
            config.http.prefer405over404 = true;
            // a signed config may be 1 MiB; every handler checks its own, smaller or equal, limit
            config.http.maxRequestSize = SignedConfig.MAX_BYTES + 64 * 1024;
            // the console's upload of a signed config: the same bound, and held in memory (no temporary files)
            config.jetty.multipartConfig.maxFileSize(SignedConfig.MAX_BYTES + 1, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(SignedConfig.MAX_BYTES + 64 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(SignedConfig.MAX_BYTES + 1, SizeUnit.BYTES);
            // a long-poll ends by itself (204) before this; the server's own limit only catches a handler that never answers
            config.http.asyncTimeout = IDLE_TIMEOUT.toMillis();
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            for (ApiRoute r : routes) {
                config.routes.addHttpHandler(r.method(), r.path(), r.handler());
            }
            for (ApiRoute p : pages) {
                config.routes.addHttpHandler(p.method(), p.path(), p.handler());
            }
            Problems.register(config.routes, problemMapper);
        });
    }

    /** TLS 1.2 and 1.3 only, with the identity's key and chain; no ALPN, so every connection speaks HTTP/1.1. */
    private static SslContextFactory.Server sslContextFactory(TlsIdentity tls) {
        // the key store lives only in memory: its password guards nothing and only satisfies the KeyStore API
        char[] password = UUID.randomUUID().toString().toCharArray();
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(tls.keyStore(password));
        factory.setKeyStorePassword(new String(password));
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        return factory;
    }

    /** The HTTP settings over TLS: requests know they came in secure (https scheme, so the console's cookies are Secure). */
    private static HttpConfiguration secure(HttpConfiguration http) {
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        return https;
    }
}
