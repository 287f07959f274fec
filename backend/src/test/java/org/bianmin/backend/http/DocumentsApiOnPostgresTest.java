package org.bianmin.backend.http;

import org.bianmin.backend.store.TestPostgres;

/** The documents API tests on a real PostgreSQL 16 server. */
class DocumentsApiOnPostgresTest extends DocumentsApiTest {
    @Override
    String jdbcUrl() {
        return TestPostgres.get().newDatabaseUrl();
    }
}
