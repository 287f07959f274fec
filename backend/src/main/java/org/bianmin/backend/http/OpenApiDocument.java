package org.bianmin.backend.http;

import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the kiosk API contract, {@code backend/openapi.yaml}, at {@code GET /openapi.yaml}. */
public final class OpenApiDocument {
    /** Where the build puts {@code backend/openapi.yaml} on the class path. */
    public static final String RESOURCE = "/org/bianmin/backend/http/openapi.yaml";

    private OpenApiDocument() {
    }

    /** The contract's bytes, read from the class path. */
    public static byte[] bytes() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path; rebuild the backend module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApiRoute route() {
        byte[] spec = bytes();
        return new ApiRoute(HandlerType.GET, "/openapi.yaml",
                ctx -> ctx.contentType("application/yaml; charset=utf-8").result(spec));
    }
}
