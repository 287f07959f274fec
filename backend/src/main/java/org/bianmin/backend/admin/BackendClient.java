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
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.bianmin.backend.tls.ClientTrust;

/**
 * The admin API over HTTP for the command line: each call returns the answer, or fails with one line that says what
 * went wrong and what to do (backend not running, its certificate not trusted, token refused, a kiosk token, nothing
 * found).
 */
final class BackendClient {
    static final int FAILED = 1;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI backend;
    private final String token;
    private final ClientTrust trust;

    /** A client of {@code backend} with the admin {@code token}; an https backend's certificate must be signed by a CA {@code trust} holds. */
    BackendClient(URI backend, String token, ClientTrust trust) {
        this.backend = backend;
        this.token = token;
        this.trust = trust;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(trust.sslContext()).build();
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
        } catch (SSLException e) {
            throw tlsRefused(e);
        } catch (IOException e) {
            if (speaksTls(e)) {
                throw new AdminCliException("the backend at " + backend + " speaks HTTPS; use --backend https://"
                        + backend.getRawAuthority() + " (with --ca FILE if a private CA signed its certificate)", FAILED);
            }
            // what the server sent may be in the message: never put its control bytes on the terminal
            throw unreachable(DisplayWidth.printable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
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

    /** A TLS handshake that failed, in the admin's words: whose certificate, and what to pass. */
    private AdminCliException tlsRefused(SSLException e) {
        String certificate = trust.lastPresented().map(c -> " (" + c.getSubjectX500Principal().getName() + ")").orElse("");
        String host = backend.getHost();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return new AdminCliException("the certificate of the backend at " + backend + certificate
                        + " has expired; its operator must renew it (or this machine's clock is wrong)", FAILED);
            }
            if (t instanceof CertificateNotYetValidException) {
                return new AdminCliException("the certificate of the backend at " + backend + certificate
                        + " is not valid yet; check this machine's clock", FAILED);
            }
            if (t instanceof CertPathBuilderException) {
                String issued = trust.lastPresented().map(c -> " (" + c.getSubjectX500Principal().getName() + ", issued by "
                        + c.getIssuerX500Principal().getName() + ")").orElse("");
                return new AdminCliException("the certificate of the backend at " + backend + issued
                        + " is not signed by a CA this machine trusts; pass --ca FILE with your CA's certificate"
                        + trust.caFile().map(f -> ": " + f + " does not hold the CA that signed it")
                                .orElse(" (or set " + AdminCli.CA_VARIABLE + ")"), FAILED);
            }
            if (t instanceof CertificateException && t.getMessage() != null
                    && (t.getMessage().startsWith("No subject alternative") || t.getMessage().startsWith("No name matching"))) {
                String names = trust.lastPresented().map(ClientTrust::names).filter(n -> !n.isEmpty())
                        .map(n -> "names " + String.join(", ", n)).orElse("names no host");
                return new AdminCliException("the certificate of the backend at " + backend + certificate + " " + names
                        + ", not " + host + "; use one of those names in --backend, or have the certificate reissued for " + host,
                        FAILED);
            }
        }
        // the JDK's words for a server that answered the TLS hello in plain text
        if (e.getMessage() != null && (e.getMessage().contains("plaintext connection") || e.getMessage().contains("nrecognized SSL message"))) {
            return new AdminCliException("the backend at " + backend + " does not speak HTTPS; use --backend http://"
                    + backend.getRawAuthority() + ", or start the backend with --tls-cert and --tls-key", FAILED);
        }
        return new AdminCliException("the TLS handshake with the backend at " + backend + " failed (" + e.getMessage()
                + "); check --backend, and --ca for a backend whose certificate a private CA signed", FAILED);
    }

    /** Whether a plain-HTTP request got a TLS record back: byte 21 (alert) then version 3.x, where a status line was due. */
    private static boolean speaksTls(IOException e) {
        String message = e.getMessage();
        return message != null && message.startsWith("parsing HTTP/1.1 status line") && message.contains("\u0015\u0003");
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
