package org.bianmin.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.bianmin.backend.store.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --demo} data survives a restart on the same data directory without duplicates or errors. */
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
        }
    }
}
