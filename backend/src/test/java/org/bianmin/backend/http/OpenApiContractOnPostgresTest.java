package org.bianmin.backend.http;

import org.bianmin.backend.store.TestPostgres;

/** The OpenAPI contract test on a real PostgreSQL 16 server. */
class OpenApiContractOnPostgresTest extends OpenApiContractTest {
    @Override
    String jdbcUrl() {
        return TestPostgres.get().newDatabaseUrl();
    }
}
