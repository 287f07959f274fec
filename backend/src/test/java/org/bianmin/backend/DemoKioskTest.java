package org.bianmin.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bianmin.backend.fleet.ConfigEnvelopes;
import org.bianmin.backend.store.Service;
import org.bianmin.config.signing.AdminKeyPair;
import org.bianmin.config.signing.ConfigTarget;
import org.bianmin.config.signing.SignedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --demo} data survives a restart without duplicates, and takes pushes signed with the demo admin key. */
class DemoKioskTest {
    @TempDir
    Path data;

    @Test
    void restartingTheDemoOnTheSameDataKeepsOneKioskWithTheSameTokenAndServices() {
        BackendConfig config = BackendConfig.of(0, data).withDemo(true);
        try (BackendApp first = BackendApp.create(config)) {
            assertEquals(DemoKiosk.ID, first.authenticator().authenticate("Bearer " + DemoKiosk.TOKEN).id());
        }
        try (BackendApp second = BackendApp.create(config)) {
            assertEquals(DemoKiosk.ID, second.authenticator().authenticate("Bearer " + DemoKiosk.TOKEN).id());
            assertEquals(DemoKiosk.SERVICES.stream().map(Service::code).toList(),
                    second.store().services().offeredAt(DemoKiosk.ID).stream().map(Service::code).toList());
            assertEquals(1, second.store().adminKeys().all().size(), "the demo admin key once");
        }
    }

    @Test
    void theDemoBackendTakesPushesSignedWithTheDemoAdminKeyInTheConfigDirectory() throws Exception {
        assertEquals(Files.readString(Path.of("../config/demo-admin-key.pub")), DemoKiosk.ADMIN_PUBLIC_KEY);
        AdminKeyPair key = AdminKeyPair.read(Path.of("../config/demo-admin-key.pem"));
        try (BackendApp app = BackendApp.create(BackendConfig.of(0, data).withDemo(true))) {
            byte[] envelope = SignedConfig.sign(ConfigEnvelopes.homeTimeout(90), ConfigTarget.parse("kiosk:" + DemoKiosk.ID), 1,
                    key.privateKey()).toJson();
            assertEquals(1, app.configs().push(envelope, DemoKiosk.ADMIN, null, null, null).version());
            assertEquals(key.keyId(), app.store().adminKeys().all().get(0).keyId());
        }
    }
}
