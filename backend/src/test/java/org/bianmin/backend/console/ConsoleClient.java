package org.bianmin.backend.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console as a browser without JavaScript uses it, over real HTTP: it keeps the session cookie and sends back the
 * form token of the last page it read, as a form on that page would.
 */
final class ConsoleClient {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"" + FormToken.FIELD + "\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    /** The session cookie, {@code name=value}, once signed in. */
    String cookie;
    /** The form token of the last page read. */
    String formToken;

    ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET(), cookie));
    }

    /** Posts {@code fields} as a form, with the form token of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = withToken(fields);
        String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), cookie));
    }

    /** Posts {@code fields} and one file as {@code multipart/form-data}, as the push form does. */
    HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----console-test-boundary-7MA4YWxkTrZu0gW";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : withToken(fields).entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), cookie));
    }

    /** Opens the sign-in form (which sets its own cookie), sends {@code token} from it, and keeps the session cookie. */
    HttpResponse<String> signIn(String token) throws IOException, InterruptedException {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(base + "/console/login")).GET(), null);
        assertEquals(200, form.statusCode(), form.body());
        String loginCookie = cookieOf(form);
        String loginToken = tokenIn(form.body());
        String body = FormToken.FIELD + "=" + URLEncoder.encode(loginToken, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)), loginCookie);
        if (r.statusCode() == 303) {
            cookie = cookieOf(r);
            get("/console/kiosks");
        }
        return r;
    }

    private Map<String, String> withToken(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (formToken != null) {
            all.put(FormToken.FIELD, formToken);
        }
        all.putAll(fields);
        return all;
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String withCookie) throws IOException, InterruptedException {
        if (withCookie != null) {
            b.header("Cookie", withCookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
        Matcher m = FORM_TOKEN.matcher(r.body());
        if (m.find()) {
            formToken = m.group(1);
        }
        return r;
    }

    static String tokenIn(String html) {
        Matcher m = FORM_TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no form token: " + html);
        }
        return m.group(1);
    }

    /** The cookie a response sets, as a browser sends it back: {@code name=value}. */
    static String cookieOf(HttpResponse<?> r) {
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie was set"));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
