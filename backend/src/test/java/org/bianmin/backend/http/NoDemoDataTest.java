package org.bianmin.backend.http;

import static org.bianmin.backend.http.KioskApiTest.assertProblem;

import java.nio.file.Path;
import java.util.UUID;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.bianmin.backend.store.Kiosk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without {@code --demo} the backend serves, and every identification finds no record. */
class NoDemoDataTest {
    @TempDir
    Path data;

    @Test
    void withoutDemoDataTheSimulatedCardFindsNoRecord() {
        try (BackendApp app = BackendApp.create(BackendConfig.of(0, data)
                .withJdbcUrl("jdbc:h2:mem:empty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")).start()) {
            String token = app.authenticator().register(new Kiosk("kiosk-one", "甲镇便民服务中心"));
            Api api = new Api(app.port());
            assertProblem(api.send("POST", "/api/v1/kiosks/kiosk-one/identifications", token, Api.SIMULATED_CARD), 404,
                    "not-found", "no citizen record");
        }
    }
}
