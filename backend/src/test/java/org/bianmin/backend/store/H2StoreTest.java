package org.bianmin.backend.store;

import java.util.UUID;

/** The store contract on embedded H2 (in memory, PostgreSQL mode). */
class H2StoreTest extends StoreContract {
    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
