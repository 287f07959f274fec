package org.bianmin.backend.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One operation the server serves: method, Javalin path ({@code /api/v1/kiosks/{kioskId}/services}) and handler.
 *
 * <p>The server registers exactly these, so the contract test can hold them against openapi.yaml.
 */
public record ApiRoute(HandlerType method, String path, Handler handler) {
}
