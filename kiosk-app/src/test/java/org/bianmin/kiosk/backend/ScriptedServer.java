package org.bianmin.kiosk.backend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the network, not for the backend: answers each "METHOD /path" with scripted replies
 * in turn (the last one repeats), or stalls, and records every request it got; over plain HTTP, or over TLS
 * with a certificate of the test's choosing ({@link #https}).
 */
final class ScriptedServer implements AutoCloseable {

    /** One scripted reply; a null status stalls until the server closes. */
    record Reply(Integer status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }

        static Reply problem(int status, String slug, String detail) {
            return new Reply(status, "application/problem+json", "{\"type\":\"urn:bianmin:problem:" + slug
                    + "\",\"title\":\"t\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"instance\":\"/\"}", Map.of());
        }

        static Reply stall() {
            return new Reply(null, null, null, Map.of());
        }

        Reply withHeader(String name, String value) {
            return new Reply(status, contentType, body, Map.of(name, value));
        }
    }

    /** A request as it arrived; {@code bytes} is the body as sent, {@code body} the same read as UTF-8. */
    record Request(String method, String path, String authorization, String body, String contentType, byte[] bytes) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    ScriptedServer() throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    private ScriptedServer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server that speaks TLS with the certificate and key of {@code tls}, e.g. {@link TestCa#serverTls}. */
    static ScriptedServer https(SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new ScriptedServer(server);
    }

    URI uri() {
        return uri("127.0.0.1");
    }

    /** The server's address under {@code host}, which must lead to the loopback address, e.g. localhost. */
    URI uri(String host) {
        return URI.create((server instanceof HttpsServer ? "https://" : "http://") + host + ":" + server.getAddress().getPort());
    }

    /** Scripts the replies to {@code method} on {@code path}, e.g. {@code on("GET", "/api/v1/kiosks/k-01/services", …)}. */
    ScriptedServer on(String method, String path, Reply... replies) {
        script.put(method + " " + path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        byte[] sent;
        try {
            sent = exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            // the client gave up (a timeout) before its body was read: the request still arrived
            sent = null;
        }
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), sent == null ? null : new String(sent, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Content-Type"), sent));
        Deque<Reply> replies = script.get(key);
        Reply reply;
        synchronized (this) {
            reply = replies == null ? Reply.problem(404, "not-found", "nothing scripted for " + key)
                    : replies.size() > 1 ? replies.poll() : replies.peek();
        }
        try (exchange) {
            if (reply.status() == null) {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
