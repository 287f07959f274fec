package org.bianmin.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one kiosk needs to know to run, typed and checked: read it with {@link KioskConfigLoader}.
 *
 * @param version      revision of this configuration; a pushed configuration must carry a higher one
 * @param identity     who the kiosk is
 * @param backend      how it reaches its backend
 * @param devices      its devices, real or simulated
 * @param services     the service codes shown on Home, in order; empty means all the backend offers
 * @param guides       by service code, the admin's changes to that service's guide
 * @param session      timeouts and elder mode
 * @param languages    the languages a visit can use
 * @param notices      short notices shown on Home
 * @param trustAnchors absolute paths of the PEM certificates that may sign printed documents
 * @param maintenance  the maintenance mode's PIN
 * @param fleet        the admin keys whose pushed configurations the kiosk trusts, and its long-poll
 */
public record KioskConfig(int version, Identity identity, BackendSettings backend, DeviceSettings devices, List<String> services,
                          Map<String, GuideOverride> guides, SessionSettings session, LanguageSettings languages,
                          List<LocalizedText> notices, List<Path> trustAnchors, MaintenanceSettings maintenance, FleetSettings fleet) {

    public KioskConfig {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(fleet, "fleet");
        services = List.copyOf(services);
        guides = Map.copyOf(guides);
        notices = List.copyOf(notices);
        trustAnchors = List.copyOf(trustAnchors);
    }

    /**
     * This configuration with another backend URL, e.g. the one a demo's backend started on.
     *
     * @throws ConfigException when the URL is not a plain http(s) base URL
     */
    public KioskConfig withBackendUrl(URI url) {
        KioskConfigBinder.Complaint c = KioskConfigBinder.backendUrlComplaint(url);
        if (c != null) {
            throw new ConfigException(List.of(new ConfigProblem("backend.url", String.valueOf(url), c.problem(), c.fix(),
                    ConfigLayer.SET_BY_PROGRAM)));
        }
        return new KioskConfig(version, identity, backend.withUrl(url), devices, services, guides, session, languages, notices,
                trustAnchors, maintenance, fleet);
    }
}
