package org.bianmin.backend.http;

import java.util.UUID;

/** The documents API tests on embedded H2 (in memory, PostgreSQL mode). */
class DocumentsApiOnH2Test extends DocumentsApiTest {
    @Override
    String jdbcUrl() {
        return "jdbc:h2:mem:docs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
