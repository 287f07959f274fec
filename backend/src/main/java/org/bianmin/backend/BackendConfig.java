package org.bianmin.backend;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.bianmin.backend.tls.TlsIdentity;

/**
 * What the backend needs to start, checked when built.
 *
 * @param port    TCP port to listen on; 0 picks a free one
 * @param dataDir where the embedded H2 database (and later keys and documents) live
 * @param jdbcUrl {@code jdbc:postgresql://…} or {@code jdbc:h2:…}; null means the H2 file database under {@code dataDir}
 * @param demo    seed the demo kiosk {@code demo-kiosk-01} (token {@code demo-kiosk-token}) and its services
 * @param baseUrl the public address documents and QR codes point to, e.g. {@code https://zwfw.example.gov.cn}
 * @param tls     the certificate chain and key the listener serves HTTPS with; null serves plain HTTP
 */
public record BackendConfig(int port, Path dataDir, String jdbcUrl, boolean demo, URI baseUrl, TlsIdentity tls) {
    public BackendConfig {
        if (port < 0 || port > 65535) {
            throw new BackendConfigException("port: " + port + " is not a TCP port; use 1-65535, or 0 for any free port");
        }
        if (dataDir == null) {
            throw new BackendConfigException("data directory: none given; pass --data DIR");
        }
        if (jdbcUrl != null) {
            String lower = jdbcUrl.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql://")) {
                throw new BackendConfigException("db: '" + jdbcUrl.replaceAll("[?;].*", "")
                        + "' is not supported; use jdbc:postgresql://host:port/database or leave it out for H2 under the data directory");
            }
        }
        if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
            throw new BackendConfigException("base URL: '" + baseUrl + "' is not an absolute http(s) URL, e.g. https://zwfw.example.gov.cn");
        }
    }

    /** Listens on {@code port} in plain HTTP, H2 under {@code dataDir}, no demo data, base URL {@code http://localhost:port}. */
    public static BackendConfig of(int port, Path dataDir) {
        return new BackendConfig(port, dataDir, null, false, URI.create("http://localhost:" + port), null);
    }

    public BackendConfig withDemo(boolean demo) {
        return new BackendConfig(port, dataDir, jdbcUrl, demo, baseUrl, tls);
    }

    public BackendConfig withJdbcUrl(String jdbcUrl) {
        return new BackendConfig(port, dataDir, jdbcUrl, demo, baseUrl, tls);
    }

    /** Serves HTTPS with {@code tls}; the base URL stays as it is. */
    public BackendConfig withTls(TlsIdentity tls) {
        return new BackendConfig(port, dataDir, jdbcUrl, demo, baseUrl, tls);
    }

    /** The JDBC URL to open: the given one, or the H2 file under the data directory. */
    public String effectiveJdbcUrl() {
        return jdbcUrl != null ? jdbcUrl : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("bianmin-backend");
    }
}
