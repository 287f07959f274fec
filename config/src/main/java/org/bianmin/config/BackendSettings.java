package org.bianmin.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the kiosk reaches its backend. The token is deliberately not here: see {@link KioskToken}.
 *
 * @param url            base URL of the kiosk API, http or https
 * @param connectTimeout to open a connection
 * @param requestTimeout for one request, answer included
 * @param retries        further attempts of an idempotent request after a failure
 * @param tokenFile      the file holding the kiosk token, absolute; absent means only {@code KIOSK_TOKEN} is used
 * @param heartbeatInterval between two heartbeats telling the fleet service how the kiosk and its devices are
 * @param caCertificates absolute paths of the PEM files with the CA certificates the kiosk trusts for its backend's TLS
 *                       certificate; empty means the JDK's default trust store
 */
public record BackendSettings(URI url, Duration connectTimeout, Duration requestTimeout, int retries, Optional<Path> tokenFile,
                              Duration heartbeatInterval, List<Path> caCertificates) {

    public BackendSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        caCertificates = List.copyOf(caCertificates);
    }

    BackendSettings withUrl(URI newUrl) {
        return new BackendSettings(newUrl, connectTimeout, requestTimeout, retries, tokenFile, heartbeatInterval, caCertificates);
    }
}
