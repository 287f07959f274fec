package org.bianmin.backend.http;

import java.util.UUID;

/** The kiosk API tests on embedded H2 (in memory, PostgreSQL mode). */
class KioskApiOnH2Test extends KioskApiTest {
    @Override
    String jdbcUrl() {
        return "jdbc:h2:mem:api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
