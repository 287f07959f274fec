package org.bianmin.backend.store;

import java.util.UUID;

/** The fleet's tables on embedded H2 (in memory, PostgreSQL mode). */
class FleetStoreOnH2Test extends FleetStoreContract {
    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:mem:fleet-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
