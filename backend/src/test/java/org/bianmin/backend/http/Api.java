package org.bianmin.backend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for tests against a started backend. */
final class Api {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    Api(int port) {
        this.port = port;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body, null);
    }

    /** GET {@code path} with no token and the given Accept header. */
    Reply getAccepting(String path, String accept) {
        return send("GET", path, null, null, accept);
    }

    /** GET {@code path} as raw bytes, for PDFs. */
    HttpResponse<byte[]> bytes(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST {@code bytes} as {@code contentType}, e.g. a zip, with {@code Expect: 100-continue} as the kiosk sends it. */
    Reply upload(String path, String token, String contentType, byte[] bytes) {
        return upload(path, token, contentType, bytes, true);
    }

    /** As {@link #upload}, but the bytes go at once, as a browser or a simple client sends them. */
    Reply uploadWithoutAsking(String path, String token, String contentType, byte[] bytes) {
        return upload(path, token, contentType, bytes, false);
    }

    private Reply upload(String path, String token, String contentType, byte[] bytes, boolean askFirst) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).expectContinue(askFirst).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A zip file holding one small text entry. */
    static byte[] zip(String entry, String text) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Reply send(String method, String path, String token, String body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    static final String SIMULATED_CARD = "{\"method\":\"id-card\",\"idNumber\":\"110105194910010015\",\"name\":\"测试用户甲\"}";

    /** Identifies the simulated ID card's holder at the kiosk under {@code base} and returns the subject token. */
    String subjectToken(String base, String token) {
        return identified(send("POST", base + "/identifications", token, SIMULATED_CARD));
    }

    /** The subject token of a successful identification, failing the test on anything else. */
    static String identified(Reply r) {
        if (r.status() != 200) {
            throw new AssertionError("identification failed: " + r.status() + " " + r.body());
        }
        return r.json().get("subjectToken").asText();
    }

    /** Requests {@code serviceCode} for {@code subjectToken} and returns the issued document's JSON. */
    JsonNode issue(String base, String token, String serviceCode, String subjectToken) {
        Reply r = send("POST", base + "/documents", token,
                "{\"serviceCode\":\"" + serviceCode + "\",\"subjectToken\":\"" + subjectToken + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("document request failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Identifies the simulated card holder and issues their participation certificate. */
    JsonNode certificate(String base, String token) {
        return issue(base, token, "si-participation-certificate", subjectToken(base, token));
    }
}
