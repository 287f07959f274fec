package org.bianmin.backend.http;

/** The OpenAPI contract test on the default H2 file database under the data directory. */
class OpenApiContractOnH2Test extends OpenApiContractTest {
    @Override
    String jdbcUrl() {
        return null;
    }
}
