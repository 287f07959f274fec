package org.bianmin.backend.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The admin API over HTTP for the command line: each call returns the answer, or fails with one line that says what
 * went wrong and what to do (backend not running, token refused, a kiosk token, nothing found).
 */
final class BackendClient {
    static final int FAILED = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI backend;
    private final String token;

    BackendClient(URI backend, String token) {
        this.backend = backend;
        this.token = token;
    }

    URI backend() {
        return backend;
    }

    /** GET {@code path} as JSON; {@code notFound} says what a 404 means here (null: the backend's own words). */
    JsonNode get(String path, Supplier<String> notFound) {
        return json(send(HttpRequest.newBuilder(uri(path)).GET(), notFound));
    }

    /** POST {@code body} as JSON to {@code path}. */
    JsonNode post(String path, Object body, Supplier<String> notFound) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
        return json(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)), notFound));
    }

    /** PUT {@code body} as JSON to {@code path}. */
    JsonNode put(String path, Object body, Supplier<String> notFound) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and lists always serialises", e);
        }
        return json(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), notFound));
    }

    /** DELETE {@code path}; the answer is JSON. */
    JsonNode delete(String path, Supplier<String> notFound) {
        return json(send(HttpRequest.newBuilder(uri(path)).DELETE(), notFound));
    }

    /** POST JSON bytes as they are (a signed envelope, which must reach the backend unchanged) to {@code path}. */
    JsonNode postRaw(String path, byte[] json, Supplier<String> notFound) {
        return json(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), notFound));
    }

    /** GET {@code path} as bytes (a diagnostic bundle). */
    byte[] download(String path, Supplier<String> notFound) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), notFound).body();
    }

    private URI uri(String path) {
        String base = backend.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, Supplier<String> notFound) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json, application/zip").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no connection within 10 s");
        } catch (HttpTimeoutException e) {
            throw new AdminCliException("the backend at " + backend + " did not answer within " + TIMEOUT.toSeconds()
                    + " s; try again, or check the backend's log", FAILED);
        } catch (ConnectException e) {
            throw unreachable("connection refused");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminCliException("interrupted", FAILED);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        JsonNode problem = problem(response);
        String detail = problem.path("detail").asText("");
        String type = problem.path("type").asText("");
        throw switch (status) {
            case 401 -> new AdminCliException("the backend at " + backend + " refused the admin token (" + detail
                    + "); check --token or KIOSK_ADMIN_TOKEN", FAILED);
            case 403 -> new AdminCliException(type.endsWith(":wrong-token-kind")
                    ? "that is a kiosk token; the admin commands take an admin token (./kiosk backend add-admin-token NAME prints one)"
                    : "the backend refused: " + detail, FAILED);
            case 404 -> new AdminCliException(notFound == null ? detail : notFound.get(), FAILED);
            case 400, 409, 422 -> new AdminCliException("the backend refused: " + detail, FAILED);
            default -> new AdminCliException("the backend at " + backend + " answered HTTP " + status
                    + (detail.isEmpty() ? "" : ": " + detail) + "; see the backend's log", FAILED);
        };
    }

    private AdminCliException unreachable(String why) {
        return new AdminCliException("cannot reach the backend at " + backend + " (" + why
                + "); is ./kiosk backend running? (--backend URL to point elsewhere)", FAILED);
    }

    private JsonNode problem(HttpResponse<byte[]> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private JsonNode json(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            throw notTheBackend(response.statusCode(), type);
        }
        try {
            return mapper.readTree(new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw notTheBackend(response.statusCode(), type);
        }
    }

    private AdminCliException notTheBackend(int status, String type) {
        return new AdminCliException("what answers at " + backend + " is not the Bianmin backend (HTTP " + status + ", "
                + (type.isEmpty() ? "no content type" : type) + "); check --backend", FAILED);
    }
}
