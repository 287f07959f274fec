package org.bianmin.backend.store;

/** The fleet's tables on a real PostgreSQL 16 server. */
class FleetStoreOnPostgresTest extends FleetStoreContract {
    @Override
    String freshDatabaseUrl() {
        return TestPostgres.get().newDatabaseUrl();
    }
}
