package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JsonMapper;
import java.util.List;

/**
 * Builds the Javalin server from the API's routes and the console's pages, with problem-details error handling and
 * nothing else.
 */
public final class HttpServer {
    private HttpServer() {
    }

    /** An un-started server for the API {@code routes} and the console {@code pages} on {@code port} (0 = any free port). */
    public static Javalin create(int port, List<ApiRoute> routes, List<ApiRoute> pages, JsonMapper jsonMapper,
                                 ObjectMapper problemMapper) {
        return Javalin.create(config -> {
            config.jetty.port = port;
            config.jsonMapper(jsonMapper);
            config.http.prefer405over404 = true;
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
}
