package org.bianmin.backend.store;

/** The store contract on a real PostgreSQL 16 server. */
class PostgresStoreTest extends StoreContract {
    @Override
    String freshDatabaseUrl() {
        return TestPostgres.get().newDatabaseUrl();
    }
}
