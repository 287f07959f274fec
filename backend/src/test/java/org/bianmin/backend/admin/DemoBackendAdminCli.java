package org.bianmin.backend.admin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bianmin.backend.BackendApp;
import org.bianmin.backend.BackendConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The demo backend, started for each test, and {@code ./kiosk admin} run against it with the demo admin token. */
abstract class DemoBackendAdminCli {
    @TempDir
    Path data;
    BackendApp app;
    String backend;
    final Map<String, String> env = new HashMap<>(Map.of("KIOSK_ADMIN_TOKEN", "demo-admin-token"));
    String out;
    String err;

    @BeforeEach
    void startBackend() {
        app = BackendApp.create(BackendConfig.of(0, data).withDemo(true)).start();
        backend = "http://127.0.0.1:" + app.port();
    }

    @AfterEach
    void stopBackend() {
        app.close();
    }

    /** Runs an admin command against the backend; its output lands in {@link #out} and {@link #err}. */
    int admin(String... args) {
        return run(AdminRun.against(backend, args));
    }

    /** Runs the command line {@code args} as given. */
    int run(String[] args) {
        AdminRun r = AdminRun.of(args, env);
        out = r.out();
        err = r.err();
        return r.code();
    }
}
