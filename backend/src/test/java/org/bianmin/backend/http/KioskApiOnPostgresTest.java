package org.bianmin.backend.http;

import org.bianmin.backend.store.TestPostgres;

/** The kiosk API tests on a real PostgreSQL 16 server. */
class KioskApiOnPostgresTest extends KioskApiTest {
    @Override
    String jdbcUrl() {
        return TestPostgres.get().newDatabaseUrl();
    }
}
