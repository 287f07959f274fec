package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bianmin.backend.auth.AdminAuthenticationException;
import org.bianmin.backend.auth.AuthenticationException;
import org.bianmin.backend.auth.SubjectTokenException;
import org.bianmin.backend.auth.TechnicianCodeRefusedException;
import org.bianmin.backend.auth.WrongKioskException;
import org.bianmin.backend.auth.WrongTokenKindException;
import org.bianmin.backend.fleet.EnvelopeRefusedException;
import org.bianmin.backend.store.ConflictException;
import org.bianmin.backend.store.InvalidInputException;
import org.bianmin.backend.store.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into an {@code application/problem+json} answer (RFC 9457); only a bug gives a 500. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static void register(RoutesConfig routes, ObjectMapper mapper) {
        routes.exception(ApiProblemException.class, (e, ctx) -> write(ctx, mapper, e.problem()));
        routes.exception(InvalidInputException.class, (e, ctx) -> write(ctx, mapper, ApiProblem.invalid(e.field(), e.getMessage())));
        routes.exception(AdminAuthenticationException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"bianmin-admin\"");
            write(ctx, mapper, new ApiProblem(401, "unauthenticated", "No valid admin token", e.getMessage(), null));
        });
        routes.exception(AuthenticationException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"bianmin-kiosk\"");
            write(ctx, mapper, new ApiProblem(401, "unauthenticated", "No valid kiosk token", e.getMessage(), null));
        });
        routes.exception(SubjectTokenException.class, (e, ctx) ->
                write(ctx, mapper, new ApiProblem(401, "subject-token", "No valid subject token", e.getMessage(), "subjectToken")));
        routes.exception(WrongKioskException.class, (e, ctx) ->
                write(ctx, mapper, new ApiProblem(403, "wrong-kiosk", "The token belongs to another kiosk", e.getMessage(), null)));
        routes.exception(WrongTokenKindException.class, (e, ctx) ->
                write(ctx, mapper, new ApiProblem(403, "wrong-token-kind", "The token is of the other kind", e.getMessage(), null)));
        routes.exception(TechnicianCodeRefusedException.class, (e, ctx) -> write(ctx, mapper,
                new ApiProblem(403, "technician-code-refused", "The technician code does not open this kiosk", e.getMessage(), "code")));
        routes.exception(NotFoundException.class, (e, ctx) ->
                write(ctx, mapper, new ApiProblem(404, "not-found", "No such resource", e.getMessage(), null)));
        routes.exception(EnvelopeRefusedException.class, (e, ctx) -> write(ctx, mapper, new ApiProblem(422, "envelope-refused",
                "The signed config is refused", e.getMessage(), "envelope")));
        routes.exception(ConflictException.class, (e, ctx) ->
                write(ctx, mapper, new ApiProblem(409, "conflict", "The request conflicts with what is recorded", e.getMessage(), null)));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, mapper, fromJavalin(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, mapper, new ApiProblem(500, "internal-error", "Internal error",
                    "the backend failed unexpectedly; the failure is logged", null));
        });
    }

    private static ApiProblem fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new ApiProblem(404, "not-found", "No such resource",
                    "nothing is served at " + ctx.method() + " " + ctx.path() + "; see /openapi.yaml", null);
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not served at " + ctx.path() + "; see /openapi.yaml", null);
            case 413 -> new ApiProblem(413, "too-large", "Request body too large", e.getMessage(), null);
            default -> new ApiProblem(e.getStatus(), "http-" + e.getStatus(), "HTTP " + e.getStatus(), e.getMessage(), null);
        };
    }

    static void write(Context ctx, ObjectMapper mapper, ApiProblem problem) {
        UnreadBody.discard(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.path());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        try {
            ctx.status(problem.status()).contentType(CONTENT_TYPE).result(mapper.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
