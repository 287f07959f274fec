package org.bianmin.backend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.bianmin.config.signing.ConfigVerifier;
import org.bianmin.config.signing.Rejection;
import org.bianmin.config.signing.SignedConfig;
import org.bianmin.config.signing.Verdict;

/**
 * A kiosk's config loop over real HTTP, without the kiosk: long-polls its desired layers with its own token, verifies
 * every envelope against the admin keys it was provisioned with (as the kiosk does), "applies" what it accepts or fails
 * it as told, and reports what it runs. Runs on futures, so thousands fit in one JVM; for the fleet benchmark and tests.
 *
 * <p>What a real kiosk does on its own processor (parsing and verifying) runs on the {@code work} executor, apart from
 * the HTTP client's: thousands of simulated kiosks share a few cores, and an answer or a 204 must not wait for their
 * turn behind other kiosks' signature checks to be seen as arrived.
 */
public final class SimulatedKiosk {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the kiosk saw, each with the {@link System#nanoTime()} it arrived at. */
    public interface Listener {
        /** A desired set with these versions by target reached the kiosk (before it verified anything). */
        default void received(String kioskId, Map<String, Long> versions, long arrivedAt) {
        }

        /** The backend took the kiosk's report (answered 204); the kiosk runs these versions by target. */
        void reported(String kioskId, Map<String, Long> running, long storedAt);
    }

    private final HttpClient http;
    private final URI backend;
    private final String kioskId;
    private final String token;
    private final List<PublicKey> trusted;
    private final int waitSeconds;
    private final Function<SignedConfig, Optional<String>> failure;
    private final Listener listener;
    private final Executor work;
    private final Map<String, Long> running = new LinkedHashMap<>();
    private final Map<String, ObjectNode> reports = new LinkedHashMap<>();
    private volatile boolean stopped;
    private volatile Throwable broken;
    private String etag;

    /**
     * @param failure  for an accepted envelope, the reason it fails to apply, or empty when it applies
     * @param listener told of every desired set that arrives and every report the backend took
     * @param work     runs the kiosk's own work: parsing, verifying, building the report
     */
    public SimulatedKiosk(HttpClient http, URI backend, String kioskId, String token, List<PublicKey> trusted, int waitSeconds,
                          Function<SignedConfig, Optional<String>> failure, Listener listener, Executor work) {
        this.http = http;
        this.backend = backend;
        this.kioskId = kioskId;
        this.token = token;
        this.trusted = List.copyOf(trusted);
        this.waitSeconds = waitSeconds;
        this.failure = failure;
        this.listener = listener;
        this.work = work;
    }

    /** Starts polling; the loop runs until {@link #stop}. */
    public SimulatedKiosk start() {
        poll();
        return this;
    }

    public void stop() {
        stopped = true;
    }

    public String kioskId() {
        return kioskId;
    }

    /** What ended the loop unexpectedly (an HTTP error), or null. */
    public Throwable broken() {
        return broken;
    }

    /** The versions this kiosk runs, by target. */
    public synchronized Map<String, Long> running() {
        return Map.copyOf(running);
    }

    private void poll() {
        if (stopped) {
            return;
        }
        String query = "?wait=" + waitSeconds + (etag == null ? "" : "&known=" + etag);
        HttpRequest get = HttpRequest.newBuilder(uri("/config/desired" + query)).timeout(Duration.ofSeconds(waitSeconds + 30L))
                .header("Authorization", "Bearer " + token).GET().build();
        http.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray())
                .thenCompose(r -> switch (r.statusCode()) {
                    case 204 -> CompletableFuture.completedFuture(null);
                    case 200 -> {
                        long arrivedAt = System.nanoTime();
                        yield CompletableFuture.supplyAsync(() -> apply(r.body(), arrivedAt), work).thenCompose(f -> f);
                    }
                    default -> CompletableFuture.failedFuture(new IOException("GET desired answered " + r.statusCode() + ": "
                            + new String(r.body(), StandardCharsets.UTF_8)));
                })
                .whenComplete((v, e) -> {
                    if (e != null) {
                        broken = e;
                        return;
                    }
                    poll();
                });
    }

    private CompletableFuture<Void> apply(byte[] body, long arrivedAt) {
        JsonNode desired;
        try {
            desired = JSON.readTree(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        Map<String, Long> versions = new LinkedHashMap<>();
        desired.path("layers").forEach(l -> versions.put(l.path("target").asText(), l.path("version").asLong()));
        listener.received(kioskId, versions, arrivedAt);
        List<String> groups = new ArrayList<>();
        desired.path("groups").forEach(g -> groups.add(g.asText()));
        ConfigVerifier verifier = new ConfigVerifier(trusted, kioskId, new LinkedHashSet<>(groups));
        Instant now = Instant.now();
        synchronized (this) {
            etag = desired.path("etag").asText();
            for (JsonNode layer : desired.path("layers")) {
                byte[] bytes;
                try {
                    bytes = JSON.writeValueAsBytes(layer);
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
                String target = layer.path("target").asText();
                long version = layer.path("version").asLong();
                Verdict verdict = verifier.verify(bytes, t -> running.getOrDefault(t.toString(), 0L));
                if (verdict instanceof Verdict.Rejected r) {
                    if (r.reason() != Rejection.REPLAYED) {
                        reports.put(target, report(target, version, "rejected", r.message(), now));
                    }
                    continue;
                }
                SignedConfig accepted = ((Verdict.Accepted) verdict).config();
                Optional<String> failed = failure.apply(accepted);
                if (failed.isPresent()) {
                    reports.put(target, report(target, version, "failed", failed.get(), now));
                } else {
                    running.put(target, version);
                    reports.put(target, report(target, version, "applied", null, now));
                }
            }
        }
        return report();
    }

    private ObjectNode report(String target, long version, String status, String reason, Instant at) {
        ObjectNode r = JSON.createObjectNode();
        r.put("target", target);
        r.put("version", version);
        r.put("running", running.getOrDefault(target, 0L));
        r.put("status", status);
        if (reason != null) {
            r.put("reason", reason.length() > 500 ? reason.substring(0, 497) + "..." : reason);
        }
        r.put("at", at.toString());
        return r;
    }

    private CompletableFuture<Void> report() {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode layers = body.putArray("layers");
        Map<String, Long> runs;
        synchronized (this) {
            reports.values().forEach(layers::add);
            runs = Map.copyOf(running);
        }
        HttpRequest put;
        try {
            put = HttpRequest.newBuilder(uri("/config/reported")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(put, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
            if (r.statusCode() != 204) {
                return CompletableFuture.failedFuture(new IOException("PUT reported answered " + r.statusCode() + ": " + r.body()));
            }
            listener.reported(kioskId, runs, System.nanoTime());
            return CompletableFuture.completedFuture(null);
        });
    }

    private URI uri(String path) {
        String base = backend.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/v1/kiosks/" + kioskId + path);
    }
}
