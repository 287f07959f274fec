package org.bianmin.backend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.fleet.ConfigEnvelopes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The demo backend, started for each test of a class over HTTP, with the test admin key registered for pushes. */
abstract class DemoBackendWithAdminKey {
    static final String ADMIN = "demo-admin-token";

    @TempDir
    Path data;
    BackendApp app;
    Api api;

    @BeforeEach
    void startWithAdminKey() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true)).start();
        api = new Api(app.port());
        Api.Reply key = api.send("POST", "/api/v1/admin/keys", ADMIN,
                "{\"publicKey\":" + ConfigEnvelopes.quoted(ConfigEnvelopes.ADMIN.publicKeyPem()) + "}");
        assertEquals(201, key.status(), key.body());
    }

    @AfterEach
    void stop() {
        app.close();
    }
}
